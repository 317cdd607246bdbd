/**
 * The contract between the sandbox's parts. The records/search layer (sandbox/src/data,
 * sandbox/src/modules/record.ts, search.ts) and the runtime layer (loader, script runners,
 * governance, user events, other N/* modules) meet here and nowhere else.
 */
import type { ProjectMeta } from './meta';

/** Sandbox time. Scripts, records (createddate, lastmodified, trandate defaults) and schedules read it; tests set and advance it. */
export interface Clock {
  now(): Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

/** Units per invocation. charge() throws SuiteScriptError SSS_USAGE_LIMIT_EXCEEDED when the limit would be passed. */
export interface Governor {
  readonly limit: number;
  used(): number;
  remaining(): number;
  charge(units: number, what: string): void;
}

/** runtime.ContextType values (N/runtime): how the current code was started. */
export type ExecutionContextType =
  | 'USERINTERFACE' | 'USEREVENT' | 'MAPREDUCE' | 'SCHEDULED' | 'SUITELET' | 'RESTLET' | 'CSVIMPORT'
  | 'WEBSERVICES' | 'SUITELET' | 'WORKFLOW' | 'CLIENT' | 'BUNDLEINSTALLATION' | 'SDF_INSTALLATION' | 'REST_WEBSERVICES';

/** One running invocation (a user event call, a map call, a test acting as a UI user, ...). */
export interface Execution {
  scriptId: string | null;
  deploymentId: string | null;
  executionContext: ExecutionContextType;
  governor: Governor;
  /** False inside a user event: records it saves fire no user events (NetSuite's rule). */
  triggersUserEvents: boolean;
  parameters: Record<string, unknown>;
  userId: number;
  roleId: string;
}

export type UserEventType =
  | 'create' | 'edit' | 'xedit' | 'delete' | 'approve' | 'reject' | 'cancel' | 'pack' | 'ship'
  | 'copy' | 'view' | 'markcomplete' | 'reassign' | 'orderitems' | 'dropship' | 'specialorder' | 'transform';

/** Records passed to user events; the record layer's record object satisfies it. */
export type SandboxRecordRef = unknown;

/**
 * The record layer calls this around every save/delete/submitFields; the runtime layer finds the
 * deployed user events for the record type (respecting execution-context filters and
 * triggersUserEvents) and runs them. An error thrown from beforeSubmit aborts the save.
 */
export interface UserEventHooks {
  beforeSubmit(recordType: string, type: UserEventType, newRecord: SandboxRecordRef, oldRecord: SandboxRecordRef | null): void;
  afterSubmit(recordType: string, type: UserEventType, newRecord: SandboxRecordRef, oldRecord: SandboxRecordRef | null): void;
  /**
   * Every read: record.load ('view'), record.create ('create'), record.copy ('copy') in scripts, and
   * the UI opening a record (`ui.form` is the page's serverWidget Form; scripted reads have none).
   * An error thrown from beforeLoad aborts the read.
   */
  beforeLoad?(recordType: string, type: UserEventType, newRecord: SandboxRecordRef, ui?: { form: unknown }): void;
}

/** What a role may do to a record (NetSuite's levels: view < create < edit < full, delete needs full). */
export type AccessOperation = 'view' | 'create' | 'edit' | 'delete';

/**
 * Role permissions: the record layer asks before each create/load/save/delete/search of a record
 * type; the runtime layer knows the current role. Throws INSUFFICIENT_PERMISSION.
 */
export interface AccessControl {
  require(recordType: string, operation: AccessOperation): void;
}

export interface Kernel {
  readonly clock: Clock;
  readonly meta: ProjectMeta;
  /** The execution currently running; outside any script it is an unmetered UI user. */
  current(): Execution;
  readonly userEvents: UserEventHooks;
  /** Absent: no permission checks (kernels built by hand for record-layer tests). */
  readonly access?: AccessControl;
}
