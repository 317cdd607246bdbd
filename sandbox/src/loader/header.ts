/** The JSDoc header NetSuite reads before `define`: `@NApiVersion 2.1 @NScriptType UserEventScript`. */
export interface ScriptHeader { apiVersion?: string; scriptType?: string; moduleScope?: string }

export function readHeader(source: string): ScriptHeader {
  const defineAt = source.search(/\bdefine\s*\(/);
  const head = defineAt >= 0 ? source.slice(0, defineAt) : source;
  const out: ScriptHeader = {};
  for (const block of head.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    out.apiVersion ??= block.match(/@NApiVersion\s+([\w.]+)/)?.[1];
    out.scriptType ??= block.match(/@NScriptType\s+(\w+)/)?.[1];
    out.moduleScope ??= block.match(/@NModuleScope\s+(\w+)/)?.[1];
  }
  return out;
}

/** @NScriptType value for each SDF script object type. */
export const HEADER_SCRIPT_TYPE = {
  USEREVENT: 'UserEventScript',
  MAPREDUCE: 'MapReduceScript',
  SCHEDULED: 'ScheduledScript',
  SUITELET: 'Suitelet',
  RESTLET: 'Restlet',
  CLIENT: 'ClientScript',
  SDFINSTALLATION: 'SDFInstallationScript',
} as const;
