/** Offline SDF validation: what the SuiteCloud CLI would reject, checked without an account. */
import { isScriptType } from './catalogue';
import type { Problem } from './problem';
import { loadProject, type SdfProject } from './project';
import type { Rule } from './rule';
import { RULES } from './rules';

export interface ValidationReport {
  readonly problems: Problem[];
  readonly objectCount: number;
  readonly scriptCount: number;
}

export function runRules(project: SdfProject, rules: readonly Rule[] = RULES): Problem[] {
  return rules.flatMap((r) => r.check(project));
}

export function validateProjectReport(srcDir: string, rules: readonly Rule[] = RULES): ValidationReport {
  const project = loadProject(srcDir);
  return {
    problems: runRules(project, rules),
    objectCount: project.objects.length,
    scriptCount: project.objects.filter((o) => isScriptType(o.type)).length,
  };
}

export function validateProject(srcDir: string): Problem[] {
  return validateProjectReport(srcDir).problems;
}
