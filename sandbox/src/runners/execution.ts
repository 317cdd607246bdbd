import { UnmeteredGovernor } from '../kernel/governor';
import type { Execution, ExecutionContextType } from '../kernel/kernel';
import type { ScriptType } from '../kernel/meta';

export type LogLevel = 'DEBUG' | 'AUDIT' | 'ERROR' | 'EMERGENCY';

/** The runtime layer's view of an invocation: the kernel's Execution plus what N/runtime and N/log need. */
export interface SandboxExecution extends Execution {
  scriptType: ScriptType | null;
  entryPoint: string | null;
  logLevel: LogLevel;
  /** Map/reduce key being processed, for usage reports. */
  key?: string;
}

/** The sandbox's user (an administrator) that tests act as. */
export const SANDBOX_USER = { id: 5, name: 'Sandbox Administrator', email: 'admin@sandbox.invalid', role: 3, roleId: 'administrator', roleCenter: 'BASIC', subsidiary: 1, department: 0, location: 0 } as const;

/** A user a test acts as: employee id and role id ('administrator', 'customrole_x'). */
export interface SandboxUser { id: number; roleId: string }

export const uiExecution = (executionContext: ExecutionContextType = 'USERINTERFACE', user: SandboxUser = { id: SANDBOX_USER.id, roleId: SANDBOX_USER.roleId }): SandboxExecution => ({
  scriptId: null,
  deploymentId: null,
  executionContext,
  governor: new UnmeteredGovernor(),
  triggersUserEvents: true,
  parameters: {},
  userId: user.id,
  roleId: user.roleId,
  scriptType: null,
  entryPoint: null,
  logLevel: 'DEBUG',
});

/** Which execution is running now. Scripts run nested (a UE inside a map call), so it is a stack. */
export class ExecutionStack {
  private readonly stack: SandboxExecution[] = [];
  private readonly base = uiExecution();

  current(): SandboxExecution {
    return this.stack[this.stack.length - 1] ?? this.base;
  }

  depth(): number {
    return this.stack.length;
  }

  run<T>(execution: SandboxExecution, fn: () => T): T {
    this.stack.push(execution);
    try {
      return fn();
    } finally {
      this.pop(execution);
    }
  }

  /** For async entry points: the execution stays current until the returned promise settles. */
  async runAsync<T>(execution: SandboxExecution, fn: () => T | Promise<T>): Promise<T> {
    this.stack.push(execution);
    try {
      return await fn();
    } finally {
      this.pop(execution);
    }
  }

  private pop(execution: SandboxExecution): void {
    const i = this.stack.lastIndexOf(execution);
    if (i >= 0) this.stack.splice(i, 1);
  }
}
