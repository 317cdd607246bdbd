import { SuiteScriptError } from '../kernel/errors';
import type { ProjectMeta } from '../kernel/meta';

/**
 * N/url: stable fake URLs. Real NetSuite uses numeric script/deployment ids; the sandbox uses the
 * script ids so tests can assert on them and route them back to callSuitelet/callRestlet.
 */
export function createUrlModule(meta: ProjectMeta, accountId: string) {
  const host = `${accountId.toLowerCase().replace(/_/g, '-')}.app.netsuite.com`;
  const ext = (p: string) => `https://${accountId.toLowerCase().replace(/_/g, '-')}.extforms.netsuite.com${p}`;
  const query = (params: Record<string, unknown> | undefined) =>
    Object.entries(params ?? {}).map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('');
  return {
    HostType: { APPLICATION: 'APPLICATION', CUSTOMER_CENTER: 'CUSTOMER_CENTER', RESTLET: 'RESTLET', SUITETALK: 'SUITETALK', FORM: 'FORM' },
    resolveScript(options: { scriptId: string; deploymentId: string; returnExternalUrl?: boolean; params?: Record<string, unknown> }): string {
      if (!options?.scriptId) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: scriptId');
      if (!options.deploymentId) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: deploymentId');
      const script = meta.scripts.get(options.scriptId);
      if (!script || !script.deployments.some((d) => d.scriptid === options.deploymentId)) {
        throw new SuiteScriptError('SSS_INVALID_SCRIPT_ID_1', `No deployment ${options.deploymentId} of script ${options.scriptId}`);
      }
      const page = script.type === 'RESTLET' ? 'restlet.nl' : 'scriptlet.nl';
      const path = `/app/site/hosting/${page}?script=${options.scriptId}&deploy=${options.deploymentId}${query(options.params)}`;
      if (script.type === 'RESTLET') return `https://${host.replace('.app.', '.restlets.api.')}${path}`;
      return options.returnExternalUrl ? ext(path) : path;
    },
    resolveRecord(options: { recordType: string; recordId?: number | string; isEditMode?: boolean; params?: Record<string, unknown> }): string {
      if (!options?.recordType) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: recordType');
      const id = options.recordId === undefined ? '' : `id=${options.recordId}`;
      return `/app/common/record/${options.recordType}.nl?${id}${options.isEditMode ? '&e=T' : ''}${query(options.params)}`;
    },
    resolveDomain(options: { hostType: string }): string {
      return options?.hostType === 'RESTLET' ? host.replace('.app.', '.restlets.api.') : host;
    },
    format(options: { domain: string; params?: Record<string, unknown> }): string {
      const q = query(options.params).slice(1);
      return q ? `${options.domain}?${q}` : options.domain;
    },
  };
}
