/**
 * Compares an ids module (nested consts of strings) with an SDF project's objects. Walked
 * generically: any string that looks like a custom id or a /SuiteScripts path is checked.
 */
import { definedIds, scriptFilePath, type SdfProject } from '../../tools/sdf-validate';

const CUSTOM_ID = /^(customlist|customrecord|custrecord|custitem|custbody|custcol|custentity|customscript|customdeploy|custscript|customsearch|customrole|val)_/;
const CABINET_PATH = /^\/SuiteScripts\//;

interface Leaf {
  readonly path: string;
  readonly value: string;
  /** The `id` of the nearest enclosing object that describes an SDF object (record, list, script). */
  readonly ownerId: string | undefined;
}

function walk(value: unknown, at: string, ownerId: string | undefined, out: Leaf[]): Leaf[] {
  if (typeof value === 'string') out.push({ path: at, value, ownerId });
  else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    const ownId = typeof node.id === 'string' && CUSTOM_ID.test(node.id) ? node.id : ownerId;
    for (const [key, child] of Object.entries(node)) walk(child, `${at}.${key}`, key === 'id' ? ownerId : ownId, out);
  }
  return out;
}

export interface IdsAgreement {
  /** How many custom ids the module names and the project defines (to prove something was compared). */
  readonly named: number;
  readonly defined: number;
  /** Named in the module, defined nowhere. */
  readonly missing: string[];
  /** Defined, but under another object than the module groups it under. */
  readonly misplaced: string[];
  /** Defined in the project, named nowhere in the module. */
  readonly orphans: string[];
  /** Script file paths that disagree with the objects' <scriptfile>, or are not named. */
  readonly scriptFiles: string[];
}

export function compareIds(ids: Record<string, unknown>, project: SdfProject): IdsAgreement {
  const defined = definedIds(project);
  const byId = new Map(defined.map((d) => [d.scriptid, d]));
  const files = new Map(
    project.objects.flatMap((o) => {
      const file = scriptFilePath(o.root.children.find((c) => c.name === 'scriptfile')?.text);
      return file ? [[file, o.scriptid] as const] : [];
    }),
  );
  const leaves = Object.entries(ids).flatMap(([name, value]) => walk(value, name, undefined, []));
  const custom = leaves.filter((l) => CUSTOM_ID.test(l.value));
  const cabinet = leaves.filter((l) => CABINET_PATH.test(l.value));
  const named = new Set(custom.map((l) => l.value));
  const namedPaths = new Set(cabinet.map((l) => l.value));
  const folders = cabinet.filter((l) => !l.value.endsWith('.js')).map((l) => `${l.value.replace(/\/$/, '')}/`);

  return {
    named: custom.length,
    defined: defined.length,
    missing: custom.filter((l) => !byId.has(l.value)).map((l) => `${l.path} = ${l.value} is not defined in src/Objects`),
    misplaced: custom
      .filter((l) => l.ownerId !== undefined && byId.has(l.value) && byId.get(l.value)?.owner !== l.ownerId)
      .map((l) => `${l.path} = ${l.value} belongs to ${byId.get(l.value)?.owner}, not ${l.ownerId}`),
    orphans: defined.filter((d) => !named.has(d.scriptid)).map((d) => `${d.scriptid} (<${d.element}> in ${d.file}) is not named in src/ts/ids.ts`),
    scriptFiles: [
      ...cabinet
        .filter((l) => l.value.endsWith('.js') && files.get(l.value) !== l.ownerId)
        .map((l) => `${l.path} = ${l.value} is not the <scriptfile> of ${l.ownerId ?? 'any script'}`),
      ...[...files].filter(([file]) => !namedPaths.has(file)).map(([file, script]) => `${file} (<scriptfile> of ${script}) is not named in src/ts/ids.ts`),
      ...[...files.keys()].filter((file) => !folders.some((f) => file.startsWith(f))).map((file) => `${file} is outside every folder ids.ts names`),
    ],
  };
}
