/**
 * SDF object kinds the loader does not read. An object the sandbox cannot reproduce must stop the
 * load with a named error: skipping it would make scripts fail later, or behave differently,
 * for a reason the test cannot see (a skipped savedsearch surfaces as INVALID_SEARCH at run time).
 */
import { ProjectLoadError } from './errors';

/**
 * Kinds with no runtime behaviour a script can observe (navigation and dashboard layout only).
 * Anything else unknown is refused.
 */
export const NO_RUNTIME_BEHAVIOUR = new Set(['center', 'centercategory', 'centerlink', 'centertab', 'subtab', 'publisheddashboard']);

export function refuseObject(kind: string, scriptid: string, file: string): void {
  if (NO_RUNTIME_BEHAVIOUR.has(kind)) return;
  if (kind === 'savedsearch') {
    // SDF stores a saved search as an opaque, system-generated definition blob: it cannot be read faithfully.
    throw new ProjectLoadError('UNSUPPORTED_SDF_OBJECT', `saved search ${scriptid} cannot be loaded: its SDF definition is an opaque blob. Create it from code instead (search.create({...}).save({ id: '${scriptid}', title }) in an SDF installation or setup script), idempotently`, file);
  }
  throw new ProjectLoadError('UNSUPPORTED_SDF_OBJECT', `<${kind}> objects are not emulated by the sandbox (${scriptid}); remove it from the project under test or add support for it`, file);
}
