import { SeededRng } from '../engine/rng';

/** How a bad payload corrupts a successful response (the first item of a feed/list, else the body itself). */
export type BadPayloadMutation = 'missingField' | 'wrongType' | 'negativeQuantity' | 'unknownOrderReference' | 'notJson';

/** How an injected error answer looks: the contract's JSON (default), a proxy's HTML page, or JSON cut off mid-body. */
export type ErrorBodyShape = 'json' | 'html' | 'truncated';

export type FaultAction =
  /** Answer with this status instead of handling: 500 INTERNAL, 502/503 UNAVAILABLE, 429 RATE_LIMITED (+ Retry-After). Nothing is applied. */
  | { kind: 'status'; status: number; retryAfterSeconds?: number; body?: ErrorBodyShape }
  /** Wait, then handle normally (use more than 45 000 ms to outlast NetSuite's https timeout). */
  | { kind: 'latency'; ms: number }
  /** Destroy the socket without handling: nothing is applied. */
  | { kind: 'drop' }
  /** Never answer and apply nothing (a timeout with no commit). */
  | { kind: 'hang' }
  /** Apply the request, then fail: a 5xx (`status`, default 500), a dropped socket, no answer at all, or the real answer after `delayMs`. */
  | { kind: 'commitThenFail'; then?: 'status' | 'drop' | 'hang' | 'delay'; status?: number; delayMs?: number; body?: ErrorBodyShape }
  /** Handle normally, then corrupt the 2xx body. `field` names the property for missingField / wrongType. */
  | { kind: 'badPayload'; mutation: BadPayloadMutation; field?: string };

export interface FaultRuleInput {
  /** HTTP method, or '*' (default). */
  method?: string;
  /** The contract path template, e.g. '/v1/orders/{OrderId}', or '*' (default). */
  path?: string;
  /** Fire at most this many times (default: unlimited). */
  times?: number;
  /** Chance to fire on each matching request, drawn from the seeded RNG (default 1). */
  probability?: number;
  action: FaultAction;
}

export interface FaultRule extends FaultRuleInput {
  id: string;
  fired: number;
}

export interface FaultDecision {
  latencyMs: number;
  terminal?: { rule: FaultRule; action: Exclude<FaultAction, { kind: 'latency' }> };
  fired: string[];
}

function checkRule(input: FaultRuleInput): void {
  const a = input.action;
  if (!a || typeof a !== 'object') throw new TypeError('a fault rule needs an action');
  if (input.times !== undefined && (!Number.isInteger(input.times) || input.times < 1)) throw new TypeError('times must be a positive integer');
  if (input.probability !== undefined && !(input.probability > 0 && input.probability <= 1)) throw new TypeError('probability must be in (0, 1]');
  const kinds = ['status', 'latency', 'drop', 'hang', 'commitThenFail', 'badPayload'];
  if (!kinds.includes(a.kind)) throw new TypeError(`unknown fault kind ${String(a.kind)}`);
  if (a.kind === 'status' && !(Number.isInteger(a.status) && a.status >= 400 && a.status <= 599)) throw new TypeError('status must be 4xx/5xx');
  if (a.kind === 'latency' && !(a.ms >= 0)) throw new TypeError('latency ms must be >= 0');
  if (a.kind === 'status' && a.body !== undefined && !['json', 'html', 'truncated'].includes(a.body)) throw new TypeError('body must be json, html or truncated');
  if (a.kind === 'commitThenFail' && a.body !== undefined && !['json', 'html', 'truncated'].includes(a.body)) throw new TypeError('body must be json, html or truncated');
}

/** Per-endpoint fault rules, matched in the order they were added. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;
  private rng: SeededRng;

  constructor(private readonly seed = 1) {
    this.rng = new SeededRng(seed ^ 0x5eed);
  }

  add(input: FaultRuleInput): FaultRule {
    checkRule(input);
    const rule: FaultRule = { method: '*', path: '*', ...input, id: `F${this.nextId++}`, fired: 0 };
    this.rules.push(rule);
    return { ...rule };
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
    this.rng = new SeededRng(this.seed ^ 0x5eed);
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Which rules fire for this request: every firing latency rule adds up, the first other firing rule decides. */
  decide(method: string, template: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, fired: [] };
    for (const rule of this.rules) {
      if (rule.method !== '*' && rule.method?.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path !== '*' && rule.path !== template) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      if (decision.terminal && rule.action.kind !== 'latency') continue;
      if (rule.probability !== undefined && this.rng.next() >= rule.probability) continue;
      rule.fired += 1;
      decision.fired.push(rule.id);
      if (rule.action.kind === 'latency') decision.latencyMs += rule.action.ms;
      else decision.terminal = { rule, action: rule.action };
    }
    return decision;
  }
}
