import * as fs from 'node:fs';
import { isScriptType } from '../catalogue';
import { fileCabinetPath } from '../project';
import { rule } from '../rule';
import { childText } from '../xml';

const SCRIPTFILE = /^\[(\/SuiteScripts\/[^\]]+\.js)\]$/;

/** The File Cabinet path a script object's `<scriptfile>[/SuiteScripts/...js]</scriptfile>` names, if well-formed. */
export function scriptFilePath(text: string | undefined): string | undefined {
  return text === undefined ? undefined : SCRIPTFILE.exec(text)?.[1];
}

/** Every script object names a .js file under /SuiteScripts that exists in src/FileCabinet (run the build first). */
export const scriptfileExists = rule('scriptfile-exists', (project, report) => {
  for (const obj of project.objects.filter((o) => isScriptType(o.type))) {
    const text = childText(obj.root, 'scriptfile');
    const cabinetPath = scriptFilePath(text);
    if (text === undefined) report(obj.file, `<${obj.type}> has no <scriptfile>`);
    else if (!cabinetPath) report(obj.file, `<scriptfile>${text}</scriptfile> is not of the form [/SuiteScripts/....js]`);
    else if (!fs.existsSync(fileCabinetPath(project, cabinetPath))) {
      report(obj.file, `<scriptfile> ${cabinetPath} does not exist under FileCabinet (run npm run build first)`);
    }
  }
});
