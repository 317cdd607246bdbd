/**
 * What the sandbox knows about the account's customisation, read from src/Objects (SDF XML).
 * The loader (sandbox/src/loader) builds it; records and search enforce it.
 */
export type CustomFieldType =
  | 'CHECKBOX' | 'CLOBTEXT' | 'CURRENCY' | 'DATE' | 'DATETIMETZ' | 'EMAIL' | 'FLOAT' | 'INTEGER'
  | 'MULTISELECT' | 'PERCENT' | 'SELECT' | 'TEXT' | 'TEXTAREA' | 'URL';

/** Where a custom field lives. Record types are N/record type ids in lower case ('salesorder', 'inventoryitem', 'customrecord_x'). */
export type FieldOwner =
  | { kind: 'customrecord'; recordType: string }
  | { kind: 'transactionbody'; recordTypes: string[] }
  | { kind: 'transactioncolumn'; recordTypes: string[] }
  | { kind: 'item'; recordTypes: string[] }
  | { kind: 'entity'; recordTypes: string[] };

export interface CustomFieldDef {
  scriptid: string;
  label: string;
  type: CustomFieldType;
  /** SDF selectrecordtype: '-10' item, '-30' transaction, '-103' location, '-2' customer, or a customrecord_/customlist_ script id. */
  selectRecordType?: string;
  mandatory: boolean;
  defaultValue?: string;
  maxLength?: number;
  owner: FieldOwner;
  sourceFile: string;
}

export interface CustomListValueDef { scriptid: string; value: string; internalId: number; isInactive: boolean }
export interface CustomListDef { scriptid: string; name: string; values: CustomListValueDef[]; sourceFile: string }

export interface CustomRecordTypeDef {
  scriptid: string;
  name: string;
  /** The record type's own numeric internal id in the account (assigned by the sandbox at load). */
  internalId: number;
  includeName: boolean;
  fields: CustomFieldDef[];
  sourceFile: string;
}

export type ScriptType =
  | 'USEREVENT' | 'MAPREDUCE' | 'SCHEDULED' | 'SUITELET' | 'RESTLET' | 'CLIENT' | 'SDFINSTALLATION';

export interface ScriptParameterDef { scriptid: string; label: string; type: CustomFieldType; defaultValue?: string; mandatory: boolean }

export interface DeploymentDef {
  scriptid: string;
  /** Lower-case N/record type the user event is deployed on (from <recordtype>SALESORDER</recordtype>). */
  recordType?: string;
  status: string; // RELEASED, TESTING, NOTSCHEDULED, SCHEDULED, ...
  isDeployed: boolean;
  /** runtime.ContextType values the deployment runs in (empty = all). */
  executionContexts: string[];
  parameterValues: Record<string, string>;
  recurrenceMinutes?: number;
  /** The SDF `<recurrence>` (when a SCHEDULED deployment runs), normalised to UTC. */
  recurrence?: RecurrenceDef;
  concurrencyLimit?: number;
  bufferSize?: number;
  yieldAfterMins?: number;
  logLevel?: string;
}

/**
 * Which days a recurrence fires on. SDF has more forms (monthly, yearly, ...); those load as
 * `unsupported` so a schedule the sandbox cannot follow is refused rather than silently ignored.
 */
export type RecurrencePattern =
  | { kind: 'single' }
  | { kind: 'daily'; everyXDays: number }
  | { kind: 'everyweekday' }
  /** `days`: 0 = Sunday ... 6 = Saturday. */
  | { kind: 'weekly'; everyXWeeks: number; days: number[] }
  | { kind: 'unsupported'; element: string };

export interface RecurrenceDef {
  pattern: RecurrencePattern;
  /** First day, 'YYYY-MM-DD' (UTC). */
  startDate: string;
  /** Start time as minutes after midnight UTC. */
  startMinute: number;
  /** Last day runs may happen on, inclusive ('YYYY-MM-DD', UTC). */
  endDate?: string;
  /** `<repeat>` (PT15M, PT1H, ...): run again every so many minutes until the end of that day. */
  repeatMinutes?: number;
}

export interface ScriptDef {
  scriptid: string;
  name: string;
  type: ScriptType;
  /** File Cabinet path, e.g. /SuiteScripts/scend_connector/ue_salesorder.js */
  scriptFile: string;
  parameters: ScriptParameterDef[];
  deployments: DeploymentDef[];
  sourceFile: string;
}

export interface ProjectMeta {
  customRecordTypes: Map<string, CustomRecordTypeDef>;
  /** Every custom field by script id: custbody_, custcol_, custitem_, custentity_, custrecord_. */
  customFields: Map<string, CustomFieldDef>;
  customLists: Map<string, CustomListDef>;
  scripts: Map<string, ScriptDef>;
}

export const emptyMeta = (): ProjectMeta => ({
  customRecordTypes: new Map(),
  customFields: new Map(),
  customLists: new Map(),
  scripts: new Map(),
});
