/**
 * Someone working in NetSuite while the connector's scheduled work runs: at seeded random governed
 * calls of any running script, a user edits, approves or cancels one of the given sales orders
 * through the UI (user events fire, as they would). Add it to any end-to-end world; what the user
 * did, and what NetSuite answered, is in `actions`.
 */
import type { Sandbox } from '../sandbox/src/index';
import type { Database } from '../sandbox/src/data/database';
import { Rng } from '../sandbox/src/runners/rng';

export type UserActionKind = 'edit' | 'approve' | 'cancel';

export interface ConcurrentUserOptions {
  /** The sales orders the user may touch (asked each time the user acts). */
  orders: () => Array<string | number>;
  /** What the user does (default all three, equally likely). */
  actions?: UserActionKind[];
  /** Chance at each governed call of a running script that the user acts (default 0.1). */
  probability?: number;
  /** Most actions in all (default unlimited). */
  times?: number;
  seed?: number;
}

export interface UserAction {
  kind: UserActionKind;
  order: string;
  /** 'ok', 'skipped' (not possible in the order's status), or the error NetSuite gave (e.g. a user event refusing a cancel). */
  outcome: string;
  /** The script and call the user interrupted. */
  during: string;
}

export interface ConcurrentUser {
  readonly actions: readonly UserAction[];
  stop(): void;
}

export function addConcurrentUser(sb: Sandbox, options: ConcurrentUserOptions): ConcurrentUser {
  const db = sb.data.db as Database;
  const rng = new Rng(((options.seed ?? sb.concurrency.seed) * 7919 + 17) >>> 0);
  const kinds = options.actions ?? ['edit', 'approve', 'cancel'];
  const actions: UserAction[] = [];
  let left = options.times ?? Number.POSITIVE_INFINITY;
  sb.concurrency.interleave({ probability: options.probability ?? 0.1 });

  const act = (kind: UserActionKind, order: string): string => {
    const status = String(db.peek('salesorder', Number(order)).fields.orderstatus);
    if (kind === 'edit') {
      const rec = sb.record.load({ type: 'salesorder', id: order });
      rec.setValue({ fieldId: 'memo', value: `edited by a user (${actions.length + 1})` });
      rec.save();
      return 'ok';
    }
    if (kind === 'approve') {
      if (status !== 'A') return 'skipped';
      db.approveSalesOrder(order);
      return 'ok';
    }
    if (status !== 'A' && status !== 'B') return 'skipped';
    db.cancelSalesOrder(order);
    return 'ok';
  };

  const withdraw = sb.concurrency.add({
    name: 'concurrent user',
    ready: () => left > 0 && options.orders().length > 0,
    run: () => {
      left -= 1;
      const orders = options.orders();
      const order = String(orders[rng.int(orders.length)]);
      const kind = kinds[rng.int(kinds.length)];
      const last = sb.concurrency.trace[sb.concurrency.trace.length - 1];
      const during = last ? `${last.at.deploymentId ?? last.at.scriptId}.${last.at.entryPoint}${last.at.key ? `[${last.at.key}]` : ''} call ${last.at.call} (${last.at.what})` : 'unknown';
      let outcome: string;
      try {
        outcome = act(kind, order);
      } catch (e) {
        outcome = (e as Error).name || 'Error';
      }
      actions.push({ kind, order, outcome, during });
    },
  });
  return { actions, stop: withdraw };
}

/**
 * Runs checks and, if one fails, adds how to reproduce the run (seed and every interleaving) to the
 * failure, so a red concurrency test always says which seed turns it red.
 */
export async function reproducible<T>(sb: Sandbox, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Error) e.message = `${e.message}\n\nReproduce with ${sb.concurrency.describe()}`;
    throw e;
  }
}
