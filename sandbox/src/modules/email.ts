import { SuiteScriptError } from '../kernel/errors';
import type { ExecutionStack } from '../runners/execution';

export interface SentEmail {
  author: number;
  recipients: Array<string | number>;
  cc: Array<string | number>;
  bcc: Array<string | number>;
  subject: string;
  body: string;
  relatedRecords?: Record<string, unknown>;
  scriptId: string | null;
  sentAt: string;
}

const EMAIL_UNITS = 20;
/** NetSuite allows at most 10 recipients (to + cc + bcc each) per message. */
const MAX_RECIPIENTS = 10;

const list = (v: unknown): Array<string | number> => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v as string | number]);

/** N/email: send() puts the message in the sandbox outbox (nothing leaves the machine). */
export function createEmailModule(stack: ExecutionStack, outbox: SentEmail[], now: () => Date) {
  const send = (options: { author?: number; recipients?: unknown; cc?: unknown; bcc?: unknown; subject?: string; body?: string; relatedRecords?: Record<string, unknown> }): void => {
    for (const k of ['author', 'recipients', 'subject', 'body'] as const) {
      if (!options || options[k] === undefined || options[k] === null || options[k] === '') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${k}`);
    }
    const recipients = list(options.recipients);
    const cc = list(options.cc);
    const bcc = list(options.bcc);
    for (const [name, l] of [['recipients', recipients], ['cc', cc], ['bcc', bcc]] as const) {
      if (l.length > MAX_RECIPIENTS) throw new SuiteScriptError('SSS_MAXIMUM_NUMBER_RECIPIENTS_EXCEEDED', `More than ${MAX_RECIPIENTS} ${name}`);
    }
    stack.current().governor.charge(EMAIL_UNITS, 'email.send');
    outbox.push({ author: Number(options.author), recipients, cc, bcc, subject: String(options.subject), body: String(options.body), relatedRecords: options.relatedRecords, scriptId: stack.current().scriptId, sentAt: now().toISOString() });
  };
  return {
    send: Object.assign(send, { promise: (o: Parameters<typeof send>[0]) => Promise.resolve().then(() => send(o)) }),
    sendBulk: send,
  };
}
