import { deploymentStatuses, isScriptType } from '../catalogue';
import { rule } from '../rule';
import { child, childText } from '../xml';
import { deploymentsOf } from './deployments';

/** Deployment status is valid for the script type; a SCHEDULED deployment says when (`<recurrence>`). */
export const deploymentStatus = rule('deployment-status', (project, report) => {
  for (const obj of project.objects.filter((o) => isScriptType(o.type))) {
    const allowed = deploymentStatuses(obj.type);
    for (const dep of deploymentsOf(obj)) {
      const status = childText(dep, 'status');
      const id = dep.attrs.scriptid ?? '(no scriptid)';
      if (!status) report(obj.file, `deployment ${id} has no <status>`);
      else if (!allowed.has(status)) report(obj.file, `deployment ${id}: status ${status} is not valid for <${obj.type}> (${[...allowed].join(', ')})`);
      if (status === 'SCHEDULED' && !child(dep, 'recurrence')) report(obj.file, `deployment ${id} is SCHEDULED but has no <recurrence>`);
    }
  }
});
