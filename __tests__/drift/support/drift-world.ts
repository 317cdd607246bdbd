/** Helpers for drift detection end to end: the order world plus scripts switched off and on as an admin would. */
import { SCRIPTS } from '../../../src/ts/ids';
import type { OrderWorld } from '../../orders/support/order-world';

type DeploymentPatch = { isDeployed?: boolean; status?: string };

/** An admin changing a deployment (Customization > Scripting > Script Deployments): Deployed, Status. */
export function setDeployment(w: OrderWorld, scriptId: string, deploymentId: string, patch: DeploymentPatch): () => void {
  const d = w.sb.meta.scripts.get(scriptId)?.deployments.find((x) => x.scriptid === deploymentId);
  if (!d) throw new Error(`no deployment ${deploymentId}`);
  const before = { isDeployed: d.isDeployed, status: d.status };
  Object.assign(d, patch);
  return () => Object.assign(d, before);
}

/** Runs `fn` with the sales order user event undeployed (a CSV import or a change made with scripts off). */
export function withOrderScriptsOff<T>(w: OrderWorld, fn: () => T): T {
  const restore = setDeployment(w, SCRIPTS.orderUserEvent.id, SCRIPTS.orderUserEvent.deployments.main, { isDeployed: false });
  try {
    return fn();
  } finally {
    restore();
  }
}

export async function runDrift(w: OrderWorld) {
  const run = await w.sb.runMapReduce(SCRIPTS.drift.deployments.main);
  return run;
}

export function driftExceptions(w: OrderWorld, open = true) {
  return w.exceptions({ open }).filter((e) => e.dedupeKey.startsWith('drift'));
}

/** Fulfils every line of the order in NetSuite (shipped), as the despatch import or a person would. */
export function fulfil(w: OrderWorld, orderId: string): string {
  const f = w.sb.record.transform({ fromType: 'salesorder', fromId: Number(orderId), toType: 'itemfulfillment' });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  return String(f.save());
}
