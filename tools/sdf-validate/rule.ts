import type { Problem } from './problem';
import type { SdfProject } from './project';

/** A named check over the whole project. */
export interface Rule {
  readonly name: string;
  check(project: SdfProject): Problem[];
}

export function rule(name: string, check: (project: SdfProject, report: (file: string, message: string) => void) => void): Rule {
  return {
    name,
    check(project) {
      const problems: Problem[] = [];
      check(project, (file, message) => problems.push({ file, rule: name, message }));
      return problems;
    },
  };
}
