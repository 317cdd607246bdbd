/**
 * One despatch → one item fulfilment, exactly once: the fulfilment's externalid is
 * `despatch:<DespatchId>`, so NetSuite refuses a second one (a redelivered despatch, a restarted
 * key, two keys at once). What the order cannot explain becomes an exception for its owner and the
 * feed moves on. Quantities are checked twice: against the batch's order facts (no transform is
 * paid for a despatch that cannot fit) and against the transform's live remaining quantities.
 */
import type { Despatch } from '../../scend/contract';
import type { ExceptionDraft } from '../exceptions/exception';
import { CLOSED_ORDER_STATUSES, type DespatchOrder, type DespatchWork } from './despatch-order';
import {
  closedOrderDespatchException,
  duplicateShipmentException,
  malformedDespatchException,
  mismatchException,
  unmatchedDespatchException,
} from './despatch-exceptions';
import { planFulfilment, type DespatchProblem, type PlanResult } from './plan-fulfilment';

export type RecordResult =
  | { kind: 'created'; id: string }
  /** NetSuite refused the externalid: this despatch's fulfilment exists already. */
  | { kind: 'duplicate' }
  | { kind: 'problem'; problem: DespatchProblem };

export interface FulfilmentPort {
  /** Transforms the order, plans with the live remaining quantities (`plan`), saves the fulfilment. */
  record(work: DespatchWork & { despatch: Despatch; order: DespatchOrder }, plan: (remaining: ReadonlyMap<string, number>) => PlanResult): RecordResult;
  /** Whether the fulfilment for this despatch exists (a search by externalid). */
  exists(despatchId: string): boolean;
  /** DespatchIds of the order's fulfilments recorded from Scend despatches. */
  despatchesOf(salesOrderId: string): string[];
}

export interface DespatchPorts {
  fulfilments: FulfilmentPort;
  exceptions: { raise(draft: ExceptionDraft, now: Date): unknown };
}

export type DespatchOutcome =
  | { kind: 'fulfilled'; fulfilmentId: string }
  | { kind: 'recorded' }
  | { kind: 'exception'; type: ExceptionDraft['type'] };

function raise(ports: DespatchPorts, draft: ExceptionDraft, now: Date): DespatchOutcome {
  ports.exceptions.raise(draft, now);
  return { kind: 'exception', type: draft.type };
}

export function importDespatch(work: DespatchWork, ports: DespatchPorts, now: Date): DespatchOutcome {
  const despatch = work.despatch;
  if (!despatch) return raise(ports, malformedDespatchException(work.despatchId, work.malformed?.problem ?? 'unreadable', work.malformed?.raw ?? ''), now);
  if (work.recorded) return { kind: 'recorded' };
  const order = work.order;
  if (!order) return raise(ports, unmatchedDespatchException(despatch), now);
  if (CLOSED_ORDER_STATUSES[order.status]) {
    return ports.fulfilments.exists(despatch.DespatchId) ? { kind: 'recorded' } : raise(ports, closedOrderDespatchException(despatch, order), now);
  }

  const plan = (remaining?: ReadonlyMap<string, number>) => planFulfilment(despatch, order, work.numbers, work.shipMethodId, remaining);
  const first = plan();
  let problem: DespatchProblem | undefined = first.ok ? undefined : first.problem;
  if (!problem || problem.kind === 'overShipment' || problem.kind === 'alreadyShipped') {
    // Quantities may have moved since the batch was read: the transform says what is left now.
    const result = ports.fulfilments.record({ ...work, despatch, order }, plan);
    if (result.kind === 'created') return { kind: 'fulfilled', fulfilmentId: result.id };
    if (result.kind === 'duplicate') return { kind: 'recorded' };
    problem = result.problem;
  }
  if (problem.kind === 'overShipment' || problem.kind === 'alreadyShipped') {
    // This despatch's own fulfilment (an earlier attempt of this key) explains the missing quantity.
    if (ports.fulfilments.exists(despatch.DespatchId)) return { kind: 'recorded' };
    if (problem.kind === 'alreadyShipped') {
      const earlier = ports.fulfilments.despatchesOf(order.salesOrderId).filter((id) => id !== despatch.DespatchId);
      return raise(ports, duplicateShipmentException(despatch, order, earlier), now);
    }
  }
  return raise(ports, mismatchException(despatch, order, problem), now);
}
