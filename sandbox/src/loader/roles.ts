/**
 * SDF role objects, custom record access settings and deployment audiences (element names from
 * the SDF reference: role `<permissions><permission><permkey>/<permlevel>`, customrecordtype
 * `<accesstype>` + `<permissions><permission><permittedrole>/<permittedlevel>`, script deployment
 * `<allroles>`, `<allemployees>`, `<audslctrole>`, `<runasrole>`).
 */
import type { AudienceDef, CustomRecordAccessType, CustomRecordTypeDef, PermissionLevel, RoleDef, RolePermission } from '../kernel/meta';
import { PERMISSION_LEVELS } from '../kernel/meta';
import { ProjectLoadError } from './errors';
import { bool, children, text, unref, type XmlNode } from './xml';

const ACCESS_TYPES = new Set<CustomRecordAccessType>(['NONENEEDED', 'CUSTRECORDENTRYPERM', 'USEPERMISSIONLIST']);

/** 'ADMINISTRATOR' -> 'administrator'; '[scriptid=customrole_x]' -> 'customrole_x' (runtime roleId form). */
export const roleId = (v: string): string => unref(v).toLowerCase();

function level(v: string, where: string, file: string): PermissionLevel {
  const l = v.trim().toUpperCase() as PermissionLevel;
  if (!PERMISSION_LEVELS.includes(l)) throw new ProjectLoadError('INVALID_PERMISSION_LEVEL', `${where}: "${v}" is not one of ${PERMISSION_LEVELS.join(', ')}`, file);
  return l;
}

export function role(node: XmlNode, scriptid: string, file: string): RoleDef {
  const permissions = new Map<string, PermissionLevel>();
  for (const p of children(node, 'permissions', 'permission')) {
    const key = roleId(text(p, 'permkey'));
    if (!key) throw new ProjectLoadError('MISSING_PERMKEY', `${scriptid} has a permission without <permkey>`, file);
    permissions.set(key, level(text(p, 'permlevel'), `${scriptid} ${key}`, file));
  }
  return { scriptid, name: text(node, 'name') || scriptid, permissions, sourceFile: file };
}

export function customRecordAccess(node: XmlNode, scriptid: string, file: string): Pick<CustomRecordTypeDef, 'accessType' | 'permissions'> {
  // NetSuite's default Access Type is "Require Custom Record Entries Permission".
  const raw = text(node, 'accesstype').toUpperCase() || 'CUSTRECORDENTRYPERM';
  if (!ACCESS_TYPES.has(raw as CustomRecordAccessType)) throw new ProjectLoadError('INVALID_ACCESS_TYPE', `${scriptid} has <accesstype>${raw}</accesstype>`, file);
  const permissions: RolePermission[] = children(node, 'permissions', 'permission').map((p) => ({
    role: roleId(text(p, 'permittedrole')),
    level: level(text(p, 'permittedlevel') || 'NONE', `${scriptid} permittedrole ${text(p, 'permittedrole')}`, file),
  }));
  return { accessType: raw as CustomRecordAccessType, permissions };
}

/** Audience kinds the sandbox has no model for (departments, groups, subsidiaries, named employees or partners). */
const UNMODELLED_AUDIENCE = ['auddepartment', 'audemployee', 'audgroup', 'audpartner', 'audsubsidiary', 'allpartners'];

export function audience(node: XmlNode, deploymentId: string, file: string): AudienceDef | undefined {
  for (const el of UNMODELLED_AUDIENCE) {
    const v = text(node, el);
    if (v && v.toUpperCase() !== 'F') throw new ProjectLoadError('UNSUPPORTED_AUDIENCE', `deployment ${deploymentId} sets <${el}>; the sandbox models audiences by role only (allroles, allemployees, audslctrole)`, file);
  }
  const roles = text(node, 'audslctrole').split('|').map((r) => r.trim()).filter(Boolean).map(roleId);
  const given = ['allroles', 'allemployees', 'audslctrole'].some((el) => node[el] !== undefined);
  if (!given) return undefined;
  return { allRoles: bool(node, 'allroles'), allEmployees: bool(node, 'allemployees'), roles };
}
