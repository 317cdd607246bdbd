import * as fs from 'node:fs';
import * as path from 'node:path';
import { rule } from '../rule';
import { child } from '../xml';

const DEPLOY = 'deploy.xml';

/** Each deploy.xml `<path>` is inside the project (`~/...`) and its folder exists. */
export const deployPaths = rule('deploy-paths', (project, report) => {
  const deploy = project.deploy;
  if (!deploy) return report(DEPLOY, 'missing');
  if (deploy.error) return;
  const root = deploy.roots[0];
  if (deploy.roots.length !== 1 || root.name !== 'deploy') return report(DEPLOY, 'the root element must be <deploy>');
  const paths = ['files', 'objects'].flatMap((section) => child(root, section)?.children.filter((c) => c.name === 'path') ?? []);
  if (paths.length === 0) report(DEPLOY, 'deploys nothing (no <files> or <objects> <path>)');
  for (const p of paths) {
    if (!p.text.startsWith('~/')) {
      report(DEPLOY, `<path>${p.text}</path> must start with ~/ (the project folder)`);
      continue;
    }
    const relative = p.text.slice(2).replace(/\/\*$/, '');
    const target = path.join(project.srcDir, ...relative.split('/'));
    if (!fs.existsSync(target)) report(DEPLOY, `<path>${p.text}</path>: ${relative} does not exist in the project`);
  }
});
