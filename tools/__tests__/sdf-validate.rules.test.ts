/** Each validator rule catches a deliberately broken object in an otherwise valid project. */
import { validateProject } from '../sdf-validate';
import { LIST, MANIFEST, MR, MR_SCRIPT, RECORD, UE, UE_HEADER, UE_SCRIPT, DEPLOY, removeProjects, writeProject } from './fixtures/sdf-project';

afterAll(removeProjects);

const UE_FILE = 'Objects/customscript_scend_ue_thing.xml';
const MR_FILE = 'Objects/customscript_scend_mr_thing.xml';
const LIST_FILE = 'Objects/customlist_scend_colour.xml';
const RECORD_FILE = 'Objects/customrecord_scend_thing.xml';
const UE_JS = 'FileCabinet/SuiteScripts/scend_connector/ue_thing.js';

interface Breakage {
  rule: string;
  what: string;
  changes: Record<string, string | null>;
  file: string;
  message: RegExp;
}

const breakages: Breakage[] = [
  { rule: 'xml-well-formed', what: 'an unclosed tag, with its line', changes: { [LIST_FILE]: LIST.replace('<name>Colour</name>', '<name>Colour') }, file: LIST_FILE, message: /line \d+/ },
  { rule: 'xml-well-formed', what: 'a broken manifest', changes: { 'manifest.xml': '<manifest projecttype="ACCOUNTCUSTOMIZATION">' }, file: 'manifest.xml', message: /line 1/ },
  { rule: 'one-object-per-file', what: 'two objects in one file', changes: { [LIST_FILE]: LIST + LIST.replace(/colour/g, 'size') }, file: LIST_FILE, message: /exactly one object, found 2/ },
  { rule: 'one-object-per-file', what: 'a root that is no SDF object type', changes: { 'Objects/customlist_scend_x.xml': '<objects scriptid="customlist_scend_x"/>' }, file: 'Objects/customlist_scend_x.xml', message: /<objects> is not an SDF object type/ },
  { rule: 'file-named-by-scriptid', what: 'a file named after another id', changes: { [LIST_FILE]: null, 'Objects/customlist_scend_color.xml': LIST }, file: 'Objects/customlist_scend_color.xml', message: /"customlist_scend_colour" does not match the file name "customlist_scend_color"/ },
  { rule: 'file-named-by-scriptid', what: 'an object without scriptid', changes: { [LIST_FILE]: LIST.replace(' scriptid="customlist_scend_colour"', '') }, file: LIST_FILE, message: /no scriptid attribute/ },
  { rule: 'scriptid-prefix', what: 'a custom record field without custrecord_', changes: { [RECORD_FILE]: RECORD.replace('custrecord_scend_thing_note', 'custentity_scend_thing_note') }, file: RECORD_FILE, message: /"custentity_scend_thing_note" must start with "custrecord_"/ },
  { rule: 'scriptid-prefix', what: 'a deployment without customdeploy_', changes: { [UE_FILE]: UE.replace('customdeploy_scend_ue_thing_so', 'customscript_scend_ue_thing_so') }, file: UE_FILE, message: /must start with "customdeploy_"/ },
  { rule: 'scriptid-prefix', what: 'a list value without val_', changes: { [LIST_FILE]: LIST.replace('val_scend_blue', 'scend_blue') }, file: LIST_FILE, message: /"scend_blue" must start with "val_"/ },
  { rule: 'scriptid-prefix', what: 'a parameter without scend after its prefix', changes: { [UE_FILE]: UE.replace('custscript_scend_ue_thing_limit', 'custscript_ue_thing_limit') }, file: UE_FILE, message: /must start with "custscript_scend_"/ },
  { rule: 'scriptid-prefix', what: 'an object without scend after its prefix', changes: { [LIST_FILE]: null, 'Objects/customlist_colour.xml': LIST.replace('customlist_scend_colour', 'customlist_colour') }, file: 'Objects/customlist_colour.xml', message: /must start with "customlist_scend_"/ },
  { rule: 'scriptid-format', what: 'an id over 40 characters', changes: { [RECORD_FILE]: RECORD.replace('custrecord_scend_thing_note', 'custrecord_scend_thing_note_that_is_far_too_long') }, file: RECORD_FILE, message: /48 characters \(SDF allows 40\)/ },
  { rule: 'scriptid-format', what: 'an id with capitals', changes: { [LIST_FILE]: LIST.replace('val_scend_red', 'val_scend_Red') }, file: LIST_FILE, message: /lowercase letters/ },
  { rule: 'scriptfile-exists', what: 'a script whose built file is missing', changes: { [UE_JS]: null }, file: UE_FILE, message: /\/SuiteScripts\/scend_connector\/ue_thing\.js does not exist .*npm run build/ },
  { rule: 'scriptfile-exists', what: 'a scriptfile that is not a bracketed .js path', changes: { [UE_FILE]: UE.replace('[/SuiteScripts/scend_connector/ue_thing.js]', '/SuiteScripts/scend_connector/ue_thing.js') }, file: UE_FILE, message: /not of the form/ },
  { rule: 'script-type-matches-header', what: 'a header declaring another script type', changes: { [UE_JS]: UE_SCRIPT.replace('UserEventScript', 'Suitelet') }, file: UE_FILE, message: /@NScriptType is Suitelet but <usereventscript> needs UserEventScript/ },
  { rule: 'script-type-matches-header', what: 'the header for the wrong object type', changes: { 'FileCabinet/SuiteScripts/scend_connector/mr_thing.js': UE_SCRIPT }, file: MR_FILE, message: /needs MapReduceScript/ },
  { rule: 'script-type-matches-header', what: 'SuiteScript 2.0', changes: { [UE_JS]: UE_SCRIPT.replace('2.1', '2.0') }, file: UE_FILE, message: /@NApiVersion is 2\.0, expected 2\.1/ },
  { rule: 'script-type-matches-header', what: 'two define calls', changes: { [UE_JS]: `${UE_SCRIPT}define([], () => ({}));\n` }, file: UE_FILE, message: /2 define\( calls/ },
  { rule: 'script-type-matches-header', what: 'no define call', changes: { [UE_JS]: `${UE_HEADER}\nmodule.exports = {};\n` }, file: UE_FILE, message: /0 define\( calls/ },
  { rule: 'script-type-matches-header', what: 'the header below define', changes: { [UE_JS]: `define([], () => ({}));\n${UE_HEADER}\n` }, file: UE_FILE, message: /header must sit above define/ },
  { rule: 'script-type-matches-header', what: 'no header', changes: { [UE_JS]: 'define([], () => ({}));\n' }, file: UE_FILE, message: /no \/\*\* @NApiVersion/ },
  { rule: 'reference-resolves', what: 'a select field naming a missing list', changes: { [RECORD_FILE]: RECORD.replace('<selectrecordtype>[scriptid=customlist_scend_colour]', '<selectrecordtype>[scriptid=customlist_scend_shade]') }, file: RECORD_FILE, message: /\[scriptid=customlist_scend_shade\], which is not defined/ },
  { rule: 'reference-resolves', what: 'a dotted reference to a missing value', changes: { [RECORD_FILE]: RECORD.replace('customlist_scend_colour.val_scend_red', 'customlist_scend_colour.val_scend_green') }, file: RECORD_FILE, message: /customlist_scend_colour\.val_scend_green/ },
  { rule: 'reference-resolves', what: 'a deployment on a missing custom record', changes: { [UE_FILE]: UE.replace('[scriptid=customrecord_scend_thing]', '[scriptid=customrecord_scend_gone]') }, file: UE_FILE, message: /customrecord_scend_gone/ },
  { rule: 'deployment-recordtype', what: 'a misspelt record type', changes: { [UE_FILE]: UE.replace('SALESORDER', 'SALESORDERS') }, file: UE_FILE, message: /customdeploy_scend_ue_thing_so: <recordtype>SALESORDERS<\/recordtype> is not a NetSuite record type/ },
  { rule: 'deployment-recordtype', what: 'a user event deployment without record type', changes: { [UE_FILE]: UE.replace('<recordtype>SALESORDER</recordtype>', '') }, file: UE_FILE, message: /has no <recordtype>/ },
  { rule: 'deployment-status', what: 'a scheduled map/reduce without recurrence', changes: { [MR_FILE]: MR.replace(/<recurrence>[\s\S]*<\/recurrence>/, '') }, file: MR_FILE, message: /SCHEDULED but has no <recurrence>/ },
  { rule: 'deployment-status', what: 'a user event that is NOTSCHEDULED', changes: { [UE_FILE]: UE.replace('RELEASED', 'NOTSCHEDULED') }, file: UE_FILE, message: /status NOTSCHEDULED is not valid for <usereventscript>/ },
  { rule: 'deployment-status', what: 'a misspelt map/reduce status', changes: { [MR_FILE]: MR.replace('NOTSCHEDULED', 'UNSCHEDULED') }, file: MR_FILE, message: /status UNSCHEDULED is not valid/ },
  { rule: 'field-type', what: 'an unknown field type', changes: { [RECORD_FILE]: RECORD.replace('<fieldtype>TEXT</fieldtype>', '<fieldtype>STRING</fieldtype>') }, file: RECORD_FILE, message: /custrecord_scend_thing_note: <fieldtype>STRING<\/fieldtype> is not one of/ },
  { rule: 'field-type', what: 'a SELECT without selectrecordtype', changes: { [RECORD_FILE]: RECORD.replace('<selectrecordtype>[scriptid=customlist_scend_colour]</selectrecordtype>', '<selectrecordtype></selectrecordtype>') }, file: RECORD_FILE, message: /is SELECT but has no <selectrecordtype>/ },
  { rule: 'field-type', what: 'a script parameter without field type', changes: { [UE_FILE]: UE.replace('<fieldtype>INTEGER</fieldtype>', '') }, file: UE_FILE, message: /custscript_scend_ue_thing_limit has no <fieldtype>/ },
  { rule: 'manifest-features', what: 'custom records without CUSTOMRECORDS', changes: { 'manifest.xml': MANIFEST.replace('<feature required="true">CUSTOMRECORDS</feature>', '') }, file: 'manifest.xml', message: /CUSTOMRECORDS is needed \(by customrecord_scend_thing\)/ },
  { rule: 'manifest-features', what: 'scripts without SERVERSIDESCRIPTING', changes: { 'manifest.xml': MANIFEST.replace('<feature required="true">SERVERSIDESCRIPTING</feature>', '') }, file: 'manifest.xml', message: /SERVERSIDESCRIPTING is needed/ },
  { rule: 'manifest-features', what: 'a SuiteApp manifest', changes: { 'manifest.xml': MANIFEST.replace('ACCOUNTCUSTOMIZATION', 'SUITEAPP') }, file: 'manifest.xml', message: /projecttype is SUITEAPP, expected ACCOUNTCUSTOMIZATION/ },
  { rule: 'manifest-features', what: 'no manifest', changes: { 'manifest.xml': null }, file: 'manifest.xml', message: /missing/ },
  { rule: 'deploy-paths', what: 'a path to a folder that does not exist', changes: { 'deploy.xml': DEPLOY.replace('scend_connector', 'elsewhere') }, file: 'deploy.xml', message: /FileCabinet\/SuiteScripts\/elsewhere does not exist/ },
  { rule: 'deploy-paths', what: 'a path outside the project', changes: { 'deploy.xml': DEPLOY.replace('~/Objects/*', '/Objects/*') }, file: 'deploy.xml', message: /must start with ~\// },
];

describe('sdf-validate rules', () => {
  it('accepts the valid fixture project (so every failure below is caused by its one breakage)', () => {
    expect(validateProject(writeProject())).toEqual([]);
  });

  it('accepts a map/reduce script file for the map/reduce object', () => {
    // Guards the fixture: MR_SCRIPT really is the valid map/reduce file the object names.
    expect(validateProject(writeProject({ 'FileCabinet/SuiteScripts/scend_connector/mr_thing.js': MR_SCRIPT }))).toEqual([]);
  });

  it.each(breakages)('$rule catches $what', ({ rule, changes, file, message }) => {
    const problems = validateProject(writeProject(changes));
    const fromRule = problems.filter((p) => p.rule === rule);
    expect(fromRule).toEqual(expect.arrayContaining([expect.objectContaining({ file, rule, message: expect.stringMatching(message) })]));
  });
});
