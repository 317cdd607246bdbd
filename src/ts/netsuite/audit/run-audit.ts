/**
 * Runs every setup audit check. A check whose facts cannot be read shows as "not checked" with the
 * error, never as passed; the other checks still run.
 */
import { ROLES, SCRIPTS } from '../../ids';
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
  result,
  unchecked,
  type AuditArea,
  type AuditCheckResult,
  type AuditReport,
  type ExpectedDeployment,
  type NeverSendableOrder,
} from '../../core/audit/audit';
import { checkConnection } from '../../core/connection-check';
import type { ConfigResult } from '../../core/config';
import { scendClientFor } from '../orders/order-ports';
import { activeConnectorRoles, auditItems, deploymentFacts, failedOrders, openOrderLines } from './audit-source';

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

function guarded(id: string, area: AuditArea, title: string, run: () => AuditCheckResult | AuditCheckResult[]): AuditCheckResult[] {
  try {
    const out = run();
    return Array.isArray(out) ? out : [out];
  } catch (e) {
    return [unchecked(id, area, title, `Could not be checked: ${errorText(e)}`, 'Open the page again; if it persists, ask an administrator to read the script log.')];
  }
}

export const EXPECTED_DEPLOYMENTS: readonly ExpectedDeployment[] = [
  { deploymentId: SCRIPTS.orderBacklog.deployments.main, label: 'Order backlog schedule', status: 'SCHEDULED' },
  { deploymentId: SCRIPTS.catalogueCheck.deployments.daily, label: 'Catalogue check schedule', status: 'SCHEDULED' },
  { deploymentId: SCRIPTS.drift.deployments.main, label: 'Drift detection schedule', status: 'SCHEDULED' },
  { deploymentId: SCRIPTS.orderUserEvent.deployments.main, label: 'Sales order user event', status: 'RELEASED' },
  { deploymentId: SCRIPTS.itemSync.deployments.inventory, label: 'Inventory item user event', status: 'RELEASED' },
  { deploymentId: SCRIPTS.configChange.deployments.config, label: 'Configuration user event', status: 'RELEASED' },
];

const ROLE_LABELS: Record<keyof typeof ROLES, string> = {
  integrationAdmin: 'Scend integration admin',
  operations: 'Scend operations',
  customerService: 'Scend customer service',
  finance: 'Scend finance',
};

export function runAudit(checked: ConfigResult): AuditReport {
  const checks: AuditCheckResult[] = [];
  // Connection: the configuration, then the API secret tried with one read.
  checks.push(
    ...guarded('connection', 'connection', 'Configuration and API secret', () => {
      if (!checked.ok) {
        return result(
          'connection',
          'connection',
          'Configuration and API secret',
          checked.problems.map((p) => ({ problem: `${p.field}: ${p.message}`, fix: 'Correct the configuration record, then open the configuration check.', link: { kind: 'page' as const, id: 'configCheck', text: 'Configuration check' } })),
        );
      }
      const config = checked.config;
      const connection = checkConnection(() => void scendClientFor(config).listOrders({ page: 1, pageSize: 1 }), config);
      return result('connection', 'connection', 'Configuration and API secret', connection.ok ? [] : [{ problem: connection.message, fix: 'Fix the API secret or base URL as the message says; then open this page again.' }]);
    }),
  );
  checks.push(...guarded('deployments', 'schedules', 'Schedules and scripts are deployed and running', () => checkDeployments(EXPECTED_DEPLOYMENTS, deploymentFacts(EXPECTED_DEPLOYMENTS.map((d) => d.deploymentId)))));
  checks.push(
    ...guarded('items', 'items', 'Physical items', () => {
      const items = auditItems();
      return [checkItemSkus(items), checkItemWeights(items), checkDuplicateSkus(items)];
    }),
  );
  const config = checked.ok ? checked.config : null;
  checks.push(
    ...guarded('mappings', 'mappings', 'Locations and ship methods on open orders', () => {
      const lines = openOrderLines(config?.goLiveDate ?? null);
      const locations = new Set(Object.keys(config?.locations ?? {}));
      const never: NeverSendableOrder[] = [];
      const byOrder = new Map<string, typeof lines>();
      for (const l of lines) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
      for (const [orderId, ls] of byOrder) {
        if (ls.every((l) => l.location && !locations.has(l.location))) never.push({ orderId, orderNumber: ls[0].orderNumber, reason: 'unmapped-only' });
      }
      return [
        checkLocations(lines, locations),
        checkShipMethods(lines, new Set(Object.keys(config?.shipMethods ?? {})), !!config?.defaultCourierService),
        checkNeverSendable([...failedOrders(), ...never]),
      ];
    }),
  );
  checks.push(
    ...guarded('roles', 'roles', 'The connector roles exist and are active', () =>
      checkRoles(
        (Object.keys(ROLES) as Array<keyof typeof ROLES>).map((k) => ({ scriptId: ROLES[k], label: ROLE_LABELS[k] })),
        activeConnectorRoles(),
      ),
    ),
  );
  return auditReport(checks);
}
