import { SuiteScriptError } from '../../kernel/errors';

/** Scripts run in the main realm (vm.runInThisContext), so their errors are checked by shape, not instanceof. */
const isErrorLike = (e: unknown): e is Error => !!e && typeof e === 'object' && typeof (e as Error).message === 'string';
const stackLines = (e: unknown): string[] => (isErrorLike(e) && typeof e.stack === 'string' ? e.stack.split('\n').slice(1, 6).map((l) => l.trim()) : []);

/** The error as map/reduce iterators show it: a JSON string with type, name, message, stack, ... */
export function serializeError(e: unknown): string {
  if (e instanceof SuiteScriptError) return JSON.stringify({ ...e.toJSON(), stack: stackLines(e), cause: { name: e.name, message: e.message }, userFacing: false });
  if (isErrorLike(e)) return JSON.stringify({ type: 'error.SuiteScriptError', name: e.name || 'Error', message: e.message, stack: stackLines(e), id: '', notifyOff: false, userFacing: false });
  return JSON.stringify({ type: 'error.SuiteScriptError', name: 'UNEXPECTED_ERROR', message: String(e), stack: [], id: '', notifyOff: false, userFacing: false });
}

export const APP_SERVER_RESTART = (): string => serializeError(new SuiteScriptError('SSS_APP_SERVER_RESTART', 'The application server restarted while the function was running.'));

/** Key/value as NetSuite passes them between stages: strings, objects as JSON. */
export const asString = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));
