/**
 * The validator knows the SDF object schema, feature ids and feature dependencies: each broken
 * fixture below fails with its file and rule named, in an otherwise valid project. The facts come
 * from Oracle's SDF XML reference (docs.oracle.com/.../ns-online-help/SDFxml_*.html), via the XSD
 * copy Salto publishes (salto-io/salto, packages/netsuite-adapter/src/autogen/types).
 */
import { validateProject } from '../sdf-validate';
import { LIST, MANIFEST, MR, RECORD, ROLE, UE, removeProjects, writeProject } from './fixtures/sdf-project';

afterAll(removeProjects);

const UE_FILE = 'Objects/customscript_scend_ue_thing.xml';
const MR_FILE = 'Objects/customscript_scend_mr_thing.xml';
const LIST_FILE = 'Objects/customlist_scend_colour.xml';
const RECORD_FILE = 'Objects/customrecord_scend_thing.xml';
const ROLE_FILE = 'Objects/customrole_scend_thing_clerk.xml';
const ITEM_FIELD_FILE = 'Objects/custitem_scend_thing_synced.xml';

const ITEM_FIELD = `<itemcustomfield scriptid="custitem_scend_thing_synced">
  <appliestoinventory>T</appliestoinventory>
  <description>When the thing last synced.</description>
  <displaytype>STATICTEXT</displaytype>
  <fieldtype>DATETIMETZ</fieldtype>
  <help>When the thing last synced.</help>
  <label>Last synced</label>
</itemcustomfield>
`;
const WITH_INVENTORY = MANIFEST.replace('</features>', '  <feature required="true">INVENTORY</feature>\n    </features>');
const withFeature = (feature: string, required = 'true') => MANIFEST.replace('</features>', `  <feature required="${required}">${feature}</feature>\n    </features>`);
const ueOn = (recordtype: string) => UE.replace('<recordtype>SALESORDER</recordtype>', `<recordtype>${recordtype}</recordtype>`);

interface Breakage {
  rule: string;
  what: string;
  changes: Record<string, string | null>;
  file: string;
  message: RegExp;
}

