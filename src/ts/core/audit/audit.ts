/**
 * The setup audit: is this account ready for the connector? Each check is a small pure function of
 * facts the adapters read, returning the gaps it found, each with the fix a person can carry out.
 * The page lists every check (passed ones too), so "nothing listed" never hides "not checked".
 */

export type AuditArea = 'items' | 'mappings' | 'connection' | 'schedules' | 'orders' | 'roles';

export interface AuditGap {
  /** What is wrong, naming the record. */
  problem: string;
  /** What to do about it. */
  fix: string;
  /** The record to open, when there is one. */
  link?: { kind: 'item' | 'salesOrder' | 'ledger' | 'location' | 'page'; id: string; text: string };
}

export interface AuditCheckResult {
  id: string;
  area: AuditArea;
  title: string;
  /** passed: no gap; failed: gaps listed; unchecked: the facts could not be read (the reason is the gap). */
  outcome: 'passed' | 'failed' | 'unchecked';
  gaps: AuditGap[];
}

export interface AuditItem {
  id: string;
  /** The SKU as Scend would get it (the item's own name). */
  sku: string;
  weight: number | null;
  inactive: boolean;
  matrixParent: boolean;
}

export interface OpenOrderLine {
  orderId: string;
  orderNumber: string;
  location: string | null;
  locationName: string | null;
  shipMethod: string | null;
  shipMethodName: string | null;
}

export interface DeploymentFact {
  deploymentId: string;
  status: string;
  isDeployed: boolean;
}

export interface ExpectedDeployment {
  deploymentId: string;
  label: string;
  /** SCHEDULED for schedules, RELEASED for user events and pages. */
  status: 'SCHEDULED' | 'RELEASED';
}

/** Scend's contract: Sku is 1..100 characters. */
export const SKU_MAX = 100;

export function result(id: string, area: AuditArea, title: string, gaps: AuditGap[]): AuditCheckResult {
  return { id, area, title, outcome: gaps.length ? 'failed' : 'passed', gaps };
}

export function unchecked(id: string, area: AuditArea, title: string, reason: string, fix: string): AuditCheckResult {
  return { id, area, title, outcome: 'unchecked', gaps: [{ problem: reason, fix }] };
}

const products = (items: readonly AuditItem[]) => items.filter((i) => !i.inactive && !i.matrixParent);

export function checkItemSkus(items: readonly AuditItem[]): AuditCheckResult {
  const gaps = products(items)
    .filter((i) => i.sku.trim() === '' || i.sku.length > SKU_MAX)
    .map((i) => ({
      problem: i.sku.trim() === '' ? `Item ${i.id} has no Item Name/Number, so it has no SKU.` : `Item ${i.sku.slice(0, 40)}… has a SKU longer than Scend's ${SKU_MAX} characters.`,
      fix: 'Give the item a Name/Number Scend accepts (1–100 characters) and save it.',
      link: { kind: 'item' as const, id: i.id, text: i.sku || `item ${i.id}` },
    }));
  return result('item-sku', 'items', 'Physical items have a SKU Scend accepts', gaps);
}

export function checkItemWeights(items: readonly AuditItem[]): AuditCheckResult {
  const gaps = products(items)
    .filter((i) => i.weight === null || !(i.weight > 0))
    .map((i) => ({
      problem: `${i.sku || `Item ${i.id}`} has no weight: Scend needs one to rate the parcel.`,
      fix: 'Enter the item weight (Item > Shipping) and save the item; it is sent to Scend at once.',
      link: { kind: 'item' as const, id: i.id, text: i.sku || `item ${i.id}` },
    }));
  return result('item-weight', 'items', 'Physical items have a weight', gaps);
}

/** Two products with one SKU: Scend refuses the second (SKU_IN_USE), so its orders are held. */
export function checkDuplicateSkus(items: readonly AuditItem[]): AuditCheckResult {
  const bySku = new Map<string, AuditItem[]>();
  for (const i of products(items)) {
    const key = i.sku.trim().toUpperCase();
    if (!key) continue;
    bySku.set(key, [...(bySku.get(key) ?? []), i]);
  }
  const gaps: AuditGap[] = [];
  for (const same of bySku.values()) {
    if (same.length < 2) continue;
    for (const i of same) {
      gaps.push({
        problem: `SKU ${i.sku} is used by ${same.length} items (${same.map((s) => s.id).join(', ')}); Scend keeps one product per SKU.`,
        fix: 'Rename all but one of these items (e.g. a matrix child under another parent) and save them.',
        link: { kind: 'item', id: i.id, text: i.sku },
      });
    }
  }
  return result('duplicate-sku', 'items', 'Each SKU belongs to one item', gaps);
}

