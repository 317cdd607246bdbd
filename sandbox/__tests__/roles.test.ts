import type { Sandbox } from '../src/index';
import { loadFixture } from './support/fixture';

const CLERK = { id: 101, role: 'customrole_fx_clerk' };
const MANAGER = { id: 102, role: 'customrole_fx_manager' };
const GUEST = { id: 103, role: 'customrole_fx_guest' };

const createSecret = (sb: Sandbox, name: string): number => {
  const s = sb.record.create({ type: 'customrecord_fx_secret' });
  s.setValue({ fieldId: 'name', value: name });
  return s.save() as number;
};
const createNote = (sb: Sandbox, name: string): number => {
  const n = sb.record.create({ type: 'customrecord_fx_note' });
  n.setValue({ fieldId: 'name', value: name });
  return n.save() as number;
};
const ueRuns = (sb: Sandbox) => sb.logs.query({ title: 'ue_roles' }).map((e) => JSON.parse(e.details) as { deployment: string; role: string; user: number; secret: string });

// NetSuite Help: custom record Access Type ("Use Permission List": only roles on the record type's
// Permissions subtab or with the record type on their own permission list; "Require Custom Record
// Entries Permission": roles with that permission) — a role without the level gets INSUFFICIENT_PERMISSION.
describe('custom record permissions for the current role', () => {
  it('a role lacking the record type on its permission list is refused create, load, search and delete', () => {
    const sb = loadFixture();
    const id = createSecret(sb, 'S1');
    sb.asUser(GUEST, () => {
      expect(() => sb.record.create({ type: 'customrecord_fx_secret' })).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
      expect(() => sb.record.load({ type: 'customrecord_fx_secret', id })).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
      expect(() => sb.search.create({ type: 'customrecord_fx_secret', columns: ['name'] }).run().getRange({ start: 0, end: 10 })).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
      expect(() => sb.search.lookupFields({ type: 'customrecord_fx_secret', id, columns: ['name'] })).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
      expect(() => sb.record.delete({ type: 'customrecord_fx_secret', id })).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
    });
  });

  it('the level counts: VIEW may load and search but not create or edit; FULL on the permitted-role list may do all', () => {
    const sb = loadFixture();
    const id = createSecret(sb, 'S2');
    sb.asUser(CLERK, () => {
      const rec = sb.record.load({ type: 'customrecord_fx_secret', id });
      expect(sb.search.create({ type: 'customrecord_fx_secret', columns: ['name'] }).run().getRange({ start: 0, end: 10 })).toHaveLength(1);
      rec.setValue({ fieldId: 'name', value: 'changed' });
      expect(() => rec.save()).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
      expect(() => sb.record.submitFields({ type: 'customrecord_fx_secret', id, values: { name: 'x' } })).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' }));
    });
    sb.asUser(MANAGER, () => {
      createSecret(sb, 'by manager');
      sb.record.delete({ type: 'customrecord_fx_secret', id });
    });
  });

  it('"Require Custom Record Entries Permission" (the default access type) checks LIST_CUSTRECORDENTRY', () => {
    const sb = loadFixture();
    sb.asUser(CLERK, () => expect(sb.record.create({ type: 'customrecord_fx_audit' }).type).toBe('customrecord_fx_audit'));
    sb.asUser(GUEST, () => expect(() => sb.record.create({ type: 'customrecord_fx_audit' })).toThrow(expect.objectContaining({ name: 'INSUFFICIENT_PERMISSION' })));
  });

  it('"No Permission Required" lets every role in, and the administrator role is never refused', () => {
    const sb = loadFixture();
    sb.asUser(GUEST, () => createNote(sb, 'N'));
    sb.asUser({ id: 104, role: 'ADMINISTRATOR' }, () => createSecret(sb, 'by another admin'));
  });
});

// NetSuite Help: "Setting Script Deployment Status" (Testing: only the script owner), "Defining Script
// Audience" (roles on the Audience subtab; no audience: only the owner), "Executing Scripts Using a
// Specific Role" (Execute As Role; otherwise the user's role).
describe('deployments run for their audience and with the right role', () => {
  it('the owner (the sandbox administrator) triggers every deployment, TESTING included', () => {
    const sb = loadFixture();
    createNote(sb, 'owner');
    expect(ueRuns(sb).map((r) => r.deployment).sort()).toEqual(['customdeploy_fx_ue_roles', 'customdeploy_fx_ue_roles_admin', 'customdeploy_fx_ue_roles_testing']);
  });

  it('a TESTING deployment does not fire for another user; a role outside the audience does not trigger it', () => {
    const sb = loadFixture();
    sb.asUser(GUEST, () => createNote(sb, 'guest'));
    expect(ueRuns(sb).map((r) => r.deployment)).toEqual(['customdeploy_fx_ue_roles_admin']);
  });

  it("a user event without Execute As Role runs with the user's role, and is refused what that role may not do", () => {
    const sb = loadFixture();
    sb.asUser(CLERK, () => createNote(sb, 'clerk'));
    const runs = Object.fromEntries(ueRuns(sb).map((r) => [r.deployment, r]));
    expect(runs.customdeploy_fx_ue_roles).toEqual({ deployment: 'customdeploy_fx_ue_roles', role: 'customrole_fx_clerk', user: 101, secret: 'INSUFFICIENT_PERMISSION' });
    expect(runs.customdeploy_fx_ue_roles_admin).toEqual({ deployment: 'customdeploy_fx_ue_roles_admin', role: 'administrator', user: 101, secret: 'created' });
    sb.logs.clear();
    sb.asUser(MANAGER, () => createNote(sb, 'manager'));
    expect(ueRuns(sb).find((r) => r.deployment === 'customdeploy_fx_ue_roles')).toMatchObject({ role: 'customrole_fx_manager', secret: 'created' });
  });

  it('a deployment with no audience at all runs only for the script owner', () => {
    const sb = loadFixture();
    sb.asUser(MANAGER, () => {
      const o = sb.record.create({ type: 'customrecord_fx_order' });
      o.setValue({ fieldId: 'name', value: 'no audience' });
      o.save();
    });
    expect(sb.logs.query({ title: 'ue_order' })).toHaveLength(0);
  });
});

// NetSuite Help "Script Types That Support Execute as Role": Suitelet, User Event, Portlet, Mass Update,
// Workflow Action. A Suitelet deployment's Execute As Role is the role it runs with; the user stays the caller.
describe('Suitelets run with the deployment Execute As Role', () => {
  it('a role refused a record type can use it through a Suitelet that executes as Administrator, as itself', async () => {
    const sb = loadFixture();
    const asAdmin = await sb.asUser(GUEST, () => sb.callSuitelet('customdeploy_fx_sl_role_admin'));
    expect(JSON.parse(asAdmin.body)).toMatchObject({ role: 'administrator', user: GUEST.id });
  });

  it('without Execute As Role the Suitelet runs with the caller role and is refused', async () => {
    const sb = loadFixture();
    await expect(sb.asUser(GUEST, () => sb.callSuitelet('customdeploy_fx_sl_role_user'))).rejects.toMatchObject({ name: 'INSUFFICIENT_PERMISSION' });
  });
});
