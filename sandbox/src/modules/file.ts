import { createHash } from 'node:crypto';
import { SuiteScriptError } from '../kernel/errors';
import type { ExecutionStack } from '../runners/execution';

export interface StoredFile { id: number; name: string; folder: number; fileType: string; contents: string; description: string; encoding: string; isOnline: boolean }

/** Folder -15 is SuiteScripts, as in every account. */
export const SUITESCRIPTS_FOLDER = -15;

/** The File Cabinet in memory: files by internal id, plus a read-only view of the project's FileCabinet by path. */
export class FileCabinetStore {
  readonly files = new Map<number, StoredFile>();
  readonly folders = new Map<number, string>([[SUITESCRIPTS_FOLDER, 'SuiteScripts']]);
  private nextId = 1;

  constructor(private readonly readProjectFile: (path: string) => string | null) {}

  allocateId(): number {
    return this.nextId++;
  }

  pathOf(f: StoredFile): string {
    return `${this.folders.get(f.folder) ?? `folder${f.folder}`}/${f.name}`;
  }

  find(idOrPath: number | string): StoredFile | undefined {
    if (typeof idOrPath === 'number' || /^\d+$/.test(String(idOrPath))) return this.files.get(Number(idOrPath));
    const path = String(idOrPath).replace(/^\//, '');
    for (const f of this.files.values()) if (this.pathOf(f) === path) return f;
    const contents = this.readProjectFile(path);
    if (contents === null) return undefined;
    const name = path.split('/').pop() ?? path;
    const f: StoredFile = { id: this.allocateId(), name, folder: SUITESCRIPTS_FOLDER, fileType: name.endsWith('.js') ? 'JAVASCRIPT' : 'PLAINTEXT', contents, description: '', encoding: 'UTF-8', isOnline: false };
    this.files.set(f.id, f);
    return f;
  }
}

const Type = {
  PLAINTEXT: 'PLAINTEXT', CSV: 'CSV', JSON: 'JSON', HTMLDOC: 'HTMLDOC', XMLDOC: 'XMLDOC', JAVASCRIPT: 'JAVASCRIPT', PDF: 'PDF', ZIP: 'ZIP',
} as const;
const UNITS = { load: 10, save: 20, delete: 20 };
/** getContents() fails on files above 10 MB. */
const MAX_CONTENTS = 10 * 1024 * 1024;

/** N/file: create/load/save/delete on the in-memory File Cabinet. */
export function createFileModule(stack: ExecutionStack, cabinet: FileCabinetStore) {
  const wrap = (f: StoredFile) => ({
    get id() { return f.id > 0 ? f.id : null; },
    get name() { return f.name; },
    set name(v: string) { f.name = v; },
    get folder() { return f.folder; },
    set folder(v: number) { f.folder = v; },
    get fileType() { return f.fileType; },
    get size() { return Buffer.byteLength(f.contents); },
    get path() { return cabinet.pathOf(f); },
    // NetSuite Help "File.url": the file's URL in the File Cabinet (media.nl with its id and a hash); null until saved.
    get url() { return f.id > 0 ? `/core/media/media.nl?id=${f.id}&h=${createHash('sha1').update(`${f.id}:${f.name}`).digest('hex').slice(0, 20)}` : null; },
    get description() { return f.description; },
    set description(v: string) { f.description = v; },
    get isOnline() { return f.isOnline; },
    set isOnline(v: boolean) { f.isOnline = v; },
    getContents(): string {
      if (Buffer.byteLength(f.contents) > MAX_CONTENTS) throw new SuiteScriptError('SSS_FILE_CONTENT_SIZE_EXCEEDED', 'The file content exceeds the maximum size of 10 MB.');
      return f.contents;
    },
    save(): number {
      if (!f.folder) throw new SuiteScriptError('INSUFFICIENT_PERMISSION', 'Please enter value(s) for: Folder');
      stack.current().governor.charge(UNITS.save, 'file.save');
      if (f.id <= 0) f.id = cabinet.allocateId();
      for (const other of cabinet.files.values()) {
        if (other.id !== f.id && other.folder === f.folder && other.name === f.name) cabinet.files.delete(other.id); // same name in folder: overwritten
      }
      cabinet.files.set(f.id, { ...f });
      return f.id;
    },
  });
  return {
    Type,
    Encoding: { UTF_8: 'UTF-8', UTF8: 'UTF-8' },
    create(options: { name: string; fileType: string; contents?: string; folder?: number; description?: string; encoding?: string; isOnline?: boolean }) {
      if (!options?.name) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: name');
      if (!options.fileType) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: fileType');
      return wrap({ id: 0, name: options.name, folder: options.folder ?? 0, fileType: options.fileType, contents: options.contents ?? '', description: options.description ?? '', encoding: options.encoding ?? 'UTF-8', isOnline: !!options.isOnline });
    },
    load(options: { id: number | string }) {
      if (options?.id === undefined) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: id');
      stack.current().governor.charge(UNITS.load, 'file.load');
      const f = cabinet.find(options.id);
      if (!f) throw new SuiteScriptError('RCRD_DSNT_EXIST', `That record does not exist. path: ${options.id}`);
      return wrap({ ...f });
    },
    delete(options: { id: number | string }): void {
      stack.current().governor.charge(UNITS.delete, 'file.delete');
      const f = cabinet.find(options?.id);
      if (!f) throw new SuiteScriptError('RCRD_DSNT_EXIST', `That record does not exist. id: ${options?.id}`);
      cabinet.files.delete(f.id);
    },
  };
}
