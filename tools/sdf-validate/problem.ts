/** What a validation rule reports: the file (relative to the project folder), the rule's name, and why. */
export interface Problem {
  readonly file: string;
  readonly rule: string;
  readonly message: string;
}

export function formatProblem(p: Problem, projectFolder = ''): string {
  const file = projectFolder ? `${projectFolder.replace(/\/+$/, '')}/${p.file}` : p.file;
  return `${file}: [${p.rule}] ${p.message}`;
}
