import { TOP_LEVEL_TYPES } from '../catalogue';
import { rule } from '../rule';

/** Each Objects/*.xml holds exactly one object, of a type this project knows how to check. */
export const oneObjectPerFile = rule('one-object-per-file', (project, report) => {
  for (const f of project.objectFiles) {
    if (f.error) continue;
    if (f.roots.length !== 1) {
      report(f.file, `expected exactly one object, found ${f.roots.length} (${f.roots.map((r) => `<${r.name}>`).join(', ')})`);
    } else if (!TOP_LEVEL_TYPES.has(f.roots[0].name)) {
      report(f.file, `<${f.roots[0].name}> is not an SDF object type this project uses (${[...TOP_LEVEL_TYPES].join(', ')})`);
    }
  }
});
