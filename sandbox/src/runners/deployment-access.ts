/**
 * Who a deployment runs for, and with which role.
 * - NetSuite Help "Setting Script Deployment Status": a TESTING deployment runs only for the script
 *   owner. The owner is the account user who deployed the project: the sandbox administrator user.
 * - "Defining Script Audience": a deployment runs for the roles on its Audience subtab (All Roles,
 *   All Employees, selected roles); with no audience at all it runs only for the script owner, even
 *   when RELEASED.
 * - "Executing Scripts Using a Specific Role": Execute As Role (runasrole) sets the role a user event
 *   runs with; without it the script runs with the user's role; a script triggered by another script
 *   runs with the first script's role, not the one on its own deployment.
 */
import type { Execution } from '../kernel/kernel';
import type { DeploymentDef } from '../kernel/meta';
import { SANDBOX_USER } from './execution';

export const SCRIPT_OWNER_ID = SANDBOX_USER.id;

export function runsFor(deployment: DeploymentDef, trigger: Execution): boolean {
  if (trigger.userId === SCRIPT_OWNER_ID) return true;
  if (deployment.status === 'TESTING') return false;
  const a = deployment.audience;
  if (!a) return false;
  // Every sandbox user is an employee (there are no partner or customer logins).
  return a.allRoles || a.allEmployees || a.roles.includes(trigger.roleId);
}

export function userEventRole(deployment: DeploymentDef, trigger: Execution): string {
  if (trigger.scriptId !== null) return trigger.roleId;
  return deployment.runAsRole ?? trigger.roleId;
}
