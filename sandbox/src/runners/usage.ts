import type { Charge } from '../kernel/governor';

/** Units one entry-point invocation used (per map/reduce key where there is one). */
export interface UsageEntry {
  scriptId: string;
  deploymentId: string;
  scriptType: string;
  entryPoint: string;
  key?: string;
  units: number;
  limit: number;
  executionContext: string;
  at: string;
  /** Every governed call of the invocation, in order: where the units went. */
  charges: Charge[];
}

export class UsageLog {
  readonly entries: UsageEntry[] = [];

  record(e: UsageEntry): void {
    this.entries.push(e);
  }

  query(filter: Partial<Pick<UsageEntry, 'scriptId' | 'deploymentId' | 'entryPoint' | 'key'>> = {}): UsageEntry[] {
    return this.entries.filter((e) => Object.entries(filter).every(([k, v]) => v === undefined || e[k as keyof UsageEntry] === v));
  }

  /** The largest single invocation, i.e. how close a script came to its limit. */
  peak(filter: Parameters<UsageLog['query']>[0] = {}): UsageEntry | undefined {
    return this.query(filter).reduce<UsageEntry | undefined>((a, e) => (!a || e.units > a.units ? e : a), undefined);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
