import type { SdfObject } from '../project';
import { child, type XmlElement } from '../xml';

/** The `<scriptdeployment>` elements of a script object. */
export function deploymentsOf(obj: SdfObject): XmlElement[] {
  return child(obj.root, 'scriptdeployments')?.children.filter((c) => c.name === 'scriptdeployment') ?? [];
}
