import * as fs from 'node:fs';
import { definedIds } from '../ids-index';
import { fileCabinetPath } from '../project';
import { rule } from '../rule';
import { descendants } from '../xml';

const REFERENCE = /\[(?:appid=[^,\]]+,\s*)?scriptid=([^\]]+)\]/g;
/** SDF file references: `[/SuiteScripts/...]` (a File Cabinet path inside brackets). */
const FILE_REFERENCE = /^\[(\/[^\]]+)\]$/;

/**
 * Every `[scriptid=x]` / `[scriptid=x.y]` in an object names an object (or nested field, value,
 * deployment) in the project, and every `[/path]` file reference names a file under FileCabinet.
 */
export const referenceResolves = rule('reference-resolves', (project, report) => {
  const known = new Set(definedIds(project).map((id) => id.key));
  for (const obj of project.objects) {
    for (const { el, ancestors } of [{ el: obj.root, ancestors: [] as unknown[] }, ...descendants(obj.root)]) {
      for (const value of [el.text, ...Object.values(el.attrs)]) {
        for (const [, key] of value.matchAll(REFERENCE)) {
          if (!known.has(key)) report(obj.file, `<${el.name}> references [scriptid=${key}], which is not defined in this project`);
        }
        const file = FILE_REFERENCE.exec(value)?.[1];
        // A script's own <scriptfile> is checked (with its own message) by scriptfile-exists.
        const ownScriptFile = el.name === 'scriptfile' && ancestors.length === 1;
        if (file && !ownScriptFile && !fs.existsSync(fileCabinetPath(project, file))) {
          report(obj.file, `<${el.name}> references [${file}], which is not a file under FileCabinet`);
        }
      }
    }
  }
});
