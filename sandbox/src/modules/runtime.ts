import { SuiteScriptError } from '../kernel/errors';
import type { ExecutionStack } from '../runners/execution';
import { SANDBOX_USER } from '../runners/execution';

export const CONTEXT_TYPES = [
  'USERINTERFACE', 'USEREVENT', 'MAPREDUCE', 'SCHEDULED', 'SUITELET', 'RESTLET', 'CSVIMPORT', 'WEBSERVICES',
  'WORKFLOW', 'CLIENT', 'BUNDLEINSTALLATION', 'SDF_INSTALLATION', 'REST_WEBSERVICES', 'CUSTOMMASSUPDATE',
  'PORTLET', 'WEBSTORE', 'USER_EVENT', 'ACTION', 'CONSOLRATEADJUSTOR', 'DEBUGGER', 'EMAILCAPTURE', 'PAYMENTGATEWAY',
] as const;

export interface AccountSettings { accountId: string; envType: 'PRODUCTION' | 'SANDBOX' | 'BETA' | 'INTERNAL'; version: string; features: Set<string> }

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

/** N/runtime: the running script, its parameters and remaining usage, the execution context and user. */
export function createRuntimeModule(stack: ExecutionStack, account: AccountSettings) {
  const script = () => {
    const exec = stack.current();
    return {
      id: exec.scriptId,
      deploymentId: exec.deploymentId,
      logLevel: exec.logLevel,
      apiVersion: '2.1',
      bundleIds: [] as string[],
      percentComplete: 0,
      getParameter(options: { name: string } | string): unknown {
        const name = typeof options === 'string' ? options : options?.name;
        if (!name) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: name');
        return Object.prototype.hasOwnProperty.call(exec.parameters, name) ? exec.parameters[name] : null;
      },
      getRemainingUsage(): number {
        const r = exec.governor.remaining();
        return Number.isFinite(r) ? r : 1000;
      },
    };
  };
  const user = () => ({
    ...SANDBOX_USER,
    id: stack.current().userId,
    roleId: stack.current().roleId,
    contact: 0,
    getPermission: () => 4, // runtime.Permission.FULL
    getPreference: () => null,
  });
  return {
    ContextType: enumOf(CONTEXT_TYPES),
    EnvType: enumOf(['SANDBOX', 'PRODUCTION', 'BETA', 'INTERNAL'] as const),
    Permission: { NONE: 0, VIEW: 1, CREATE: 2, EDIT: 3, FULL: 4 },
    get executionContext() {
      return stack.current().executionContext;
    },
    get accountId() {
      return account.accountId;
    },
    get envType() {
      return account.envType;
    },
    get version() {
      return account.version;
    },
    processorCount: 2,
    queueCount: 1,
    getCurrentScript: script,
    getCurrentUser: user,
    getCurrentSession: () => ({ get: () => null, set: () => undefined }),
    isFeatureInEffect(options: { feature: string }): boolean {
      if (!options?.feature) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: feature');
      return account.features.has(options.feature.toUpperCase());
    },
  };
}
