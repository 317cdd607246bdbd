import * as fs from 'node:fs';
import { SCRIPT_TYPES, isScriptType } from '../catalogue';
import { fileCabinetPath } from '../project';
import { rule } from '../rule';
import { inspectScriptFile } from '../script-file';
import { childText } from '../xml';
import { scriptFilePath } from './scriptfile-exists';

/**
 * The script file NetSuite loads has exactly one define(), preceded by a JSDoc header with
 * @NApiVersion 2.1 and the @NScriptType matching the object type (else deploy fails).
 */
export const scriptTypeMatchesHeader = rule('script-type-matches-header', (project, report) => {
  for (const obj of project.objects.filter((o) => isScriptType(o.type))) {
    const cabinetPath = scriptFilePath(childText(obj.root, 'scriptfile'));
    if (!cabinetPath) continue;
    const file = fileCabinetPath(project, cabinetPath);
    if (!fs.existsSync(file)) continue; // scriptfile-exists reports it
    const { header, defineCalls } = inspectScriptFile(fs.readFileSync(file, 'utf8'));
    const where = cabinetPath;
    if (defineCalls.length !== 1) report(obj.file, `${where} has ${defineCalls.length} define( calls (exactly one allowed)`);
    if (!header) {
      report(obj.file, `${where} has no /** @NApiVersion ... */ JSDoc header`);
      continue;
    }
    if (defineCalls.length > 0 && header.end > defineCalls[0]) report(obj.file, `${where}: the JSDoc header must sit above define(`);
    if (header.tags.NApiVersion !== '2.1') report(obj.file, `${where}: @NApiVersion is ${header.tags.NApiVersion}, expected 2.1`);
    const expected = SCRIPT_TYPES[obj.type];
    if (header.tags.NScriptType !== expected) {
      report(obj.file, `${where}: @NScriptType is ${header.tags.NScriptType ?? 'missing'} but <${obj.type}> needs ${expected}`);
    }
  }
});
