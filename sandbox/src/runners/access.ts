/**
 * Role permissions on custom record types (NetSuite Help: "Custom Record Type Permissions" /
 * the Access Type list; errors as INSUFFICIENT_PERMISSION). The administrator role and the owner
 * of the record type (the account user who deployed the project: the sandbox administrator user)
 * always have full access. Standard record permissions are not modelled.
 */
import { SuiteScriptError } from '../kernel/errors';
import type { AccessControl, AccessOperation } from '../kernel/kernel';
import { PERMISSION_LEVELS, type CustomRecordTypeDef, type PermissionLevel, type ProjectMeta } from '../kernel/meta';
import { SANDBOX_USER, type ExecutionStack } from './execution';

const NEEDED: Record<AccessOperation, PermissionLevel> = { view: 'VIEW', create: 'CREATE', edit: 'EDIT', delete: 'FULL' };
const rank = (l: PermissionLevel | undefined): number => (l ? PERMISSION_LEVELS.indexOf(l) : 0);

/** The Custom Record Entries permission key on a role (SDF permkey LIST_CUSTRECORDENTRY). */
const CUSTOM_RECORD_ENTRIES = 'list_custrecordentry';

export class RoleAccess implements AccessControl {
  constructor(private readonly meta: ProjectMeta, private readonly stack: ExecutionStack) {}

  require(recordType: string, operation: AccessOperation): void {
    const rt = this.meta.customRecordTypes.get(recordType.toLowerCase());
    if (!rt) return;
    const { roleId, userId } = this.stack.current();
    if (roleId === 'administrator' || userId === SANDBOX_USER.id) return;
    const have = this.levelFor(rt, roleId);
    if (rank(have) >= rank(NEEDED[operation])) return;
    const what = rt.accessType === 'CUSTRECORDENTRYPERM' ? "the 'Custom Record Entries' permission" : `permission for ${rt.name} (${rt.scriptid})`;
    throw new SuiteScriptError('INSUFFICIENT_PERMISSION', `Permission Violation: role ${roleId} needs ${NEEDED[operation]} level of ${what} to ${operation} this record; it has ${have ?? 'NONE'}.`);
  }

  /** The level a role has on a custom record type under its access type. */
  levelFor(rt: CustomRecordTypeDef, roleId: string): PermissionLevel | undefined {
    const role = this.meta.roles.get(roleId);
    switch (rt.accessType ?? 'NONENEEDED') {
      case 'NONENEEDED': return 'FULL';
      case 'CUSTRECORDENTRYPERM': return role?.permissions.get(CUSTOM_RECORD_ENTRIES);
      case 'USEPERMISSIONLIST': {
        // The record type's Permissions subtab and the role's own Custom Record permission list are the same grant.
        const listed = (rt.permissions ?? []).find((p) => p.role === roleId)?.level;
        const onRole = role?.permissions.get(rt.scriptid);
        return rank(listed) >= rank(onRole) ? listed : onRole;
      }
    }
  }
}
