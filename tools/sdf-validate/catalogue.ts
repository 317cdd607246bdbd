/** What the validator knows about SDF object types (from Oracle's SDF XML reference and /work/shared/netsuite-notes.md). */

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
};

/** The project's own convention: every id says `scend` right after its prefix. */
export const PROJECT_MARKER = 'scend_';

/** Root elements this project may contain (one per file). */
export const TOP_LEVEL_TYPES: ReadonlySet<string> = new Set([
  ...Object.keys(SCRIPT_TYPES),
  'customrecordtype',
  'transactionbodycustomfield',
  'transactioncolumncustomfield',
  'itemcustomfield',
  'entitycustomfield',
  'customlist',
  'savedsearch',
]);

/** Custom field element names whose `<fieldtype>` is checked. */
export const CUSTOM_FIELD_TYPES: ReadonlySet<string> = new Set([
  'customrecordcustomfield',
  'transactionbodycustomfield',
  'transactioncolumncustomfield',
  'itemcustomfield',
  'entitycustomfield',
  'scriptcustomfield',
]);

export const FIELD_TYPES: ReadonlySet<string> = new Set([
  'CHECKBOX', 'CLOBTEXT', 'CURRENCY', 'DATE', 'DATETIMETZ', 'EMAIL', 'FLOAT', 'INTEGER',
  'MULTISELECT', 'PERCENT', 'SELECT', 'TEXT', 'TEXTAREA', 'URL',
]);

export const SELECT_FIELD_TYPES: ReadonlySet<string> = new Set(['SELECT', 'MULTISELECT']);

/** Standard record types a user event deployment may name in `<recordtype>`. */
export const STANDARD_RECORD_TYPES: ReadonlySet<string> = new Set([
  // transactions
  'SALESORDER', 'ITEMFULFILLMENT', 'PURCHASEORDER', 'ITEMRECEIPT', 'RETURNAUTHORIZATION',
  'INVENTORYADJUSTMENT', 'INVENTORYTRANSFER', 'TRANSFERORDER', 'INVOICE', 'CASHSALE', 'CASHREFUND',
  'CREDITMEMO', 'ESTIMATE', 'OPPORTUNITY', 'CUSTOMERPAYMENT', 'CUSTOMERDEPOSIT', 'CUSTOMERREFUND',
  'VENDORBILL', 'VENDORCREDIT', 'VENDORPAYMENT', 'VENDORRETURNAUTHORIZATION', 'WORKORDER',
  'ASSEMBLYBUILD', 'ASSEMBLYUNBUILD', 'BINTRANSFER', 'BINWORKSHEET', 'INVENTORYCOUNT', 'JOURNALENTRY',
  // items
  'INVENTORYITEM', 'KITITEM', 'ASSEMBLYITEM', 'NONINVENTORYITEM', 'SERVICEITEM', 'OTHERCHARGEITEM',
  'DISCOUNTITEM', 'ITEMGROUP', 'DESCRIPTIONITEM', 'DOWNLOADITEM', 'GIFTCERTIFICATEITEM',
  'LOTNUMBEREDINVENTORYITEM', 'SERIALIZEDINVENTORYITEM', 'LOTNUMBEREDASSEMBLYITEM', 'SERIALIZEDASSEMBLYITEM',
  // entities and lists
  'CUSTOMER', 'VENDOR', 'EMPLOYEE', 'CONTACT', 'PARTNER', 'LOCATION', 'SUBSIDIARY', 'DEPARTMENT', 'CLASSIFICATION',
]);

/** Deployment `<status>` values by script type; a SCHEDULED deployment also needs `<recurrence>`. */
const SCHEDULABLE_STATUSES: ReadonlySet<string> = new Set(['NOTSCHEDULED', 'SCHEDULED', 'TESTING', 'RELEASED']);
const ON_DEMAND_STATUSES: ReadonlySet<string> = new Set(['RELEASED', 'TESTING']);

export function deploymentStatuses(scriptType: string): ReadonlySet<string> {
  return scriptType === 'mapreducescript' || scriptType === 'scheduledscript' ? SCHEDULABLE_STATUSES : ON_DEMAND_STATUSES;
}

/**
 * Manifest features the objects need. Oracle's SDF reference lists SERVERSIDESCRIPTING as the
 * dependency of every script object (client scripts included) and CUSTOMRECORDS for custom records.
 */
export const FEATURES_BY_TYPE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.keys(SCRIPT_TYPES).map((t) => [t, 'SERVERSIDESCRIPTING'])),
  customrecordtype: 'CUSTOMRECORDS',
};
