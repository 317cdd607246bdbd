import { PROJECT_MARKER, SCRIPTID_PREFIX } from '../catalogue';
import { definedIds } from '../ids-index';
import { rule } from '../rule';

/** Each scriptid starts with its type's prefix, then `scend_` (the project's marker in an account). */
export const scriptidPrefix = rule('scriptid-prefix', (project, report) => {
  for (const id of definedIds(project)) {
    const prefix = SCRIPTID_PREFIX[id.element];
    if (prefix === undefined) report(id.file, `"${id.scriptid}": no scriptid prefix is known for <${id.element}>`);
    else if (!id.scriptid.startsWith(prefix)) report(id.file, `<${id.element}> "${id.scriptid}" must start with "${prefix}"`);
    else if (!id.scriptid.startsWith(prefix + PROJECT_MARKER)) {
      report(id.file, `"${id.scriptid}" must start with "${prefix}${PROJECT_MARKER}" (every id in this project carries "scend" after its prefix)`);
    }
  }
});
