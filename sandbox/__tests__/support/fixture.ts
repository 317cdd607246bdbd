import * as path from 'node:path';
import { Sandbox, type SandboxOptions } from '../../src/index';

export const FIXTURE_PROJECT = path.join(__dirname, '..', 'fixtures', 'project');

/** The fixture project with the sandbox's real data layer (N/record, N/search). */
export function loadFixture(options: Partial<SandboxOptions> = {}): Sandbox {
  return Sandbox.load({ projectDir: FIXTURE_PROJECT, ...options });
}

/** Creates a fixture order as the UI user (user events fire). */
export function createOrder(sb: Sandbox, name: string, memo = ''): number {
  const o = sb.record.create({ type: 'customrecord_fx_order' });
  o.setValue({ fieldId: 'name', value: name });
  if (memo) o.setValue({ fieldId: 'custrecord_fx_memo', value: memo });
  return o.save();
}

/** Creates an audit record as the UI user. */
export function createAudit(sb: Sandbox, name: string): number {
  const a = sb.record.create({ type: 'customrecord_fx_audit' });
  a.setValue({ fieldId: 'name', value: name });
  return a.save();
}