const breakages: Breakage[] = [
  // Oracle, "Manually Defining Feature Dependencies in the SuiteCloud Project Manifest": feature values come from configurable_features.
  { rule: 'manifest-features', what: 'ADVANCEDSHIPPING, which is no feature id', changes: { 'manifest.xml': withFeature('ADVANCEDSHIPPING') }, file: 'manifest.xml', message: /<feature>ADVANCEDSHIPPING<\/feature> is not a SuiteCloud feature id/ },
  { rule: 'manifest-features', what: 'a feature without required="true|false"', changes: { 'manifest.xml': MANIFEST.replace('<feature required="true">CUSTOMRECORDS', '<feature>CUSTOMRECORDS') }, file: 'manifest.xml', message: /CUSTOMRECORDS<\/feature> needs required="true" or required="false", found none/ },
  // SDF XML reference, customsegment_items_application_id: "ASSEMBLYITEM (This value has a dependency on the ASSEMBLIES feature.)";
  // a mandatory field with a feature-dependent value needs that feature as a required feature.
  { rule: 'manifest-features', what: 'an ASSEMBLYITEM user event deployment without ASSEMBLIES', changes: { [UE_FILE]: ueOn('ASSEMBLYITEM') }, file: 'manifest.xml', message: /feature ASSEMBLIES is needed \(by customscript_scend_ue_thing deployment customdeploy_scend_ue_thing_so on ASSEMBLYITEM\) but not declared/ },
  { rule: 'manifest-features', what: 'ASSEMBLIES declared optional for an ASSEMBLYITEM deployment', changes: { [UE_FILE]: ueOn('ASSEMBLYITEM'), 'manifest.xml': withFeature('ASSEMBLIES', 'false') }, file: 'manifest.xml', message: /feature ASSEMBLIES must be required="true" \(needed by customscript_scend_ue_thing deployment/ },
  { rule: 'manifest-features', what: 'a lot-numbered item deployment without LOTNUMBEREDINVENTORY', changes: { [UE_FILE]: ueOn('LOTNUMBEREDINVENTORYITEM') }, file: 'manifest.xml', message: /feature LOTNUMBEREDINVENTORY is needed \(by .* on LOTNUMBEREDINVENTORYITEM\)/ },
  { rule: 'manifest-features', what: 'a serialized assembly deployment without SERIALIZEDINVENTORY', changes: { [UE_FILE]: ueOn('SERIALIZEDASSEMBLYITEM'), 'manifest.xml': withFeature('ASSEMBLIES') }, file: 'manifest.xml', message: /feature SERIALIZEDINVENTORY is needed \(by .* on SERIALIZEDASSEMBLYITEM\)/ },
  { rule: 'manifest-features', what: 'a sales order deployment without SALESORDERS', changes: { 'manifest.xml': MANIFEST.replace('<feature required="true">SALESORDERS</feature>', '') }, file: 'manifest.xml', message: /feature SALESORDERS is needed \(by .* on SALESORDER\)/ },
  // usereventscript deployment allpartners: "If this field appears in the project, you must reference the CRM feature in the manifest file".
  { rule: 'manifest-features', what: '<allpartners> without the CRM feature referenced', changes: { [UE_FILE]: UE.replace('<status>RELEASED</status>', '<status>RELEASED</status>\n      <allpartners>F</allpartners>') }, file: 'manifest.xml', message: /feature CRM is needed \(by <allpartners> in customscript_scend_ue_thing\)/ },
  { rule: 'manifest-features', what: 'an item field for assemblies without ASSEMBLIES referenced', changes: { [ITEM_FIELD_FILE]: ITEM_FIELD.replace('<appliestoinventory>T', '<appliestoitemassembly>T').replace('</appliestoinventory>', '</appliestoitemassembly>') }, file: 'manifest.xml', message: /feature ASSEMBLIES is needed \(by <appliestoitemassembly> in custitem_scend_thing_synced\)/ },

  // SDF XML reference, mapreducescript: no notifyuser field (usereventscript, suitelet, restlet have one).
  { rule: 'schema-element', what: '<notifyuser> on a map/reduce script', changes: { [MR_FILE]: MR.replace('<name>Thing M/R</name>', '<name>Thing M/R</name>\n  <notifyuser>F</notifyuser>') }, file: MR_FILE, message: /mapreducescript\[customscript_scend_mr_thing\]: <notifyuser> is not an element of <mapreducescript>/ },
  // SDF XML reference, customrecordtype: <showinlist> belongs to its fields, not to the record type.
  { rule: 'schema-element', what: '<showinlist> on a custom record type', changes: { [RECORD_FILE]: RECORD.replace('<recordname>Thing</recordname>', '<recordname>Thing</recordname>\n  <showinlist>T</showinlist>') }, file: RECORD_FILE, message: /customrecordtype\[customrecord_scend_thing\]: <showinlist> is not an element of <customrecordtype>/ },
  { rule: 'schema-element', what: 'an unknown element in a nested custom record field', changes: { [RECORD_FILE]: RECORD.replace('<label>Note</label>', '<label>Note</label>\n      <colour>red</colour>') }, file: RECORD_FILE, message: /customrecordcustomfield\[custrecord_scend_thing_note\]: <colour> is not an element of <customrecordcustomfield>/ },
  { rule: 'schema-element', what: 'a wrapper holding the wrong element', changes: { [LIST_FILE]: LIST.replace('<customvalues>', '<customvalues>\n    <value>Green</value>') }, file: LIST_FILE, message: /customlist\[customlist_scend_colour\] > customvalues: <value> is not an element of <customvalues> \(it holds only <customvalue>\)/ },
  { rule: 'schema-element', what: 'a deployment element of another script type (title on a user event deployment)', changes: { [UE_FILE]: UE.replace('<recordtype>SALESORDER</recordtype>', '<recordtype>SALESORDER</recordtype>\n      <title>Thing</title>') }, file: UE_FILE, message: /scriptdeployment\[customdeploy_scend_ue_thing_so\]: <title> is not an element of <scriptdeployment>/ },

  { rule: 'schema-required', what: 'a map/reduce deployment without <title>', changes: { [MR_FILE]: MR.replace('<title>Thing (nightly)</title>', '') }, file: MR_FILE, message: /scriptdeployment\[customdeploy_scend_mr_thing\]: <title> is required in <scriptdeployment>/ },
  { rule: 'schema-required', what: 'a custom record field without <label>', changes: { [RECORD_FILE]: RECORD.replace('<label>Note</label>', '') }, file: RECORD_FILE, message: /customrecordcustomfield\[custrecord_scend_thing_note\]: <label> is required/ },
  { rule: 'schema-required', what: 'an empty required element', changes: { [LIST_FILE]: LIST.replace('<name>Colour</name>', '<name></name>') }, file: LIST_FILE, message: /customlist\[customlist_scend_colour\]: <name> is required in <customlist> \(it is empty\)/ },
  { rule: 'schema-required', what: 'a list value without <value>', changes: { [LIST_FILE]: LIST.replace('<value>Red</value>', '') }, file: LIST_FILE, message: /customvalue\[val_scend_red\]: <value> is required/ },
  { rule: 'schema-required', what: 'a role permission without <permlevel>', changes: { [ROLE_FILE]: ROLE.replace('<permlevel>VIEW</permlevel>', '') }, file: ROLE_FILE, message: /role\[customrole_scend_thing_clerk\] > permissions > permission: <permlevel> is required/ },
  { rule: 'schema-required', what: 'a role without <centertype>', changes: { [ROLE_FILE]: ROLE.replace('<centertype>BASIC</centertype>', '') }, file: ROLE_FILE, message: /<centertype> is required in <role>/ },

  // generic_customfield_displaytype: HIDDEN, LOCKED, NORMAL, SHOWASLIST, STATICTEXT (the UI's "Inline Text" is STATICTEXT).
  { rule: 'schema-value', what: 'displaytype INLINE', changes: { [ITEM_FIELD_FILE]: ITEM_FIELD.replace('STATICTEXT', 'INLINE'), 'manifest.xml': WITH_INVENTORY }, file: ITEM_FIELD_FILE, message: /<displaytype>INLINE<\/displaytype> is not a valid value \(one of HIDDEN, LOCKED, NORMAL, SHOWASLIST, STATICTEXT\)/ },
  { rule: 'schema-value', what: 'a misspelt log level', changes: { [MR_FILE]: MR.replace('<title>Thing (nightly)</title>', '<title>Thing (nightly)</title>\n      <loglevel>VERBOSE</loglevel>') }, file: MR_FILE, message: /<loglevel>VERBOSE<\/loglevel> is not a valid value \(one of AUDIT, DEBUG, EMERGENCY, ERROR, INTERNAL, SYSTEM\)/ },
  { rule: 'schema-value', what: 'an execution context that is not one', changes: { [UE_FILE]: UE.replace('<status>RELEASED</status>', '<status>RELEASED</status>\n      <executioncontext>USERINTERFACE|OCRPLUGIN|WEBSTORE</executioncontext>') }, file: UE_FILE, message: /<executioncontext>OCRPLUGIN<\/executioncontext> is not a valid value in this \|-separated list/ },
  { rule: 'schema-value', what: 'a custom record access type that is not one', changes: { [RECORD_FILE]: RECORD.replace('USEPERMISSIONLIST', 'ROLEBASED') }, file: RECORD_FILE, message: /<accesstype>ROLEBASED<\/accesstype> is not a valid value \(one of CUSTRECORDENTRYPERM, NONENEEDED, USEPERMISSIONLIST\)/ },
  { rule: 'schema-value', what: 'a permission level that is not one', changes: { [RECORD_FILE]: RECORD.replace('<permittedlevel>EDIT</permittedlevel>', '<permittedlevel>WRITE</permittedlevel>') }, file: RECORD_FILE, message: /<permittedlevel>WRITE<\/permittedlevel> is not a valid value \(one of CREATE, EDIT, FULL, NONE, VIEW\)/ },
  { rule: 'schema-value', what: 'a standard role that does not exist', changes: { [RECORD_FILE]: RECORD.replace('<permittedrole>ACCOUNTANT</permittedrole>', '<permittedrole>ACCOUNTS_CLERK</permittedrole>') }, file: RECORD_FILE, message: /<permittedrole>ACCOUNTS_CLERK<\/permittedrole> is not a valid value \(not in SDF's generic_role list\)/ },
  { rule: 'schema-value', what: 'a permission key that is not one', changes: { [ROLE_FILE]: ROLE.replace('TRAN_SALESORD', 'TRAN_SALESORDER') }, file: ROLE_FILE, message: /<permkey>TRAN_SALESORDER<\/permkey> is not a valid value \(not in SDF's generic_permission list\)/ },
  { rule: 'schema-value', what: 'a boolean that is not T or F', changes: { [ROLE_FILE]: ROLE.replace('<isinactive>F</isinactive>', '<isinactive>false</isinactive>') }, file: ROLE_FILE, message: /<isinactive>false<\/isinactive> is not a valid value \(one of T, F\)/ },

  { rule: 'placeholder-text', what: 'the literal text "undefined" as description and help', changes: { [ITEM_FIELD_FILE]: ITEM_FIELD.replace(/When the thing last synced\./g, 'undefined'), 'manifest.xml': WITH_INVENTORY }, file: ITEM_FIELD_FILE, message: /<help> of custitem_scend_thing_synced is the literal text "undefined"/ },

  { rule: 'reference-resolves', what: 'a permission list naming a role the project does not define', changes: { [RECORD_FILE]: RECORD.replace('customrole_scend_thing_clerk', 'customrole_scend_thing_gone') }, file: RECORD_FILE, message: /<permittedrole> references \[scriptid=customrole_scend_thing_gone\], which is not defined/ },
  { rule: 'reference-resolves', what: 'a library file that is not in the File Cabinet', changes: { [UE_FILE]: UE.replace('<scriptcustomfields>', '<libraries><library><scriptfile>[/SuiteScripts/scend_connector/lib_gone.js]</scriptfile></library></libraries>\n  <scriptcustomfields>') }, file: UE_FILE, message: /<scriptfile> references \[\/SuiteScripts\/scend_connector\/lib_gone\.js\], which is not a file under FileCabinet/ },
];

describe('sdf-validate knows the SDF schema', () => {
  it('accepts the valid fixture project, with its role and permission list', () => {
    expect(validateProject(writeProject())).toEqual([]);
  });

  it.each(breakages)('$rule catches $what', ({ rule, changes, file, message }) => {
    const problems = validateProject(writeProject(changes));
    const fromRule = problems.filter((p) => p.rule === rule);
    expect(fromRule).toEqual(expect.arrayContaining([expect.objectContaining({ file, rule, message: expect.stringMatching(message) })]));
  });

  // SDF XML reference, usereventscript (SDFxml_2716615335): notifyuser is an optional boolean of user event scripts.
  it('accepts <notifyuser> on a user event script, where the SDF reference defines it', () => {
    const problems = validateProject(writeProject({ [UE_FILE]: UE.replace('<name>Thing UE</name>', '<name>Thing UE</name>\n  <notifyuser>F</notifyuser>') }));
    expect(problems).toEqual([]);
  });

  it('accepts a [scriptid=...] reference where a role list value is expected, and roles deployed to', () => {
    const ue = UE.replace('<status>RELEASED</status>', '<status>RELEASED</status>\n      <audslctrole>ADMINISTRATOR|[scriptid=customrole_scend_thing_clerk]</audslctrole>\n      <runasrole>ADMINISTRATOR</runasrole>');
    expect(validateProject(writeProject({ [UE_FILE]: ue }))).toEqual([]);
  });

  it('accepts an item field for inventory items once INVENTORY is declared', () => {
    expect(validateProject(writeProject({ [ITEM_FIELD_FILE]: ITEM_FIELD, 'manifest.xml': WITH_INVENTORY }))).toEqual([]);
  });

  it('accepts an optional reference where an element (not a record type) needs a feature', () => {
    const ue = UE.replace('<status>RELEASED</status>', '<status>RELEASED</status>\n      <allpartners>F</allpartners>');
    expect(validateProject(writeProject({ [UE_FILE]: ue, 'manifest.xml': withFeature('CRM', 'false') }))).toEqual([]);
  });
});
