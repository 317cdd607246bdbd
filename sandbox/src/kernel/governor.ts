import { SuiteScriptError } from './errors';
import type { Governor } from './kernel';

/** One charge, kept so runs can report where their units went. */
export interface Charge { units: number; what: string }

/**
 * NetSuite's per-invocation usage meter. A charge that would pass the limit throws
 * SSS_USAGE_LIMIT_EXCEEDED and is not recorded (the call it guards does not happen).
 * `onCharge` lets the runtime observe every governed call (restart injection hooks in there).
 */
export class MeteredGovernor implements Governor {
  private spent = 0;
  readonly charges: Charge[] = [];
  onCharge?: (charge: Charge, governor: MeteredGovernor) => void;

  constructor(readonly limit: number) {}

  used(): number {
    return this.spent;
  }

  remaining(): number {
    return this.limit - this.spent;
  }

  charge(units: number, what: string): void {
    if (!Number.isFinite(units) || units < 0) throw new RangeError(`invalid usage charge ${units} for ${what}`);
    this.onCharge?.({ units, what }, this);
    if (this.spent + units > this.limit) {
      throw new SuiteScriptError(
        'SSS_USAGE_LIMIT_EXCEEDED',
        `Script Execution Usage Limit Exceeded: ${what} needs ${units} units, ${this.remaining()} of ${this.limit} remain.`,
      );
    }
    this.spent += units;
    this.charges.push({ units, what });
  }
}

/** The UI user a test acts as: counts units but has no limit (NetSuite does not meter the UI itself). */
export class UnmeteredGovernor implements Governor {
  readonly limit = Number.POSITIVE_INFINITY;
  private spent = 0;

  used(): number {
    return this.spent;
  }

  remaining(): number {
    return this.limit;
  }

  charge(units: number, _what: string): void {
    this.spent += units;
  }
}

/** Usage limits per invocation (netsuite-notes.md, Governance). */
export const USAGE_LIMITS = {
  USEREVENT: 1000,
  SUITELET: 1000,
  RESTLET: 5000,
  SCHEDULED: 10000,
  SDFINSTALLATION: 10000,
  MAPREDUCE_GETINPUTDATA: 10000,
  MAPREDUCE_MAP: 1000,
  MAPREDUCE_REDUCE: 5000,
  MAPREDUCE_SUMMARIZE: 10000,
} as const;
