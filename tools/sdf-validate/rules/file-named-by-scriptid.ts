import * as path from 'node:path';
import { rule } from '../rule';

/** Objects/<scriptid>.xml: the file name is the root element's scriptid. */
export const fileNamedByScriptid = rule('file-named-by-scriptid', (project, report) => {
  for (const obj of project.objects) {
    const expected = path.basename(obj.file, '.xml');
    if (!obj.scriptid) report(obj.file, `<${obj.type}> has no scriptid attribute`);
    else if (obj.scriptid !== expected) report(obj.file, `scriptid "${obj.scriptid}" does not match the file name "${expected}"`);
  }
});
