import { rule } from '../rule';

/** Every XML file parses; the message carries the line and column the parser stopped at. */
export const xmlWellFormed = rule('xml-well-formed', (project, report) => {
  const files = [project.manifest, project.deploy, ...project.objectFiles];
  for (const f of files) {
    if (f?.error) report(f.file, `line ${f.error.line}, column ${f.error.col}: ${f.error.message}`);
  }
});
