import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadObjects } from '../src/loader/objects';
import { FIXTURE_PROJECT } from './support/fixture';

const project = (files: Record<string, string>): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdf-'));
  for (const [name, xml] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), xml);
  return dir;
};

describe('SDF objects the sandbox cannot reproduce stop the load', () => {
  // SuiteCloud Development Framework: "Saved Searches as XML Definitions" — the <definition> of a
  // savedsearch object is a system-generated blob; a skipped search would surface later as INVALID_SEARCH.
  it('a savedsearch object is refused with UNSUPPORTED_SDF_OBJECT naming the file and how to create it from code', () => {
    const dir = project({ 'customsearch_x.xml': '<savedsearch scriptid="customsearch_x"><definition><![CDATA[H4sIAAAA...]]></definition></savedsearch>' });
    expect(() => loadObjects(dir)).toThrow(/UNSUPPORTED_SDF_OBJECT: saved search customsearch_x .*search\.create.*customsearch_x\.xml/s);
  });

  it('any other unknown object kind (a workflow, a form) is refused the same way, not skipped', () => {
    expect(() => loadObjects(project({ 'customworkflow_x.xml': '<workflow scriptid="customworkflow_x"><name>x</name></workflow>' }))).toThrow(/UNSUPPORTED_SDF_OBJECT: <workflow>/);
    expect(() => loadObjects(project({ 'custform_x.xml': '<transactionForm scriptid="custform_x"></transactionForm>' }))).toThrow(/UNSUPPORTED_SDF_OBJECT: <transactionForm>/);
  });

  it('navigation-only objects (subtab, center tabs) load without behaviour', () => {
    expect(() => loadObjects(project({ 'custtab_x.xml': '<subtab scriptid="custtab_x"><title>X</title></subtab>' }))).not.toThrow();
  });
});

describe('roles, custom record access and deployment audiences are read', () => {
  const meta = loadObjects(path.join(FIXTURE_PROJECT, 'src', 'Objects'));

  it('a role object keeps its permissions by permkey and level', () => {
    const clerk = meta.roles.get('customrole_fx_clerk');
    expect(clerk && Object.fromEntries(clerk.permissions)).toEqual({ customrecord_fx_secret: 'VIEW', list_custrecordentry: 'EDIT' });
  });

  it('a custom record type keeps its access type (default: Custom Record Entries permission) and permitted roles', () => {
    expect(meta.customRecordTypes.get('customrecord_fx_secret')).toMatchObject({ accessType: 'USEPERMISSIONLIST', permissions: [{ role: 'customrole_fx_manager', level: 'FULL' }] });
    expect(meta.customRecordTypes.get('customrecord_fx_order')?.accessType).toBe('CUSTRECORDENTRYPERM');
  });

  it('a deployment keeps runasrole and its audience by role', () => {
    const d = meta.scripts.get('customscript_fx_ue_roles')?.deployments[0];
    expect(d).toMatchObject({ runAsRole: undefined, audience: { allRoles: false, allEmployees: false, roles: ['customrole_fx_clerk', 'customrole_fx_manager'] } });
  });

  it('audiences the sandbox has no model for (departments, groups, named employees) are refused', () => {
    const dir = project({ 'customscript_x.xml': '<usereventscript scriptid="customscript_x"><scriptfile>[/SuiteScripts/x.js]</scriptfile><scriptdeployments><scriptdeployment scriptid="customdeploy_x"><recordtype>SALESORDER</recordtype><auddepartment>1</auddepartment></scriptdeployment></scriptdeployments></usereventscript>' });
    expect(() => loadObjects(dir)).toThrow(/UNSUPPORTED_AUDIENCE/);
  });
});
