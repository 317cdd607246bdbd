import { definedIds } from '../ids-index';
import { rule } from '../rule';

/** SDF scriptids are at most 40 characters of lowercase letters, digits and underscores. */
const MAX_LENGTH = 40;
const FORMAT = /^[a-z0-9_]+$/;

export const scriptidFormat = rule('scriptid-format', (project, report) => {
  for (const id of definedIds(project)) {
    if (id.scriptid.length > MAX_LENGTH) report(id.file, `"${id.scriptid}" is ${id.scriptid.length} characters (SDF allows ${MAX_LENGTH})`);
    if (!FORMAT.test(id.scriptid)) report(id.file, `"${id.scriptid}" may only hold lowercase letters, digits and underscores`);
  }
});
