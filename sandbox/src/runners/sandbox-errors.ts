/** The test or demo used the sandbox wrongly (unknown deployment, bad option): not something a script would see. */
export class SandboxUsageError extends Error {
  readonly code = 'SANDBOX_USAGE';

  constructor(message: string) {
    super(message);
    this.name = 'SandboxUsageError';
  }
}
