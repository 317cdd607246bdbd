/** `npm run validate` → `tsx tools/sdf-validate/cli.ts src`: prints `file: [rule] message` per problem, exits 1 if any. */
import { formatProblem } from './problem';
import { ProjectFolderError } from './project';
import { validateProjectReport } from './validate';

function main(args: string[]): number {
  const srcDir = args[0] ?? 'src';
  const report = validateProjectReport(srcDir);
  for (const p of report.problems) console.error(formatProblem(p, srcDir));
  if (report.problems.length > 0) {
    console.error(`sdf-validate: ${report.problems.length} problem(s) in ${srcDir}`);
    return 1;
  }
  console.log(`sdf-validate: OK — ${report.objectCount} objects (${report.scriptCount} scripts) in ${srcDir}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof ProjectFolderError)) throw e;
  console.error(`sdf-validate: ${e.message}`);
  process.exitCode = 2;
}
