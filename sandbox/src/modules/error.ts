import { SuiteScriptError, UserError } from '../kernel/errors';

/** N/error: error.create({ name, message, notifyOff }) and the error types scripts test against. */
export function createErrorModule() {
  return {
    Type: { SuiteScriptError: 'error.SuiteScriptError', UserEventError: 'error.UserEventError', UserError: 'error.UserError' },
    SuiteScriptError,
    UserError,
    create(options: { name?: string; message?: string; notifyOff?: boolean }): SuiteScriptError {
      if (!options || !options.name) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: name');
      if (options.message === undefined) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: message');
      return new SuiteScriptError(options.name, String(options.message), { notifyOff: options.notifyOff });
    },
  };
}
