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
  /** SDF selectrecordtype: '-10' item, '-30' transaction, '-103' location, '-112' account, '-2' customer, or a customrecord_/customlist_ script id. */
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
  /**
   * SDF `<accesstype>`: who may use the record type. NONENEEDED: every role;
   * CUSTRECORDENTRYPERM (NetSuite's default): roles with the Custom Record Entries permission
   * (LIST_CUSTRECORDENTRY); USEPERMISSIONLIST: roles in `permissions` or with the record type on
   * their own permission list. Absent (metas built by hand): NONENEEDED.
   */
  accessType?: CustomRecordAccessType;
  /** SDF `<permissions><permission><permittedrole>/<permittedlevel>` (role ids lower case). */
  permissions?: RolePermission[];
}

export type CustomRecordAccessType = 'NONENEEDED' | 'CUSTRECORDENTRYPERM' | 'USEPERMISSIONLIST';

/** NetSuite's permission levels (generic_permission_level), ordered: each includes the ones before it. */
export const PERMISSION_LEVELS = ['NONE', 'VIEW', 'CREATE', 'EDIT', 'FULL'] as const;
export type PermissionLevel = typeof PERMISSION_LEVELS[number];

export interface RolePermission { role: string; level: PermissionLevel }

/** An SDF `role` object (customrole_...): its permissions by permkey, lower case ('list_custrecordentry', 'customrecord_x'). */
export interface RoleDef { scriptid: string; name: string; permissions: Map<string, PermissionLevel>; sourceFile: string }

/** Who a deployment runs for (the Audience subtab; NetSuite Help "Defining Script Audience"). Role ids lower case. */
export interface AudienceDef { allRoles: boolean; allEmployees: boolean; roles: string[] }

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
  /** `<runasrole>` (Execute As Role), lower case ('administrator', 'customrole_x'). */
  runAsRole?: string;
  /** Absent: no audience given (the script then runs for its owner only). */
  audience?: AudienceDef;
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
  /** SDF role objects (customrole_...). */
  roles: Map<string, RoleDef>;
}

export const emptyMeta = (): ProjectMeta => ({
  customRecordTypes: new Map(),
  customFields: new Map(),
  customLists: new Map(),
  scripts: new Map(),
  roles: new Map(),
});
