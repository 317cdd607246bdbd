import type { DeploymentDef, ScriptDef } from '../kernel/meta';
import { SandboxUsageError } from './sandbox-errors';

/** Typed as N/runtime's Script.getParameter returns them: checkbox → boolean, numbers → number, dates → Date, else string. */
function typed(type: string, raw: unknown): unknown {
  if (raw === null || raw === undefined || raw === '') return raw === '' ? '' : null;
  if (typeof raw !== 'string') return raw;
  switch (type) {
    case 'CHECKBOX': return raw === 'T' || raw === 'true';
    case 'INTEGER': case 'FLOAT': case 'CURRENCY': case 'PERCENT': {
      const n = Number(raw.replace('%', ''));
      return Number.isFinite(n) ? n : raw;
    }
    case 'DATE': case 'DATETIMETZ': return new Date(raw);
    default: return raw;
  }
}

/** Deployment values over script defaults, then per-run overrides (which must name declared parameters). */
export function resolveParameters(script: ScriptDef, deployment: DeploymentDef, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  for (const k of Object.keys(overrides)) {
    if (!script.parameters.some((p) => p.scriptid === k)) throw new SandboxUsageError(`${script.scriptid} has no parameter ${k}`);
  }
  const out: Record<string, unknown> = {};
  for (const p of script.parameters) {
    const raw = k(overrides, p.scriptid) ? overrides[p.scriptid] : k(deployment.parameterValues, p.scriptid) ? deployment.parameterValues[p.scriptid] : p.defaultValue;
    out[p.scriptid] = typed(p.type, raw);
  }
  return out;
}

const k = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
