import { account, makeOrder, nameOf } from './support/data-fixtures';


describe('N/record basics', () => {
  test('save returns the internal id and load reads the committed values', () => {
    const { record, ids } = account();
    const c = record.create({ type: 'customer' });
    c.setValue({ fieldId: 'entityid', value: 'BOB' }).setValue({ fieldId: 'email', value: 'bob@x.test' });
    const id = c.save();
    expect(typeof id).toBe('number');
    expect(id).toBeGreaterThan(ids.customer);
    const loaded = record.load({ type: 'customer', id });
    expect(loaded.getValue({ fieldId: 'email' })).toBe('bob@x.test');
    expect(loaded.id).toBe(id);
    expect(loaded.type).toBe('customer');
  });

  test('load of a missing id throws RCRD_DSNT_EXIST', () => {
    const { record } = account();
    expect(nameOf(() => record.load({ type: 'salesorder', id: 99999 }))).toBe('RCRD_DSNT_EXIST');
  });

  test('load of an item id under another item type throws SSS_RECORD_TYPE_MISMATCH', () => {
    const { record, ids } = account();
    expect(nameOf(() => record.load({ type: 'kititem', id: ids.widget }))).toBe('SSS_RECORD_TYPE_MISMATCH');
  });

  test('setting an unknown custom field throws INVALID_FIELD_ID', () => {
    const { record } = account();
    const so = record.create({ type: 'salesorder' });
    expect(nameOf(() => so.setValue({ fieldId: 'custbody_does_not_exist', value: 'x' }))).toBe('INVALID_FIELD_ID');
  });

  test('a custom body field is rejected on record types it is not applied to', () => {
    const { record } = account();
    const po = record.create({ type: 'purchaseorder' });
    expect(nameOf(() => po.setValue({ fieldId: 'custbody_scend_order_id', value: 'x' }))).toBe('INVALID_FIELD_ID');
  });

  test('custom field value types are enforced (checkbox, integer, date, multiselect, text length)', () => {
    const { record } = account();
    const so = record.create({ type: 'salesorder' });
    expect(nameOf(() => so.setValue({ fieldId: 'custbody_scend_sent', value: 'T' }))).toBe('INVALID_FLD_VALUE');
    expect(nameOf(() => so.setValue({ fieldId: 'custbody_scend_attempts', value: 1.5 }))).toBe('INVALID_FLD_VALUE');
    expect(nameOf(() => so.setValue({ fieldId: 'custbody_scend_sent_at', value: '2024-01-01' }))).toBe('INVALID_FLD_VALUE');
    expect(nameOf(() => so.setValue({ fieldId: 'custbody_scend_order_id', value: 'x'.repeat(301) }))).toBe('INVALID_FLD_VALUE');
    so.setValue({ fieldId: 'custbody_scend_tags', value: [1, '2'] });
    expect(so.getValue({ fieldId: 'custbody_scend_tags' })).toEqual(['1', '2']);
  });

  test('a select field must reference an existing record or list value', () => {
    const { record } = account();
    const so = record.create({ type: 'salesorder' });
    expect(nameOf(() => so.setValue({ fieldId: 'custbody_scend_state', value: 42 }))).toBe('INVALID_KEY_OR_REF');
    expect(nameOf(() => so.setValue({ fieldId: 'entity', value: 4242 }))).toBe('INVALID_KEY_OR_REF');
  });

  test('a mandatory custom field missing on save throws naming the field', () => {
    const { record } = account();
    const log = record.create({ type: 'customrecord_scend_log' });
    log.setValue({ fieldId: 'name', value: 'first' });
    expect(() => log.save()).toThrow(/custrecord_scend_log_order/);
  });

  test('externalid is unique per type (DUP_RCRD)', () => {
    const { db, record } = account();
    db.seed('customer', { entityid: 'A', externalid: 'shop-1' });
    const c = record.create({ type: 'customer' });
    c.setValue({ fieldId: 'entityid', value: 'B' }).setValue({ fieldId: 'externalid', value: 'shop-1' });
    expect(nameOf(() => c.save())).toBe('DUP_RCRD');
    const v = record.create({ type: 'vendor' });
    v.setValue({ fieldId: 'entityid', value: 'V' }).setValue({ fieldId: 'externalid', value: 'shop-1' });
    expect(typeof v.save()).toBe('number');
  });

  test('getText and setText translate select ids to names', () => {
    const { record, ids } = account();
    const so = record.create({ type: 'salesorder' });
    so.setText({ fieldId: 'entity', text: 'ACME' });
    expect(so.getValue({ fieldId: 'entity' })).toBe(String(ids.customer));
    so.setValue({ fieldId: 'custbody_scend_state', value: 2 });
    expect(so.getText({ fieldId: 'custbody_scend_state' })).toBe('Sent');
  });

  test('standard mode edits lines by index: setSublistValue appends at the line count, insertLine and removeLine shift lines', () => {
    const { record, ids } = account();
    const so = record.create({ type: 'salesorder' });
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: ids.widget });
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 1, value: ids.gadget });
    so.insertLine({ sublistId: 'item', line: 0 });
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: ids.service });
    expect(so.getLineCount({ sublistId: 'item' })).toBe(3);
    expect(so.findSublistLineWithValue({ sublistId: 'item', fieldId: 'item', value: ids.gadget })).toBe(2);
    so.removeLine({ sublistId: 'item', line: 0 });
    expect(so.getSublistText({ sublistId: 'item', fieldId: 'item', line: 0 })).toBe('WID-1');
    expect(nameOf(() => so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 5, value: ids.widget }))).toBe('SSS_INVALID_SUBLIST_OPERATION');
    expect(nameOf(() => so.selectNewLine({ sublistId: 'item' }))).toBe('SSS_INVALID_API_USAGE');
  });

  test('dynamic mode adds lines through the current line and commitLine', () => {
    const { record, ids } = account();
    const so = record.create({ type: 'salesorder', isDynamic: true });
    so.setValue({ fieldId: 'entity', value: ids.customer });
    so.selectNewLine({ sublistId: 'item' });
    so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'item', value: ids.widget });
    so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'quantity', value: 3 });
    so.commitLine({ sublistId: 'item' });
    expect(nameOf(() => so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 }))).toBe('SSS_INVALID_API_USAGE');
    const id = so.save();
    const loaded = record.load({ type: 'salesorder', id });
    expect(loaded.getSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0 })).toBe(3);
    expect(loaded.getSublistValue({ sublistId: 'item', fieldId: 'amount', line: 0 })).toBe(30);
    expect(loaded.getSublistValue({ sublistId: 'item', fieldId: 'itemtype', line: 0 })).toBe('InvtPart');
  });

  test('setting the customer sources the ship-to address subrecord', () => {
    const { record, ids } = account();
    const so = record.create({ type: 'salesorder' });
    so.setValue({ fieldId: 'entity', value: ids.customer });
    const addr = so.getSubrecord({ fieldId: 'shippingaddress' });
    expect(addr.getValue({ fieldId: 'city' })).toBe('Springfield');
    addr.setValue({ fieldId: 'addr2', value: 'Dock 4' });
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: ids.widget });
    const id = so.save();
    const again = record.load({ type: 'salesorder', id }).getSubrecord({ fieldId: 'shippingaddress' });
    expect(again.getValue({ fieldId: 'addr2' })).toBe('Dock 4');
    expect(nameOf(() => again.setValue({ fieldId: 'planet', value: 'Mars' }))).toBe('INVALID_FIELD_ID');
  });

  test('scripts never share state with the store: changing a loaded record without saving changes nothing', () => {
    const { record, db, ids } = account();
    const c = record.load({ type: 'customer', id: ids.customer });
    c.setValue({ fieldId: 'email', value: 'changed@x.test' });
    expect(record.load({ type: 'customer', id: ids.customer }).getValue({ fieldId: 'email' })).toBe('ops@acme.test');
    const tags = db.peek('customer', ids.customer).fields;
    expect(tags.email).toBe('ops@acme.test');
  });

  test('governance: transaction load 10 / save 20, other record load 5 / save 10, custom record 2 / 4', () => {
    const { record, kernel, ids } = account();
    const c = record.load({ type: 'customer', id: ids.customer });
    c.save();
    const log = record.create({ type: 'customrecord_scend_log' });
    log.setValue({ fieldId: 'name', value: 'x' });
    log.setValue({ fieldId: 'custrecord_scend_log_order', value: makeOrder(record, ids).save() });
    log.save();
    expect(kernel.governor.charges.map((x) => x.units)).toEqual([5, 10, 2, 10, 20, 4]);
  });

  test('record.create of an item fulfillment throws: fulfilments only come from transform', () => {
    const { record, ids } = account();
    expect(nameOf(() => record.create({ type: 'itemfulfillment' }))).toBe('INVALID_INITIALIZE_REF');
    const soId = makeOrder(record, ids).save();
    expect(nameOf(() => record.copy({ type: 'itemfulfillment', id: soId }))).toBe('SSS_RECORD_TYPE_MISMATCH');
  });

  test('tranid is generated on save and kept on edit', () => {
    const { record, ids } = account();
    const a = makeOrder(record, ids).save();
    const b = makeOrder(record, ids).save();
    const ta = record.load({ type: 'salesorder', id: a }).getValue({ fieldId: 'tranid' });
    expect(ta).toBe('SO1001');
    expect(record.load({ type: 'salesorder', id: b }).getValue({ fieldId: 'tranid' })).toBe('SO1002');
    const r = record.load({ type: 'salesorder', id: a });
    r.setValue({ fieldId: 'memo', value: 'x' });
    r.save();
    expect(record.load({ type: 'salesorder', id: a }).getValue({ fieldId: 'tranid' })).toBe('SO1001');
  });

  test('the promise variants resolve to the same results', async () => {
    const { record, ids } = account();
    const rec = await record.load.promise({ type: 'customer', id: ids.customer });
    expect(rec.getValue({ fieldId: 'entityid' })).toBe('ACME');
    await expect(record.load.promise({ type: 'customer', id: 777 })).rejects.toMatchObject({ name: 'RCRD_DSNT_EXIST' });
    const id = await makeOrder(record, ids).save.promise();
    expect(await record.submitFields.promise({ type: 'salesorder', id, values: { memo: 'p' } })).toBe(id);
  });

  test('custom list values are loadable records', () => {
    const { record } = account();
    const v = record.load({ type: 'customlist_scend_state', id: 2 });
    expect(v.getValue({ fieldId: 'name' })).toBe('Sent');
    expect(v.getValue({ fieldId: 'scriptid' })).toBe('val_sent');
  });
});
