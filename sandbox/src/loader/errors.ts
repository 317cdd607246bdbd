/** Loader failures: the project cannot be loaded as NetSuite would accept it (SDF validation or script evaluation). */
export class ProjectLoadError extends Error {
  constructor(readonly code: string, message: string, readonly file?: string) {
    super(file ? `${code}: ${message} (${file})` : `${code}: ${message}`);
    this.name = 'ProjectLoadError';
  }
}
