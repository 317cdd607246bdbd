export { validateProject, validateProjectReport, runRules, type ValidationReport } from './validate';
export { formatProblem, type Problem } from './problem';
export { loadProject, ProjectFolderError, type SdfProject, type SdfObject } from './project';
export { definedIds, type DefinedId } from './ids-index';
export { RULES } from './rules';
export { inspectScriptFile } from './script-file';
export { scriptFilePath } from './rules/scriptfile-exists';
