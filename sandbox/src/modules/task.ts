import { SuiteScriptError } from '../kernel/errors';
import type { ProjectMeta } from '../kernel/meta';
import type { ExecutionStack } from '../runners/execution';
import type { TaskQueue } from '../runners/task-queue';

const SUBMIT_UNITS = 20;
const TaskType = { MAP_REDUCE: 'MAP_REDUCE', SCHEDULED_SCRIPT: 'SCHEDULED_SCRIPT', CSV_IMPORT: 'CSV_IMPORT', SEARCH: 'SEARCH', ENTITY_DEDUPLICATION: 'ENTITY_DEDUPLICATION', WORKFLOW_TRIGGER: 'WORKFLOW_TRIGGER', RECORD_ACTION: 'RECORD_ACTION', QUERY: 'QUERY', SUITE_QL: 'SUITE_QL' } as const;
const SCRIPT_TYPE_FOR = { MAP_REDUCE: 'MAPREDUCE', SCHEDULED_SCRIPT: 'SCHEDULED' } as const;

/** N/task: map/reduce and scheduled-script tasks; submit() queues a run in the sandbox task queue. */
export function createTaskModule(stack: ExecutionStack, meta: ProjectMeta, queue: TaskQueue, now: () => Date) {
  const create = (options: { taskType: string; scriptId?: string; deploymentId?: string; params?: Record<string, unknown> }) => {
    if (!options?.taskType) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: taskType');
    const taskType = options.taskType as keyof typeof SCRIPT_TYPE_FOR;
    if (!(taskType in SCRIPT_TYPE_FOR)) throw new SuiteScriptError('SSS_UNSUPPORTED_TASK_TYPE', `The sandbox runs MAP_REDUCE and SCHEDULED_SCRIPT tasks, not ${options.taskType}`);
    const t = {
      taskType,
      scriptId: options.scriptId,
      deploymentId: options.deploymentId,
      params: { ...(options.params ?? {}) },
      submit(): string {
        if (!t.scriptId) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: scriptId');
        const script = meta.scripts.get(t.scriptId);
        if (!script || script.type !== SCRIPT_TYPE_FOR[taskType]) throw new SuiteScriptError('INVALID_SCRIPT_ID_1', `${t.scriptId} is not a ${SCRIPT_TYPE_FOR[taskType]} script`);
        for (const p of Object.keys(t.params)) {
          if (!script.parameters.some((d) => d.scriptid === p)) throw new SuiteScriptError('INVALID_SCRIPT_PARAMETER', `${t.scriptId} has no parameter ${p}`);
        }
        const usable = script.deployments.filter((d) => d.isDeployed && (d.status === 'NOTSCHEDULED' || d.status === 'SCHEDULED' || d.status === 'RELEASED'));
        let deploymentId = t.deploymentId;
        if (deploymentId) {
          if (!script.deployments.some((d) => d.scriptid === deploymentId)) throw new SuiteScriptError('INVALID_DEPLOYMENT_ID', `${t.scriptId} has no deployment ${deploymentId}`);
          if (!usable.some((d) => d.scriptid === deploymentId)) throw new SuiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', `Deployment ${deploymentId} is not deployed`);
          if (queue.isBusy(t.scriptId, deploymentId)) {
            throw taskType === 'MAP_REDUCE'
              ? new SuiteScriptError('MAP_REDUCE_ALREADY_RUNNING', `Map/reduce ${t.scriptId} (${deploymentId}) is already queued or running`)
              : new SuiteScriptError('FAILED_TO_SUBMIT_JOB_REQUEST_1', `Scheduled script ${t.scriptId} (${deploymentId}) is already queued or running`);
          }
        } else {
          deploymentId = usable.find((d) => !queue.isBusy(t.scriptId as string, d.scriptid))?.scriptid;
          if (!deploymentId) throw new SuiteScriptError('NO_DEPLOYMENTS_AVAILABLE', `No available deployment of ${t.scriptId}`);
        }
        stack.current().governor.charge(SUBMIT_UNITS, 'task.submit');
        return queue.enqueue({ taskType, scriptId: t.scriptId, deploymentId, params: t.params, submittedAt: now().toISOString(), submittedBy: stack.current().scriptId }).id;
      },
    };
    return t;
  };
  return {
    TaskType,
    TaskStatus: { PENDING: 'PENDING', PROCESSING: 'PROCESSING', COMPLETE: 'COMPLETE', FAILED: 'FAILED' },
    MapReduceStage: { GET_INPUT: 'GET_INPUT', MAP: 'MAP', SHUFFLE: 'SHUFFLE', REDUCE: 'REDUCE', SUMMARIZE: 'SUMMARIZE' },
    create,
    checkStatus(options: { taskId: string }) {
      const task = queue.find(options?.taskId);
      if (!task) throw new SuiteScriptError('SSS_INVALID_TASK_ID', `No task ${options?.taskId}`);
      return { taskId: task.id, status: task.status, stage: task.stage ?? null, scriptId: task.scriptId, deploymentId: task.deploymentId, getPercentageCompleted: () => (task.status === 'COMPLETE' ? 100 : 0) };
    },
  };
}
