import { createOrder, loadFixture } from './support/fixture';

const titles = (sb: ReturnType<typeof loadFixture>) => sb.logs.entries.map((e) => e.title);

describe('user events', () => {
  it('a deployed user event fires on create with context.type create and no oldRecord', () => {
    const sb = loadFixture();
    createOrder(sb, 'O1');
    const [entry] = sb.logs.query({ title: 'ue_order' });
    expect(JSON.parse(entry.details)).toMatchObject({ type: 'create', hasOld: false, context: 'USERINTERFACE', createType: 'create' });
  });

  it('submitFields fires user events with context.type xedit and an oldRecord', () => {
    const sb = loadFixture();
    const id = createOrder(sb, 'O1');
    sb.logs.clear();
    sb.record.submitFields({ type: 'customrecord_fx_order', id, values: { custrecord_fx_memo: 'changed' } });
    expect(JSON.parse(sb.logs.query({ title: 'ue_order' })[0].details)).toMatchObject({ type: 'xedit', hasOld: true });
  });

  it('user events do not trigger user events', () => {
    const sb = loadFixture();
    createOrder(sb, 'O1');
    // ue_order saved an audit record inside afterSubmit; the audit record's own user event stayed silent.
    expect(titles(sb)).toContain('ue_order');
    expect(titles(sb)).not.toContain('ue_audit');
  });

  it('a record saved by the UI user fires its user events', () => {
    const sb = loadFixture();
    const a = sb.record.create({ type: 'customrecord_fx_audit' });
    a.setValue({ fieldId: 'name', value: 'by hand' });
    a.save();
    expect(sb.logs.query({ title: 'ue_audit' }).map((e) => e.details)).toEqual(['create']);
  });

  it('an error thrown in beforeSubmit aborts the save', () => {
    const sb = loadFixture();
    const o = sb.record.create({ type: 'customrecord_fx_order' });
    o.setValue({ fieldId: 'name', value: 'bad' });
    o.setValue({ fieldId: 'custrecord_fx_memo', value: 'REJECT' });
    expect(() => o.save()).toThrow(expect.objectContaining({ name: 'FX_REJECTED' }));
    expect(sb.logs.query({ title: 'ue_order' })).toHaveLength(0);
    expect(() => sb.record.load({ type: 'customrecord_fx_order', id: 1 })).toThrow(expect.objectContaining({ name: 'RCRD_DSNT_EXIST' }));
  });

  it('a deployment limited to USERINTERFACE (on a custom record named by SDF reference) does not run for a CSV import', () => {
    const sb = loadFixture();
    sb.asContext('CSVIMPORT', () => createOrder(sb, 'csv'));
    expect(titles(sb)).not.toContain('ue_ui_only');
    expect(JSON.parse(sb.logs.query({ title: 'ue_order' })[0].details).context).toBe('CSVIMPORT');
  });

  it('a deployment with isdeployed F never runs', () => {
    const sb = loadFixture();
    createOrder(sb, 'O1');
    expect(titles(sb)).not.toContain('ue_off');
    expect(sb.userEventsFor('customrecord_fx_order').map((d) => d.deploymentId)).toEqual(['customdeploy_fx_ue_order', 'customdeploy_fx_ue_ui_only']);
  });

  it('each user event entry point gets a fresh 1,000-unit governor and reports its usage', () => {
    const sb = loadFixture();
    createOrder(sb, 'O1');
    createOrder(sb, 'O2');
    const after = sb.usageOf({ scriptId: 'customscript_fx_ue_order', entryPoint: 'afterSubmit' });
    expect(after.map((u) => [u.units, u.limit])).toEqual([[6, 1000], [6, 1000]]);
    expect(JSON.parse(sb.logs.query({ title: 'ue_order' })[1].details).remaining).toBe(1000);
  });

  it('exceeding 1,000 units in a user event throws SSS_USAGE_LIMIT_EXCEEDED and the save does not happen', () => {
    const sb = loadFixture();
    expect(() => createOrder(sb, 'burn', 'BURN')).toThrow(expect.objectContaining({ name: 'SSS_USAGE_LIMIT_EXCEEDED', type: 'error.SuiteScriptError' }));
    const peak = sb.usage.peak({ scriptId: 'customscript_fx_ue_order' });
    expect(peak?.units).toBeLessThanOrEqual(1000);
    expect(peak?.units).toBeGreaterThan(990);
  });
});
