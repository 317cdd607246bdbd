/**
 * SuiteQL tables about the account's setup, read from the loaded project: `scriptdeployment`
 * (NetSuite Help "Script Deployment": Deployed, Status) and `role` (custom roles). A setup check
 * reads them; a status changed while the sandbox runs shows at the next query.
 */
import { sqlEngineReady } from '../src/modules/query/engine';
import { loadFixture } from './support/fixture';

beforeAll(() => sqlEngineReady);

type Query = { runSuiteQL(o: { query: string; params?: unknown[] }): { asMappedResults(): Array<Record<string, unknown>> } };

describe('SuiteQL setup tables', () => {
  test('scriptdeployment lists each deployment with its status and Deployed flag', () => {
    const sb = loadFixture();
    const query = sb.module('N/query') as Query;
    const rows = query.runSuiteQL({
      query: `SELECT scriptid, script, status, isdeployed FROM scriptdeployment WHERE script = ? ORDER BY scriptid`,
      params: ['customscript_fx_sched'],
    }).asMappedResults();
    expect(rows).toEqual(
      expect.arrayContaining([
        { scriptid: 'customdeploy_fx_sched_every15', script: 'customscript_fx_sched', status: 'SCHEDULED', isdeployed: 'T' },
        { scriptid: 'customdeploy_fx_sched_undeployed', script: 'customscript_fx_sched', status: 'SCHEDULED', isdeployed: 'F' },
        { scriptid: 'customdeploy_fx_sched_testing', script: 'customscript_fx_sched', status: 'TESTING', isdeployed: 'T' },
      ]),
    );
  });

  test('a status an admin changes is what the next query reads', () => {
    const sb = loadFixture();
    const query = sb.module('N/query') as Query;
    const read = () => query.runSuiteQL({ query: `SELECT status FROM scriptdeployment WHERE scriptid = ?`, params: ['customdeploy_fx_sched_every15'] }).asMappedResults()[0].status;
    expect(read()).toBe('SCHEDULED');
    const d = sb.meta.scripts.get('customscript_fx_sched')!.deployments.find((x) => x.scriptid === 'customdeploy_fx_sched_every15')!;
    d.status = 'NOTSCHEDULED';
    expect(read()).toBe('NOTSCHEDULED');
  });

  test('role lists the project custom roles, active', () => {
    const sb = loadFixture();
    const query = sb.module('N/query') as Query;
    const rows = query.runSuiteQL({ query: `SELECT scriptid, name, isinactive FROM role ORDER BY scriptid` }).asMappedResults();
    expect(rows.map((r) => r.scriptid)).toEqual(['customrole_fx_clerk', 'customrole_fx_guest', 'customrole_fx_manager']);
    expect(rows[0]).toMatchObject({ name: 'Fixture Clerk', isinactive: 'F' });
  });

  test('an unknown column of these tables is refused like any other', () => {
    const sb = loadFixture();
    const query = sb.module('N/query') as Query;
    expect(() => query.runSuiteQL({ query: `SELECT permkey FROM role` })).toThrow(/SSS_SEARCH_ERROR_OCCURRED|permkey/);
  });
});
