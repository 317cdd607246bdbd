/** What happened to one /v1 request: how a test counts calls ("the client posted the order once"). */
export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** The contract template the path matched, when it matched one. */
  template?: string;
  /** The status sent, when one was sent. */
  status?: number;
  outcome: 'answered' | 'dropped' | 'hung';
  /** The write was applied even though the client saw a failure (commit-then-fail). */
  committed?: boolean;
  /** Ids of the fault rules that fired. */
  faults: string[];
}

const KEPT = 5000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { ...entry, seq: ++this.seq };
    this.entries.push(full);
    if (this.entries.length > KEPT) this.entries.splice(0, this.entries.length - KEPT);
    return full;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e, faults: [...e.faults] }));
  }

  clear(): void {
    this.entries = [];
  }
}
