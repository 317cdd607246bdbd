import { USAGE_LIMITS } from '../kernel/governor';
import type { SandboxRecordRef, UserEventHooks, UserEventType } from '../kernel/kernel';
import type { DeploymentDef, ScriptDef } from '../kernel/meta';
import type { SandboxHost } from './host';
import { resolveParameters } from './params';
import { runsFor, userEventRole } from './deployment-access';

const USER_EVENT_TYPES: Record<string, UserEventType> = {
  CREATE: 'create', EDIT: 'edit', XEDIT: 'xedit', DELETE: 'delete', APPROVE: 'approve', REJECT: 'reject', CANCEL: 'cancel',
  PACK: 'pack', SHIP: 'ship', COPY: 'copy', VIEW: 'view', MARKCOMPLETE: 'markcomplete', REASSIGN: 'reassign',
  ORDERITEMS: 'orderitems', DROPSHIP: 'dropship', SPECIALORDER: 'specialorder', TRANSFORM: 'transform',
};
/** Deployments in these statuses run (TESTING only for the script owner: see runsFor). */
const RUNNING_STATUSES = new Set(['RELEASED', 'TESTING']);

/**
 * The record layer calls these around saves. Deployed user events for the record type run with a
 * fresh 1,000-unit governor each, in the triggering execution context, and with triggersUserEvents
 * false so that records they save fire no user events.
 */
export class UserEventRunner implements UserEventHooks {
  private readonly byType = new Map<string, Array<{ script: ScriptDef; deployment: DeploymentDef }>>();

  constructor(private readonly host: SandboxHost) {
    for (const script of host.meta.scripts.values()) {
      if (script.type !== 'USEREVENT') continue;
      for (const deployment of script.deployments) {
        if (!deployment.recordType) continue;
        const list = this.byType.get(deployment.recordType) ?? [];
        list.push({ script, deployment });
        this.byType.set(deployment.recordType, list);
      }
    }
  }

  beforeLoad(recordType: string, type: UserEventType, newRecord: SandboxRecordRef, ui?: { form: unknown }): void {
    // context.form exists where a page is rendered (the UI); scripted reads have no form and no request.
    this.fire('beforeLoad', recordType, { type, newRecord, form: ui?.form, request: undefined });
  }

  beforeSubmit(recordType: string, type: UserEventType, newRecord: SandboxRecordRef, oldRecord: SandboxRecordRef | null): void {
    this.fire('beforeSubmit', recordType, { type, newRecord, oldRecord: oldRecord ?? undefined });
  }

  afterSubmit(recordType: string, type: UserEventType, newRecord: SandboxRecordRef, oldRecord: SandboxRecordRef | null): void {
    this.fire('afterSubmit', recordType, { type, newRecord, oldRecord: oldRecord ?? undefined });
  }

  /** The deployments that would fire now for `recordType` (exposed for tests and diagnostics). */
  deployedFor(recordType: string): Array<{ script: ScriptDef; deployment: DeploymentDef }> {
    const trigger = this.host.stack.current();
    if (!trigger.triggersUserEvents) return [];
    return (this.byType.get(recordType.toLowerCase()) ?? []).filter(({ deployment }) =>
      deployment.isDeployed &&
      RUNNING_STATUSES.has(deployment.status) &&
      runsFor(deployment, trigger) &&
      (deployment.executionContexts.length === 0 || deployment.executionContexts.includes(trigger.executionContext)));
  }

  private fire(entryPoint: 'beforeLoad' | 'beforeSubmit' | 'afterSubmit', recordType: string, context: Record<string, unknown>): void {
    const trigger = this.host.stack.current();
    for (const { script, deployment } of this.deployedFor(recordType)) {
      const entryPoints = this.host.scripts.instantiate(script);
      if (typeof entryPoints[entryPoint] !== 'function') continue;
      this.host.invokeSync({
        script,
        deployment,
        entryPoint,
        entryPoints,
        args: [{ ...context, UserEventType: USER_EVENT_TYPES }],
        limit: USAGE_LIMITS.USEREVENT,
        // runtime.executionContext inside a user event is what triggered it (USERINTERFACE, MAPREDUCE, ...).
        executionContext: trigger.executionContext,
        triggersUserEvents: false,
        roleId: userEventRole(deployment, trigger),
        parameters: resolveParameters(script, deployment),
      });
    }
  }
}
