import { ENUMS } from '../schema/enums';
import { ELEMENT_FEATURES, FEATURES_BY_TYPE, RECORD_TYPE_FEATURES } from '../schema/features';
import type { SdfProject } from '../project';
import { rule } from '../rule';
import { child, childText, descendants } from '../xml';
import { deploymentsOf } from './deployments';

const MANIFEST = 'manifest.xml';
const FEATURE_IDS: ReadonlySet<string> = new Set(ENUMS.configurable_features);

interface Need {
  readonly feature: string;
  /** Must the manifest mark it required="true" (else an optional reference is enough)? */
  readonly required: boolean;
  readonly by: string;
}

/** What the objects need, first user of each feature wins (required needs before optional ones). */
function needs(objects: SdfProject['objects']): Need[] {
  const found: Need[] = [];
  for (const obj of objects) {
    const typeFeature = FEATURES_BY_TYPE[obj.type];
    if (typeFeature) found.push({ feature: typeFeature, required: true, by: obj.scriptid });
    if (obj.type === 'usereventscript') {
      for (const dep of deploymentsOf(obj)) {
        const recordtype = childText(dep, 'recordtype') ?? '';
        for (const feature of RECORD_TYPE_FEATURES[recordtype] ?? []) {
          found.push({ feature, required: true, by: `${obj.scriptid} deployment ${dep.attrs.scriptid ?? '?'} on ${recordtype}` });
        }
      }
    }
    for (const { el } of descendants(obj.root)) {
      const feature = ELEMENT_FEATURES[el.name];
      if (feature) found.push({ feature, required: false, by: `<${el.name}> in ${obj.scriptid}` });
    }
  }
  return found.sort((a, b) => Number(b.required) - Number(a.required));
}

/**
 * manifest.xml is an account customization project; every <feature> is a real SuiteCloud feature id
 * with required="true|false"; features the objects depend on are referenced (required where a
 * mandatory field's value depends on them: Oracle, "Manually Defining Feature Dependencies").
 */
export const manifestFeatures = rule('manifest-features', (project, report) => {
  const manifest = project.manifest;
  if (!manifest) return report(MANIFEST, 'missing');
  if (manifest.error) return; // xml-well-formed reports it
  const root = manifest.roots[0];
  if (manifest.roots.length !== 1 || root.name !== 'manifest') return report(MANIFEST, 'the root element must be <manifest>');
  if (root.attrs.projecttype !== 'ACCOUNTCUSTOMIZATION') {
    report(MANIFEST, `projecttype is ${root.attrs.projecttype ?? 'missing'}, expected ACCOUNTCUSTOMIZATION`);
  }
  if (!childText(root, 'projectname')) report(MANIFEST, 'has no <projectname>');
  const features = (child(child(root, 'dependencies') ?? root, 'features')?.children ?? []).filter((f) => f.name === 'feature');
  const declared = new Map<string, boolean>();
  for (const f of features) {
    if (!FEATURE_IDS.has(f.text)) report(MANIFEST, `<feature>${f.text}</feature> is not a SuiteCloud feature id (see SDF's configurable_features list)`);
    const required = f.attrs.required;
    if (required !== 'true' && required !== 'false') report(MANIFEST, `<feature>${f.text}</feature> needs required="true" or required="false", found ${required ?? 'none'}`);
    declared.set(f.text, required === 'true' || declared.get(f.text) === true);
  }
  const reported = new Set<string>();
  for (const need of needs(project.objects)) {
    if (reported.has(need.feature)) continue;
    const isDeclared = declared.has(need.feature);
    if (!isDeclared) {
      reported.add(need.feature);
      report(MANIFEST, `feature ${need.feature} is needed (by ${need.by}) but not declared in <dependencies><features>`);
    } else if (need.required && declared.get(need.feature) !== true) {
      reported.add(need.feature);
      report(MANIFEST, `feature ${need.feature} must be required="true" (needed by ${need.by})`);
    }
  }
});
