/** The work page's requests, parsed at the edge. */
import { parseWorkRequest } from '../../src/ts/core/exceptions/work-request';

describe('work page requests', () => {
  it('reads a button: retry one exception or one order', () => {
    expect(parseWorkRequest({ action: 'retry', exception: '12' }).action).toEqual({ kind: 'retry', exceptionIds: ['12'], orderId: undefined });
    expect(parseWorkRequest({ action: 'retry', order: '7' }).action).toEqual({ kind: 'retry', exceptionIds: [], orderId: '7' });
  });

  it('reads the form: ticked rows, the action, the note and the filters', () => {
    const r = parseWorkRequest({ custpage_action: 'ignore', custpage_note: ' known issue ', custpage_pick_3: 'T', custpage_pick_4: 'F', custpage_pick_5: 'T', custpage_team: 'finance', custpage_type: 'stockDrift', custpage_overdue: 'T' });
    expect(r.action).toEqual({ kind: 'ignore', exceptionIds: ['3', '5'], note: 'known issue' });
    expect(r.filters).toEqual({ team: 'finance', type: 'stockDrift', overdueOnly: true });
  });

  it('ignores unknown teams, types and ids', () => {
    const r = parseWorkRequest({ custpage_team: 'sales', custpage_type: 'nope', custpage_pick_x: 'T', action: 'retry' });
    expect(r.filters).toEqual({ team: undefined, type: undefined, overdueOnly: false });
    expect(r.action).toEqual({ kind: 'retry', exceptionIds: [], orderId: undefined });
  });
});