/** Locations on open approved orders that no warehouse mapping covers: those lines never ship via Scend. */
export function checkLocations(lines: readonly OpenOrderLine[], mapped: ReadonlySet<string>): AuditCheckResult {
  const seen = new Map<string, { name: string; orders: Set<string> }>();
  for (const l of lines) {
    if (!l.location || mapped.has(l.location)) continue;
    const entry = seen.get(l.location) ?? { name: l.locationName ?? l.location, orders: new Set<string>() };
    entry.orders.add(l.orderNumber);
    seen.set(l.location, entry);
  }
  const gaps = [...seen.entries()].map(([id, e]) => ({
    problem: `Location ${e.name} is on ${e.orders.size} open order(s) but has no Scend warehouse mapping: those lines never go to Scend.`,
    fix: 'If Scend ships from it, add a Scend warehouse mapping for the location; otherwise fulfil those lines another way.',
    link: { kind: 'location' as const, id, text: e.name },
  }));
  return result('unmapped-location', 'mappings', 'Locations on open orders are mapped to a Scend warehouse', gaps);
}

/** Ship methods on open orders with no courier mapping, when no default courier service is set either. */
export function checkShipMethods(lines: readonly OpenOrderLine[], mapped: ReadonlySet<string>, hasDefaultService: boolean): AuditCheckResult {
  if (hasDefaultService) return result('unmapped-ship-method', 'mappings', 'Ship methods on open orders have a Scend courier service', []);
  const seen = new Map<string, string>();
  for (const l of lines) if (l.shipMethod && !mapped.has(l.shipMethod)) seen.set(l.shipMethod, l.shipMethodName ?? l.shipMethod);
  const gaps = [...seen.entries()].map(([, name]) => ({
    problem: `Ship method ${name} is used on open orders but has no Scend courier service mapping, and no default courier service is set.`,
    fix: 'Add a Scend courier service mapping for it, or set a default courier service on the configuration record.',
  }));
  return result('unmapped-ship-method', 'mappings', 'Ship methods on open orders have a Scend courier service', gaps);
}

export function checkDeployments(expected: readonly ExpectedDeployment[], found: readonly DeploymentFact[]): AuditCheckResult {
  const byId = new Map(found.map((f) => [f.deploymentId.toLowerCase(), f]));
  const gaps: AuditGap[] = [];
  for (const e of expected) {
    const f = byId.get(e.deploymentId.toLowerCase());
    if (!f) gaps.push({ problem: `${e.label} (${e.deploymentId}) is not deployed in this account.`, fix: 'Deploy the SDF project again (npm run deploy).' });
    else if (!f.isDeployed || f.status.toUpperCase() !== e.status) {
      gaps.push({
        problem: `${e.label} (${e.deploymentId}) is ${f.isDeployed ? f.status : 'not deployed'}; it must be ${e.status}${e.status === 'SCHEDULED' ? ' to run on its schedule' : ''}.`,
        fix: `Customization > Scripting > Script Deployments: open ${e.deploymentId}, tick Deployed and set Status to ${e.status === 'SCHEDULED' ? 'Scheduled' : 'Released'}.`,
      });
    }
  }
  return result('deployments', 'schedules', 'Schedules and scripts are deployed and running', gaps);
}

export interface NeverSendableOrder {
  orderId: string;
  orderNumber: string;
  ledgerId?: string;
  reason: 'failed' | 'unmapped-only';
}

export function checkNeverSendable(orders: readonly NeverSendableOrder[]): AuditCheckResult {
  const gaps = orders.map((o) =>
    o.reason === 'failed'
      ? {
          problem: `Order ${o.orderNumber} gave up sending (ledger state Failed): no run will send it again.`,
          fix: 'Fix the cause named on its Scend connection exception, then ask an administrator to set the ledger state to Waiting to retry.',
          link: { kind: 'salesOrder' as const, id: o.orderId, text: o.orderNumber },
        }
      : {
          problem: `Order ${o.orderNumber} is approved but every line is at a location with no Scend warehouse mapping: it can never go to Scend.`,
          fix: 'Map the location to a Scend warehouse, or move the lines to a mapped location.',
          link: { kind: 'salesOrder' as const, id: o.orderId, text: o.orderNumber },
        },
  );
  return result('never-sendable', 'orders', 'Every open order can be sent', gaps);
}

export interface ConnectorRole {
  scriptId: string;
  label: string;
}

/** Each connector role must exist and be active: the records' permission lists and the pages' audiences name them. */
export function checkRoles(expected: readonly ConnectorRole[], active: ReadonlySet<string>): AuditCheckResult {
  const gaps = expected
    .filter((r) => !active.has(r.scriptId.toLowerCase()))
    .map((r) => ({
      problem: `The ${r.label} role (${r.scriptId}) is missing or inactive: people in that team cannot see or work the connector's records.`,
      fix: 'Deploy the SDF project again (it creates the role), or reactivate the role under Setup > Users/Roles > Manage Roles; then give it to that team.',
    }));
  return result('roles', 'roles', 'The connector roles exist and are active', gaps);
}

export interface AuditReport {
  ready: boolean;
  checks: AuditCheckResult[];
  gapCount: number;
}

export function auditReport(checks: AuditCheckResult[]): AuditReport {
  return { ready: checks.every((c) => c.outcome === 'passed'), checks, gapCount: checks.reduce((n, c) => n + c.gaps.length, 0) };
}
