/** Setup audit checks: each gap found from plain facts, each with a fix. */
import {
  auditReport,
  checkDeployments,
  checkDuplicateSkus,
  checkItemSkus,
  checkItemWeights,
  checkLocations,
  checkNeverSendable,
  checkRoles,
  checkShipMethods,
  type AuditItem,
  type OpenOrderLine,
} from '../../src/ts/core/audit/audit';

const item = (id: string, sku: string, extra: Partial<AuditItem> = {}): AuditItem => ({ id, sku, weight: 1, inactive: false, matrixParent: false, ...extra });
const line = (orderId: string, location: string | null, shipMethod: string | null = null): OpenOrderLine => ({
  orderId,
  orderNumber: `SO${orderId}`,
  location,
  locationName: location ? `Loc ${location}` : null,
  shipMethod,
  shipMethodName: shipMethod ? `Ship ${shipMethod}` : null,
});

describe('setup audit checks', () => {
  it('items: no SKU or one longer than Scend takes, no weight; matrix parents and inactive items are not products', () => {
    const items = [item('1', ''), item('2', 'X'.repeat(101)), item('3', 'OK', { weight: null }), item('4', 'ZERO', { weight: 0 }), item('5', 'PARENT', { weight: null, matrixParent: true }), item('6', 'OLD', { weight: null, inactive: true })];
    expect(checkItemSkus(items).gaps.map((g) => g.link?.id)).toEqual(['1', '2']);
    expect(checkItemWeights(items).gaps.map((g) => g.link?.id)).toEqual(['3', '4']);
    expect(checkItemWeights([item('9', 'FINE')]).outcome).toBe('passed');
  });

  it('duplicate SKUs are found case-insensitively, one gap per item sharing it', () => {
    const check = checkDuplicateSkus([item('1', 'RED-M'), item('2', 'red-m'), item('3', 'BLUE')]);
    expect(check.outcome).toBe('failed');
    expect(check.gaps.map((g) => g.link?.id)).toEqual(['1', '2']);
    expect(check.gaps[0].problem).toContain('used by 2 items');
  });

  it('locations on open orders with no warehouse mapping: one gap per location, counting its orders', () => {
    const check = checkLocations([line('1', '10'), line('2', '10'), line('3', '11'), line('4', null)], new Set(['11']));
    expect(check.gaps).toHaveLength(1);
    expect(check.gaps[0].problem).toContain('Loc 10 is on 2 open order(s)');
  });

  it('ship methods matter only without a default courier service', () => {
    const lines = [line('1', '10', '5'), line('2', '10', '6')];
    expect(checkShipMethods(lines, new Set(['6']), false).gaps.map((g) => g.problem)).toEqual([expect.stringContaining('Ship 5')]);
    expect(checkShipMethods(lines, new Set(), true).outcome).toBe('passed');
  });

  it('deployments must be deployed with the right status; ids compare case-insensitively', () => {
    const expected = [
      { deploymentId: 'customdeploy_a', label: 'A', status: 'SCHEDULED' as const },
      { deploymentId: 'customdeploy_b', label: 'B', status: 'RELEASED' as const },
      { deploymentId: 'customdeploy_c', label: 'C', status: 'SCHEDULED' as const },
    ];
    const check = checkDeployments(expected, [
      { deploymentId: 'CUSTOMDEPLOY_A', status: 'NOTSCHEDULED', isDeployed: true },
      { deploymentId: 'customdeploy_b', status: 'RELEASED', isDeployed: true },
    ]);
    expect(check.gaps.map((g) => g.problem)).toEqual([expect.stringContaining('A (customdeploy_a) is NOTSCHEDULED'), expect.stringContaining('C (customdeploy_c) is not deployed')]);
  });

  it('orders that can never be sent, and roles that are missing', () => {
    expect(checkNeverSendable([{ orderId: '1', orderNumber: 'SO1', reason: 'failed' }]).gaps[0].fix).toContain('Waiting to retry');
    const roles = checkRoles([{ scriptId: 'customrole_a', label: 'A' }, { scriptId: 'customrole_b', label: 'B' }], new Set(['customrole_a']));
    expect(roles.gaps.map((g) => g.problem)).toEqual([expect.stringContaining('The B role')]);
  });

  it('the report is ready only when every check passed; a check that could not run is not a pass', () => {
    expect(auditReport([checkItemWeights([item('1', 'A')])]).ready).toBe(true);
    const report = auditReport([checkItemWeights([item('1', 'A', { weight: null })]), { id: 'x', area: 'roles', title: 'x', outcome: 'unchecked', gaps: [{ problem: 'could not', fix: 'retry' }] }]);
    expect(report).toMatchObject({ ready: false, gapCount: 2 });
  });
});
