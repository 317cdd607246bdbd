/** What the validator knows about SDF object types (from Oracle's SDF XML reference and /work/shared/netsuite-notes.md). */
import { ENUMS } from './schema/enums';
import { OBJECT_SCHEMAS } from './schema/objects';

/** Script object types and the `@NScriptType` their file must declare. */
export const SCRIPT_TYPES: Readonly<Record<string, string>> = {
  usereventscript: 'UserEventScript',
  mapreducescript: 'MapReduceScript',
  scheduledscript: 'ScheduledScript',
  suitelet: 'Suitelet',
  restlet: 'Restlet',
  clientscript: 'ClientScript',
  sdfinstallationscript: 'SDFInstallationScript',
};

export function isScriptType(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(SCRIPT_TYPES, type);
}

/** scriptid prefix by element name, for top-level objects and the objects nested in them. */
export const SCRIPTID_PREFIX: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.keys(SCRIPT_TYPES).map((t) => [t, 'customscript_'])),
  scriptdeployment: 'customdeploy_',
  scriptcustomfield: 'custscript_',
  customrecordtype: 'customrecord_',
  customrecordcustomfield: 'custrecord_',
  transactionbodycustomfield: 'custbody_',
  transactioncolumncustomfield: 'custcol_',
  itemcustomfield: 'custitem_',
  entitycustomfield: 'custentity_',
  customlist: 'customlist_',
  customvalue: 'val_',
  savedsearch: 'customsearch_',
  role: 'customrole_',
};

/** The project's own convention: every id says `scend` right after its prefix. */
export const PROJECT_MARKER = 'scend_';

/** Root elements this project may contain (one per file): the object types the schema describes. */
export const TOP_LEVEL_TYPES: ReadonlySet<string> = new Set(Object.keys(OBJECT_SCHEMAS));

/** Custom field element names whose `<fieldtype>` is checked. */
export const CUSTOM_FIELD_TYPES: ReadonlySet<string> = new Set([
  'customrecordcustomfield',
  'transactionbodycustomfield',
  'transactioncolumncustomfield',
  'itemcustomfield',
  'entitycustomfield',
  'scriptcustomfield',
]);

export const FIELD_TYPES: ReadonlySet<string> = new Set(ENUMS.generic_customfield_fieldtype);

export const SELECT_FIELD_TYPES: ReadonlySet<string> = new Set(['SELECT', 'MULTISELECT']);

/** Record types a script deployment may name in `<recordtype>` (SDF's scriptdeployment_recordtype list). */
export const STANDARD_RECORD_TYPES: ReadonlySet<string> = new Set(ENUMS.scriptdeployment_recordtype);

/** Deployment `<status>` values by script type; a SCHEDULED deployment also needs `<recurrence>`. */
const SCHEDULABLE_STATUSES: ReadonlySet<string> = new Set(['NOTSCHEDULED', 'SCHEDULED', 'TESTING', 'RELEASED']);
const ON_DEMAND_STATUSES: ReadonlySet<string> = new Set(['RELEASED', 'TESTING']);

export function deploymentStatuses(scriptType: string): ReadonlySet<string> {
  return scriptType === 'mapreducescript' || scriptType === 'scheduledscript' ? SCHEDULABLE_STATUSES : ON_DEMAND_STATUSES;
}

export { FEATURES_BY_TYPE } from './schema/features';
