import type { ExecutionStack, LogLevel } from '../runners/execution';

export interface LogEntry {
  level: LogLevel;
  title: string;
  details: string;
  scriptId: string | null;
  deploymentId: string | null;
  executionContext: string;
  at: string;
}

export interface LogQuery { level?: LogLevel; scriptId?: string; title?: string | RegExp; contains?: string }

const RANK: Record<LogLevel, number> = { DEBUG: 0, AUDIT: 1, ERROR: 2, EMERGENCY: 3 };
/** NetSuite truncates log titles at 99 and details at 3,999 characters. */
const MAX_TITLE = 99;
const MAX_DETAILS = 3999;

/** Everything scripts logged, in order; tests query it. */
export class LogStore {
  readonly entries: LogEntry[] = [];

  query(q: LogQuery = {}): LogEntry[] {
    return this.entries.filter((e) =>
      (!q.level || e.level === q.level) &&
      (!q.scriptId || e.scriptId === q.scriptId) &&
      (!q.title || (typeof q.title === 'string' ? e.title === q.title : q.title.test(e.title))) &&
      (!q.contains || e.title.includes(q.contains) || e.details.includes(q.contains)));
  }

  clear(): void {
    this.entries.length = 0;
  }
}

function stringify(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Error && !('toJSON' in v)) return `${v.name}: ${v.message}`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** N/log: debug/audit/error/emergency with (title, details) or ({ title, details }); filtered by the deployment's log level. */
export function createLogModule(stack: ExecutionStack, logs: LogStore, now: () => Date) {
  const write = (level: LogLevel) => (a?: unknown, b?: unknown): void => {
    const opts = a && typeof a === 'object' && !Array.isArray(a) && ('title' in a || 'details' in a)
      ? (a as { title?: unknown; details?: unknown })
      : { title: a, details: b };
    const exec = stack.current();
    if (RANK[level] < RANK[exec.logLevel]) return;
    logs.entries.push({
      level,
      title: stringify(opts.title).slice(0, MAX_TITLE),
      details: stringify(opts.details).slice(0, MAX_DETAILS),
      scriptId: exec.scriptId,
      deploymentId: exec.deploymentId,
      executionContext: exec.executionContext,
      at: now().toISOString(),
    });
  };
  return { debug: write('DEBUG'), audit: write('AUDIT'), error: write('ERROR'), emergency: write('EMERGENCY') };
}

export const parseLogLevel = (v: string | undefined): LogLevel => {
  const up = (v ?? '').toUpperCase();
  return up === 'AUDIT' || up === 'ERROR' || up === 'EMERGENCY' ? up : 'DEBUG';
};
