/**
 * Retry now: the order's ledger entry is made due by a claim (compare-and-set on state and
 * attempts: of a retry and a backlog run at once, one wins and nothing is sent twice), then the
 * backlog map/reduce is submitted. A backlog already queued or running will pick the order up (its
 * next run at the latest), so that refusal is fine. Costs: lookup 10 + claim 6 + submit 20.
 */
import * as task from 'N/task';
import { SCRIPTS } from '../../ids';
import { planRetry } from '../../core/exceptions/retry';
import { orderLedgerKey } from '../../core/sync/ledger';
import { LedgerRepository } from './ledger-repository';
import { errorName } from '../error-name';

export interface RetryOutcome {
  queued: boolean;
  message: string;
}

/** N/task: a deployment already queued or running refuses another submission. */
const ALREADY_QUEUED = ['MAP_REDUCE_ALREADY_RUNNING', 'FAILED_TO_SUBMIT_JOB_REQUEST_1'];

export function submitBacklog(): void {
  try {
    task.create({ taskType: task.TaskType.MAP_REDUCE, scriptId: SCRIPTS.orderBacklog.id, deploymentId: SCRIPTS.orderBacklog.deployments.main }).submit();
  } catch (e) {
    if (ALREADY_QUEUED.indexOf(errorName(e)) < 0) throw e;
  }
}

/** `submit: false` for a bulk retry that submits the backlog once after all its orders. */
export function retryOrder(salesOrderId: string, now: Date, who: string, options: { submit?: boolean } = {}): RetryOutcome {
  const ledger = new LedgerRepository();
  const entry = ledger.find(orderLedgerKey(salesOrderId));
  const plan = planRetry(entry, now, who);
  if (plan.kind === 'nothing') return { queued: false, message: plan.message };
  if (plan.kind === 'make-due' && entry && !ledger.claim(entry, plan.patch)) {
    return { queued: false, message: 'The order changed while retrying (someone or the backlog is working it): look again in a minute.' };
  }
  if (options.submit !== false) submitBacklog();
  return { queued: true, message: plan.message };
}
