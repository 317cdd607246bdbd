import { FEATURES_BY_TYPE } from '../catalogue';
import { rule } from '../rule';
import { child, childText } from '../xml';

const MANIFEST = 'manifest.xml';

/** manifest.xml is an account customization project whose features cover what the objects use. */
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
  const declared = new Set(
    (child(child(root, 'dependencies') ?? root, 'features')?.children ?? []).filter((f) => f.name === 'feature').map((f) => f.text),
  );
  const needed = new Map<string, string>();
  for (const obj of project.objects) {
    const feature = FEATURES_BY_TYPE[obj.type];
    if (feature && !needed.has(feature)) needed.set(feature, obj.scriptid);
  }
  for (const [feature, usedBy] of needed) {
    if (!declared.has(feature)) report(MANIFEST, `feature ${feature} is needed (by ${usedBy}) but not declared in <dependencies><features>`);
  }
});
