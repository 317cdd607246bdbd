import { SuiteScriptError } from '../kernel/errors';
import { runScheduled, type RunResult } from './entry-runners';
import type { SandboxHost } from './host';
import type { MapReduceRunner } from './mapreduce/runner';
import type { MapReduceRun } from './mapreduce/types';
import type { QueuedTask } from './task-queue';

export type TaskRun = { task: QueuedTask; mapReduce?: MapReduceRun; scheduled?: RunResult; error?: unknown };

/** Runs queued tasks in submission order, including tasks the running ones submit, until the queue is empty. */
export async function runQueuedTasks(host: SandboxHost, mapReduce: MapReduceRunner, maxTasks = 1000): Promise<TaskRun[]> {
  const runs: TaskRun[] = [];
  for (let task = host.tasks.pending()[0]; task; task = host.tasks.pending()[0]) {
    if (runs.length >= maxTasks) throw new SuiteScriptError('SSS_TASK_LOOP', `more than ${maxTasks} tasks in one runQueuedTasks() call: a script keeps resubmitting`);
    task.status = 'PROCESSING';
    const run: TaskRun = { task };
    try {
      if (task.taskType === 'MAP_REDUCE') {
        run.mapReduce = await mapReduce.run(task.deploymentId, { params: task.params, taskId: task.id });
        task.status = run.mapReduce.status === 'COMPLETE' ? 'COMPLETE' : 'FAILED';
      } else {
        run.scheduled = await runScheduled(host, task.deploymentId, { params: task.params, invocationType: 'ON_DEMAND' });
        task.status = 'COMPLETE';
      }
    } catch (e) {
      run.error = e;
      task.status = 'FAILED';
    }
    task.stage = undefined;
    runs.push(run);
  }
  return runs;
}
