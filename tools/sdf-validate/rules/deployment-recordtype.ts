import { STANDARD_RECORD_TYPES } from '../catalogue';
import { rule } from '../rule';
import { childText } from '../xml';
import { deploymentsOf } from './deployments';

const CUSTOM_RECORD_REFERENCE = /^\[scriptid=customrecord_[a-z0-9_]+\]$/;

/** A user event deployment names a standard record type or one of the project's custom records. */
export const deploymentRecordtype = rule('deployment-recordtype', (project, report) => {
  for (const obj of project.objects.filter((o) => o.type === 'usereventscript')) {
    for (const dep of deploymentsOf(obj)) {
      const recordtype = childText(dep, 'recordtype');
      const id = dep.attrs.scriptid ?? '(no scriptid)';
      if (!recordtype) report(obj.file, `deployment ${id} has no <recordtype>`);
      else if (!STANDARD_RECORD_TYPES.has(recordtype) && !CUSTOM_RECORD_REFERENCE.test(recordtype)) {
        report(obj.file, `deployment ${id}: <recordtype>${recordtype}</recordtype> is not a NetSuite record type`);
      }
    }
  }
});
