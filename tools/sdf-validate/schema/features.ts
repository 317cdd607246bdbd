/**
 * Which manifest feature ids what the objects use depends on.
 *
 * Oracle, "Manually Defining Feature Dependencies in the SuiteCloud Project Manifest"
 * (section_1523379149) and the SDF XML reference's list pages (e.g. customsegment_items_application_id,
 * SDFxml_2648018430): "When specifying a mandatory list field with a feature-dependent value, that
 * feature must be added to the SuiteCloud project manifest as a required feature" — so a
 * deployment's <recordtype> (mandatory) needs its record type's feature with required="true".
 * Element-level dependencies ("If this field appears in the project, you must reference the X
 * feature in the manifest file") are carried over from Salto's copy of the XSD descriptions
 * (salto-io/salto, packages/netsuite-adapter/src/autogen/types/standard_types/*.ts); for those the
 * feature may be referenced as required or optional (what `suitecloud project:adddependencies` does).
 */

/** Object types and the feature they need (required): the SDF reference's "Feature Dependencies". */
export const FEATURES_BY_TYPE: Readonly<Record<string, string>> = {
  usereventscript: 'SERVERSIDESCRIPTING',
  mapreducescript: 'SERVERSIDESCRIPTING',
  scheduledscript: 'SERVERSIDESCRIPTING',
  suitelet: 'SERVERSIDESCRIPTING',
  restlet: 'SERVERSIDESCRIPTING',
  sdfinstallationscript: 'SERVERSIDESCRIPTING',
  customrecordtype: 'CUSTOMRECORDS',
};

/** Record types (deployment <recordtype>) that exist only where a feature is on. */
export const RECORD_TYPE_FEATURES: Readonly<Record<string, readonly string[]>> = {
  INVENTORYITEM: ['INVENTORY'],
  ASSEMBLYITEM: ['ASSEMBLIES'],
  LOTNUMBEREDINVENTORYITEM: ['LOTNUMBEREDINVENTORY'],
  SERIALIZEDINVENTORYITEM: ['SERIALIZEDINVENTORY'],
  LOTNUMBEREDASSEMBLYITEM: ['ASSEMBLIES', 'LOTNUMBEREDINVENTORY'],
  SERIALIZEDASSEMBLYITEM: ['ASSEMBLIES', 'SERIALIZEDINVENTORY'],
  DOWNLOADITEM: ['DOWNLOADITEMS'],
  GIFTCERTIFICATEITEM: ['GIFTCERTIFICATES'],
  ASSEMBLYBUILD: ['ASSEMBLIES'],
  ASSEMBLYUNBUILD: ['ASSEMBLIES'],
  WORKORDER: ['WORKORDERS'],
  INVENTORYADJUSTMENT: ['INVENTORY'],
  INVENTORYTRANSFER: ['INVENTORY'],
  INVENTORYCOUNT: ['INVENTORYCOUNT'],
  INVENTORYSTATUSCHANGE: ['INVENTORYSTATUS'],
  BINTRANSFER: ['BINMANAGEMENT'],
  BINWORKSHEET: ['BINMANAGEMENT'],
  TRANSFERORDER: ['MULTILOCINVT'],
  SALESORDER: ['SALESORDERS'],
  ESTIMATE: ['ESTIMATES'],
  OPPORTUNITY: ['OPPORTUNITIES'],
  PURCHASEORDER: ['PURCHASEORDERS'],
  RETURNAUTHORIZATION: ['RETURNAUTHS'],
  VENDORRETURNAUTHORIZATION: ['VENDORRETURNAUTHS'],
  ITEMRECEIPT: ['ADVRECEIVING'],
  ITEMFULFILLMENT: ['ACCOUNTING'],
  JOURNALENTRY: ['ACCOUNTING'],
  CUSTOMERPAYMENT: ['RECEIVABLES'],
  EXPENSEREPORT: ['EXPREPORTS'],
};

/** Elements that, wherever they appear, need a feature referenced in the manifest. */
export const ELEMENT_FEATURES: Readonly<Record<string, string>> = {
  allpartners: 'CRM',
  audpartner: 'CRM',
  appliestopartner: 'CRM',
  auddepartment: 'DEPARTMENTS',
  appliestoinventory: 'INVENTORY',
  appliestoitemassembly: 'ASSEMBLIES',
  bodyassemblybuild: 'ASSEMBLIES',
  bodyinventoryadjustment: 'INVENTORY',
  bodytransferorder: 'MULTILOCINVT',
  coltransferorder: 'MULTILOCINVT',
  bodyopportunity: 'OPPORTUNITIES',
  colopportunity: 'OPPORTUNITIES',
  bodybom: 'WORKORDERS',
  coltime: 'TIMETRACKING',
  itemmatrix: 'MATRIXITEMS',
  ismatrixoption: 'MATRIXITEMS',
  abbreviation: 'MATRIXITEMS',
  appliestoexpense: 'CHARGEBASEDBILLING',
  ismhitemattribute: 'MERCHANDISEHIERARCHY',
  appliestoproject: 'JOBS',
  appliestogenericrsrc: 'ADVANCEDJOBS',
  enabledle: 'EXTREMELIST',
  enablemailmerge: 'MAILMERGE',
  enablenametranslation: 'MULTILANGUAGE',
  customsegment: 'CUSTOMSEGMENTS',
  restrictip: 'IPADDRESSRULES',
};
