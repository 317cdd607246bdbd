import type { Sandbox } from '../src/index';
import { loadFixture } from './support/fixture';

// NetSuite Help: "beforeLoad(context)" (SuiteScript 2.x User Event Script Entry Points and API) —
// runs whenever a record is read (UI create/edit/view/copy, a record loaded by a script), before it is
// returned; context.form is the page's serverWidget.Form; context.request is absent when a server
// action triggered it. "How User Event Scripts are Executed": reads from server SuiteScript trigger it,
// reads from other user event scripts do not.
const seen = (sb: Sandbox) => sb.logs.query({ title: 'beforeLoad' }).map((e) => JSON.parse(e.details) as Record<string, unknown>);

const seed = (sb: Sandbox, name: string): number => sb.asContext('CSVIMPORT', () => {
  const r = sb.record.create({ type: 'customrecord_fx_view' });
  r.setValue({ fieldId: 'name', value: name });
  return r.save() as number;
});

describe('beforeLoad user events', () => {
  it('a UI user opening a record runs beforeLoad with type view and the form, which the script can change', () => {
    const sb = loadFixture();
    const id = seed(sb, 'A');
    sb.logs.clear();
    const page = sb.ui.open('customrecord_fx_view', id, 'view');
    expect(seen(sb)).toEqual([{ type: 'view', name: 'A', hasForm: true, noRequest: true, context: 'USERINTERFACE' }]);
    expect(page.html).toContain('added by beforeLoad');
    expect(page.record.isReadOnly).toBe(true);
  });

  it('UI create, edit and copy run beforeLoad with their types; values it sets appear on the record', () => {
    const sb = loadFixture();
    const id = seed(sb, 'B');
    sb.logs.clear();
    expect(sb.ui.create('customrecord_fx_view').record.getValue({ fieldId: 'custrecord_fx_view_seen' })).toBe('seen on create');
    expect(sb.ui.open('customrecord_fx_view', id, 'edit').record.getValue({ fieldId: 'custrecord_fx_view_seen' })).toBe('seen on edit');
    expect(sb.ui.copy('customrecord_fx_view', id).record.getValue({ fieldId: 'custrecord_fx_view_seen' })).toBe('seen on copy');
    expect(seen(sb).map((e) => e.type)).toEqual(['create', 'edit', 'copy']);
  });

  it('record.load and record.create in a server script run beforeLoad (view, create) without a form', async () => {
    const sb = loadFixture();
    const id = seed(sb, 'C');
    sb.logs.clear();
    await sb.runScheduled('customdeploy_fx_reader', { params: { custscript_fx_read_id: id } });
    expect(seen(sb)).toEqual([
      { type: 'view', name: 'C', hasForm: false, noRequest: true, context: 'SCHEDULED' },
      { type: 'create', name: '', hasForm: false, noRequest: true, context: 'SCHEDULED' },
    ]);
    // The value beforeLoad set when the record was first created was saved with it; a view leaves it alone.
    expect(JSON.parse(sb.logs.query({ title: 'reader' })[0]!.details)).toEqual({ loadedSeen: 'seen on create', createdSeen: 'seen on create' });
  });

  it('a record loaded inside a user event fires no beforeLoad (user events never trigger user events)', () => {
    const sb = loadFixture();
    seed(sb, 'D'); // afterSubmit of the fixture user event loads the record it saved
    expect(seen(sb).map((e) => e.type)).toEqual(['create']); // only the CSV import's own record.create
  });

  it('an error thrown in beforeLoad aborts the read', async () => {
    const sb = loadFixture();
    const id = seed(sb, 'BLOCKED');
    expect(() => sb.ui.open('customrecord_fx_view', id)).toThrow(expect.objectContaining({ name: 'FX_BLOCKED' }));
    expect(() => sb.record.load({ type: 'customrecord_fx_view', id })).toThrow(expect.objectContaining({ name: 'FX_BLOCKED' }));
    await expect(sb.runScheduled('customdeploy_fx_reader', { params: { custscript_fx_read_id: id } })).rejects.toMatchObject({ name: 'FX_BLOCKED' });
  });
});
