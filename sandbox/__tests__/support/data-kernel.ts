/** A hand-built Kernel for data-layer tests: a settable clock, a counting governor, a user-event recorder and a small project meta. */
import { SuiteScriptError } from '../../src/kernel/errors';
import type { Clock, Execution, Governor, Kernel, SandboxRecordRef, UserEventHooks, UserEventType } from '../../src/kernel/kernel';
import { emptyMeta, type CustomFieldDef, type ProjectMeta } from '../../src/kernel/meta';

export class TestClock implements Clock {
  private t: number;
  constructor(at = '2024-03-01T12:00:00Z') { this.t = Date.parse(at); }
  now(): Date { return new Date(this.t); }
  set(at: Date | string): void { this.t = typeof at === 'string' ? Date.parse(at) : at.getTime(); }
  advance(ms: number): void { this.t += ms; }
}

export class CountingGovernor implements Governor {
  readonly charges: Array<{ units: number; what: string }> = [];
  private total = 0;
  constructor(readonly limit = 10_000_000) {}
  used(): number { return this.total; }
  remaining(): number { return this.limit - this.used(); }
  charge(units: number, what: string): void {
    if (this.used() + units > this.limit) throw new SuiteScriptError('SSS_USAGE_LIMIT_EXCEEDED', `Script Execution Usage Limit Exceeded (${what})`);
    this.charges.push({ units, what });
    this.total += units;
  }
}

export interface RecordedEvent { stage: 'beforeSubmit' | 'afterSubmit'; recordType: string; type: UserEventType; newRecord: SandboxRecordRef; oldRecord: SandboxRecordRef | null }

export class RecordingHooks implements UserEventHooks {
  readonly events: RecordedEvent[] = [];
  onBeforeSubmit: ((e: RecordedEvent) => void) | null = null;
  beforeSubmit(recordType: string, type: UserEventType, newRecord: SandboxRecordRef, oldRecord: SandboxRecordRef | null): void {
    const e: RecordedEvent = { stage: 'beforeSubmit', recordType, type, newRecord, oldRecord };
    this.events.push(e);
    this.onBeforeSubmit?.(e);
  }
  afterSubmit(recordType: string, type: UserEventType, newRecord: SandboxRecordRef, oldRecord: SandboxRecordRef | null): void {
    this.events.push({ stage: 'afterSubmit', recordType, type, newRecord, oldRecord });
  }
}

const cf = (scriptid: string, type: CustomFieldDef['type'], owner: CustomFieldDef['owner'], extra: Partial<CustomFieldDef> = {}): CustomFieldDef =>
  ({ scriptid, label: scriptid, type, mandatory: false, owner, sourceFile: 'test', ...extra });

/** A meta with one custom record (a sync log), one custom list and a few custom fields of each kind. */
export function testMeta(): ProjectMeta {
  const meta = emptyMeta();
  meta.customLists.set('customlist_scend_state', {
    scriptid: 'customlist_scend_state', name: 'Scend State', sourceFile: 'test',
    values: [
      { scriptid: 'val_pending', value: 'Pending', internalId: 1, isInactive: false },
      { scriptid: 'val_sent', value: 'Sent', internalId: 2, isInactive: false },
      { scriptid: 'val_failed', value: 'Failed', internalId: 3, isInactive: false },
    ],
  });
  const logOwner = { kind: 'customrecord', recordType: 'customrecord_scend_log' } as const;
  const logFields = [
    cf('custrecord_scend_log_order', 'SELECT', logOwner, { selectRecordType: '-30', mandatory: true }),
    cf('custrecord_scend_log_state', 'SELECT', logOwner, { selectRecordType: 'customlist_scend_state' }),
    cf('custrecord_scend_log_attempts', 'INTEGER', logOwner),
    cf('custrecord_scend_log_message', 'TEXT', logOwner),
    cf('custrecord_scend_log_at', 'DATETIMETZ', logOwner),
    cf('custrecord_scend_log_done', 'CHECKBOX', logOwner),
  ];
  meta.customRecordTypes.set('customrecord_scend_log', {
    scriptid: 'customrecord_scend_log', name: 'Scend Log', internalId: 500, includeName: true, fields: logFields, sourceFile: 'test',
  });
  for (const f of logFields) meta.customFields.set(f.scriptid, f);
  const body: CustomFieldDef['owner'] = { kind: 'transactionbody', recordTypes: ['salesorder'] };
  for (const f of [
    cf('custbody_scend_order_id', 'TEXT', body),
    cf('custbody_scend_sent', 'CHECKBOX', body),
    cf('custbody_scend_sent_at', 'DATE', body),
    cf('custbody_scend_state', 'SELECT', body, { selectRecordType: 'customlist_scend_state' }),
    cf('custbody_scend_tags', 'MULTISELECT', body, { selectRecordType: 'customlist_scend_state' }),
    cf('custbody_scend_attempts', 'INTEGER', body),
    cf('custitem_scend_sku', 'TEXT', { kind: 'item', recordTypes: ['inventoryitem', 'kititem'] }),
    cf('custcol_scend_line_ref', 'TEXT', { kind: 'transactioncolumn', recordTypes: ['salesorder'] }),
  ]) meta.customFields.set(f.scriptid, f);
  return meta;
}

export interface TestKernel extends Kernel {
  clock: TestClock;
  governor: CountingGovernor;
  hooks: RecordingHooks;
  execution: Execution;
}

export function testKernel(meta: ProjectMeta = testMeta()): TestKernel {
  const clock = new TestClock();
  const governor = new CountingGovernor();
  const hooks = new RecordingHooks();
  const execution: Execution = {
    scriptId: null, deploymentId: null, executionContext: 'USERINTERFACE', governor, triggersUserEvents: true,
    parameters: {}, userId: -4, roleId: 'administrator',
  };
  return { clock, meta, governor, hooks, execution, userEvents: hooks, current: () => execution };
}
