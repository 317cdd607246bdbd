/**
 * NetSuite's error object (N/error SuiteScriptError): scripts see `name` (e.g. RCRD_DSNT_EXIST,
 * SSS_USAGE_LIMIT_EXCEEDED), `message`, `id`, `stack`, and `type === 'error.SuiteScriptError'`.
 * Every sandbox failure a script could observe is one of these, named as NetSuite names it.
 */
export class SuiteScriptError extends Error {
  readonly type: string = 'error.SuiteScriptError';
  readonly id: string;
  readonly notifyOff: boolean;
  override readonly cause?: unknown;

  constructor(name: string, message: string, options: { id?: string; notifyOff?: boolean; cause?: unknown } = {}) {
    super(message);
    this.name = name;
    this.id = options.id ?? '';
    this.notifyOff = options.notifyOff ?? false;
    this.cause = options.cause;
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, name: this.name, message: this.message, id: this.id, notifyOff: this.notifyOff };
  }
}

/** UserEventScript / user-created errors (N/error.create) have type error.UserError. */
export class UserError extends SuiteScriptError {
  override readonly type = 'error.UserError';
}

export const nsError = (name: string, message: string): SuiteScriptError => new SuiteScriptError(name, message);
