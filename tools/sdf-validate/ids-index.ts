/** Every scriptid a project defines, by its SDF reference key (`customrecord_x`, `customrecord_x.custrecord_y`). */
import { descendants } from './xml';
import type { SdfObject, SdfProject } from './project';

export interface DefinedId {
  /** The key a `[scriptid=...]` reference uses: the chain of scriptids from the top-level object. */
  readonly key: string;
  readonly scriptid: string;
  /** Element name: customlist, customvalue, customrecordcustomfield, scriptdeployment, ... */
  readonly element: string;
  readonly file: string;
  /** scriptid of the top-level object that holds it (itself for a top-level object). */
  readonly owner: string;
}

export function definedIdsOf(obj: SdfObject): DefinedId[] {
  const found: DefinedId[] = [];
  if (obj.scriptid) found.push({ key: obj.scriptid, scriptid: obj.scriptid, element: obj.type, file: obj.file, owner: obj.scriptid });
  for (const { el, ancestors } of descendants(obj.root)) {
    const scriptid = el.attrs.scriptid;
    if (!scriptid) continue;
    const chain = [...ancestors, el].map((a) => a.attrs.scriptid).filter((id): id is string => Boolean(id));
    found.push({ key: chain.join('.'), scriptid, element: el.name, file: obj.file, owner: obj.scriptid });
  }
  return found;
}

export function definedIds(project: SdfProject): DefinedId[] {
  return project.objects.flatMap(definedIdsOf);
}
