export type TaskStatus = 'PENDING' | 'PROCESSING' | 'COMPLETE' | 'FAILED';

export interface QueuedTask {
  id: string;
  taskType: 'MAP_REDUCE' | 'SCHEDULED_SCRIPT';
  scriptId: string;
  deploymentId: string;
  params: Record<string, unknown>;
  status: TaskStatus;
  stage?: string;
  submittedAt: string;
  submittedBy: string | null;
}

/** Submitted map/reduce and scheduled tasks, waiting for the test (or demo) to run them. */
export class TaskQueue {
  readonly tasks: QueuedTask[] = [];
  private seq = 0;

  enqueue(t: Omit<QueuedTask, 'id' | 'status'>): QueuedTask {
    this.seq += 1;
    const prefix = t.taskType === 'MAP_REDUCE' ? 'MAPREDUCETASK' : 'SCHEDSCRIPT';
    const task: QueuedTask = { ...t, id: `${prefix}_${String(this.seq).padStart(6, '0')}`, status: 'PENDING' };
    this.tasks.push(task);
    return task;
  }

  pending(): QueuedTask[] {
    return this.tasks.filter((t) => t.status === 'PENDING');
  }

  /** A deployment is busy while a task for it waits or runs (NetSuite runs one instance per deployment). */
  isBusy(scriptId: string, deploymentId: string): boolean {
    return this.tasks.some((t) => t.scriptId === scriptId && t.deploymentId === deploymentId && (t.status === 'PENDING' || t.status === 'PROCESSING'));
  }

  find(id: string): QueuedTask | undefined {
    return this.tasks.find((t) => t.id === id);
  }
}
