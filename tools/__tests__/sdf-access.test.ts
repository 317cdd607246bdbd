/**
 * The shipped objects are closed to the wrong roles (issue 9, "closed to the wrong roles"): every
 * connector record type uses a permission list naming the connector roles, the ledger is read-only
 * to all of them, configuration and mappings are edited by the integration admin only.
 * NetSuite Help (SDF XML reference, customrecordtype): accesstype USEPERMISSIONLIST makes the
 * record's <permissions> list the only grant (besides Administrator); NONENEEDED opens it to all.
 */
import * as path from 'node:path';
import { ROOT } from '../build/webpack-config';
import { loadProject, type SdfObject } from '../sdf-validate';
import { child, childText } from '../sdf-validate/xml';
import { RECORDS, ROLES } from '../../src/ts/ids';

const project = loadProject(path.join(ROOT, 'src'));
const byId = new Map(project.objects.map((o) => [o.scriptid, o]));
const ref = (id: string) => `[scriptid=${id}]`;

function record(id: string): SdfObject {
  const obj = byId.get(id);
  if (!obj) throw new Error(`${id} is not in src/Objects`);
  return obj;
}

/** permitted role → level, from a record type's <permissions>. */
function grants(id: string): Record<string, string> {
  const perms = child(record(id).root, 'permissions')?.children ?? [];
  return Object.fromEntries(perms.map((p) => [childText(p, 'permittedrole') ?? '', childText(p, 'permittedlevel') ?? '']));
}

const RECORD_IDS = Object.values(RECORDS).map((r) => r.id);

describe('connector records are closed to the wrong roles', () => {
  it('ships the four connector roles as role objects', () => {
    for (const id of Object.values(ROLES)) expect(record(id).type).toBe('role');
  });

  it.each(RECORD_IDS)('%s uses a permission list (USEPERMISSIONLIST), naming only connector roles', (id) => {
    expect(childText(record(id).root, 'accesstype')).toBe('USEPERMISSIONLIST');
    const roles = Object.keys(grants(id));
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) expect(Object.values(ROLES).map(ref)).toContain(role);
  });

  it('the ledger is read-only (VIEW) to every connector role, with no inline editing', () => {
    const ledger = RECORDS.sync.id;
    expect(grants(ledger)).toEqual(Object.fromEntries(Object.values(ROLES).map((r) => [ref(r), 'VIEW'])));
    expect(childText(record(ledger).root, 'allowinlineediting')).toBe('F');
  });

  it.each([RECORDS.config.id, RECORDS.locationMap.id, RECORDS.shipMethodMap.id])('%s is edited by the integration admin only, viewed by operations', (id) => {
    const g = grants(id);
    expect(['EDIT', 'FULL']).toContain(g[ref(ROLES.integrationAdmin)]);
    expect(g[ref(ROLES.operations)]).toBe('VIEW');
    expect(Object.entries(g).filter(([role, level]) => role !== ref(ROLES.integrationAdmin) && level !== 'VIEW')).toEqual([]);
    expect(childText(record(id).root, 'allowinlineediting')).toBe('F');
  });

  it('exceptions are worked (EDIT) by operations, customer service and finance; the integration admin has FULL', () => {
    expect(grants(RECORDS.exception.id)).toEqual({
      [ref(ROLES.integrationAdmin)]: 'FULL',
      [ref(ROLES.operations)]: 'EDIT',
      [ref(ROLES.customerService)]: 'EDIT',
      [ref(ROLES.finance)]: 'EDIT',
    });
  });

  it('every connector role may view sales orders and items', () => {
    for (const id of Object.values(ROLES)) {
      const perms = child(record(id).root, 'permissions')?.children ?? [];
      const keys = Object.fromEntries(perms.map((p) => [childText(p, 'permkey'), childText(p, 'permlevel')]));
      expect(keys).toEqual(expect.objectContaining({ TRAN_SALESORD: expect.stringMatching(/VIEW|EDIT|FULL/), LIST_ITEM: expect.stringMatching(/VIEW|EDIT|FULL/) }));
    }
  });

  it('the integration admin and operations may run the configuration check Suitelet', () => {
    const suitelet = project.objects.find((o) => o.type === 'suitelet');
    const audience = childText(child(child(suitelet!.root, 'scriptdeployments')!, 'scriptdeployment')!, 'audslctrole')?.split('|') ?? [];
    expect(audience).toEqual(expect.arrayContaining([ref(ROLES.integrationAdmin), ref(ROLES.operations)]));
  });
});
