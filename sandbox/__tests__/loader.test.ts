import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadObjects } from '../src/loader/objects';
import { FIXTURE_PROJECT, loadFixture } from './support/fixture';

const meta = loadObjects(path.join(FIXTURE_PROJECT, 'src', 'Objects'));

describe('loading an SDF project', () => {
  it('reads custom record types with their custom fields', () => {
    const rt = meta.customRecordTypes.get('customrecord_fx_audit');
    expect(rt?.name).toBe('Fixture Audit');
    expect(rt?.fields.map((f) => [f.scriptid, f.type, f.selectRecordType])).toEqual([
      ['custrecord_fx_audit_event', 'TEXT', undefined],
      ['custrecord_fx_audit_status', 'SELECT', 'customlist_fx_status'],
    ]);
  });

  it('reads custom lists with their values in order', () => {
    expect(meta.customLists.get('customlist_fx_status')?.values.map((v) => [v.scriptid, v.value, v.internalId])).toEqual([['val_fx_new', 'New', 1], ['val_fx_done', 'Done', 2]]);
  });

  it('maps transaction body, column, item and entity fields to the record types they apply to', () => {
    expect(meta.customFields.get('custbody_fx_flag')?.owner).toEqual({ kind: 'transactionbody', recordTypes: expect.arrayContaining(['salesorder', 'itemfulfillment']) });
    expect(meta.customFields.get('custcol_fx_ref')?.owner).toEqual({ kind: 'transactioncolumn', recordTypes: expect.arrayContaining(['salesorder']) });
    // "Inventory Item" covers the lot-numbered and serialized variants (NetSuite's applies-to list has no boxes for them).
    expect(meta.customFields.get('custitem_fx_sku')?.owner).toEqual({ kind: 'item', recordTypes: ['inventoryitem', 'lotnumberedinventoryitem', 'serializedinventoryitem'] });
    expect(meta.customFields.get('custentity_fx_code')?.owner).toEqual({ kind: 'entity', recordTypes: ['customer'] });
  });

  it('reads script parameters and the deployment values for them', () => {
    const mr = meta.scripts.get('customscript_fx_mr');
    expect(mr?.type).toBe('MAPREDUCE');
    expect(mr?.parameters.map((p) => p.scriptid)).toEqual(['custscript_fx_mode', 'custscript_fx_count']);
    expect(mr?.deployments[0]).toMatchObject({ scriptid: 'customdeploy_fx_mr', status: 'NOTSCHEDULED', concurrencyLimit: 2, parameterValues: { custscript_fx_mode: 'array', custscript_fx_count: '5' } });
  });

  it('reads user event deployments with record type, deployed flag and execution contexts', () => {
    expect(meta.scripts.get('customscript_fx_ue_ui_only')?.deployments[0]).toMatchObject({ recordType: 'customrecord_fx_order', isDeployed: true, executionContexts: ['USERINTERFACE'] });
    expect(meta.scripts.get('customscript_fx_ue_off')?.deployments[0].isDeployed).toBe(false);
  });

  it('rejects an object whose file name is not its scriptid', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-'));
    fs.writeFileSync(path.join(dir, 'wrong.xml'), '<customlist scriptid="customlist_x"><customvalues/></customlist>');
    expect(() => loadObjects(dir)).toThrow(/FILE_NAME_MISMATCH/);
  });

  it('rejects a deployment value for a parameter the script does not define', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-'));
    fs.writeFileSync(path.join(dir, 'customscript_x.xml'), '<scheduledscript scriptid="customscript_x"><scriptfile>[/SuiteScripts/x.js]</scriptfile><scriptdeployments><scriptdeployment scriptid="customdeploy_x"><custscript_nope>1</custscript_nope></scriptdeployment></scriptdeployments></scheduledscript>');
    expect(() => loadObjects(dir)).toThrow(/UNKNOWN_SCRIPT_PARAMETER/);
  });
});

describe('evaluating built AMD scripts', () => {
  const sb = loadFixture();

  it('a second define() in a file is rejected with MULTIPLE_DEFINE_CALLS', async () => {
    await expect(sb.runScheduled('customdeploy_fx_double')).rejects.toMatchObject({ name: 'MULTIPLE_DEFINE_CALLS' });
  });

  it('a file whose @NScriptType differs from its script object is rejected', async () => {
    await expect(sb.runScheduled('customdeploy_fx_mismatch')).rejects.toMatchObject({ name: 'INVALID_SCRIPT_TYPE' });
  });

  it('a script without its script type entry point is rejected', async () => {
    await expect(sb.runScheduled('customdeploy_fx_noentry')).rejects.toMatchObject({ name: 'SCRIPT_OF_API_VERSION_20_MUST_IMPLEMENT_A_SCRIPT_TYPE_INTERFACE' });
  });

  it('an unknown N/ module is MODULE_DOES_NOT_EXIST', () => {
    expect(() => sb.module('N/nothing')).toThrow(expect.objectContaining({ name: 'MODULE_DOES_NOT_EXIST' }));
  });

  it('scripts do not see Node globals such as process or setTimeout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-'));
    fs.mkdirSync(path.join(dir, 'src', 'Objects'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'src', 'FileCabinet', 'SuiteScripts'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'Objects', 'customscript_g.xml'), '<scheduledscript scriptid="customscript_g"><scriptfile>[/SuiteScripts/g.js]</scriptfile><scriptdeployments><scriptdeployment scriptid="customdeploy_g"><status>NOTSCHEDULED</status></scriptdeployment></scriptdeployments></scheduledscript>');
    fs.writeFileSync(path.join(dir, 'src', 'FileCabinet', 'SuiteScripts', 'g.js'), '/**\n * @NApiVersion 2.1\n * @NScriptType ScheduledScript\n */\ndefine(["N/log"], (log) => ({ execute() { log.audit({ title: "globals", details: typeof process + "," + typeof setTimeout + "," + typeof require }); } }));');
    const g = loadFixture({ projectDir: dir });
    await g.runScheduled('customdeploy_g');
    expect(g.logs.query({ title: 'globals' })[0].details).toBe('undefined,undefined,undefined');
  });
});
