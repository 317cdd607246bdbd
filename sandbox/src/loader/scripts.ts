import * as fs from 'node:fs';
import * as path from 'node:path';
import { SuiteScriptError } from '../kernel/errors';
import type { ScriptDef, ScriptType } from '../kernel/meta';
import { AmdFile, clockBoundDate } from './amd';
import { HEADER_SCRIPT_TYPE, readHeader } from './header';

/** Entry points each script type must offer at least one of (NetSuite refuses the script otherwise). */
const ENTRY_POINTS: Record<ScriptType, string[][]> = {
  USEREVENT: [['beforeLoad', 'beforeSubmit', 'afterSubmit']],
  MAPREDUCE: [['getInputData'], ['map', 'reduce']],
  SCHEDULED: [['execute']],
  SUITELET: [['onRequest']],
  RESTLET: [['get', 'post', 'put', 'delete']],
  CLIENT: [['pageInit', 'fieldChanged', 'postSourcing', 'sublistChanged', 'lineInit', 'validateField', 'validateLine', 'validateInsert', 'validateDelete', 'saveRecord', 'localizationContextEnter', 'localizationContextExit']],
  SDFINSTALLATION: [['run']],
};
const API_VERSIONS = new Set(['2.0', '2.1', '2.x']);

export type EntryPoints = Record<string, (...args: unknown[]) => unknown>;
export type ModuleResolver = (name: string) => unknown;

/** Loads script files from the project's src/FileCabinet and evaluates them with `N/*` resolved to the sandbox's modules. */
export class ScriptRepository {
  private readonly compiled = new Map<string, AmdFile>();
  private readonly scriptDate: DateConstructor;

  constructor(
    private readonly fileCabinetDir: string,
    private readonly modules: ModuleResolver,
    private readonly globalLog: () => unknown,
    now: () => Date = () => new Date(),
  ) {
    this.scriptDate = clockBoundDate(now);
  }

  /** The file's text by File Cabinet path ('/SuiteScripts/x.js'), or null. */
  read(cabinetPath: string): string | null {
    const full = path.join(this.fileCabinetDir, cabinetPath.replace(/^\//, ''));
    if (!full.startsWith(this.fileCabinetDir) || !fs.existsSync(full)) return null;
    return fs.readFileSync(full, 'utf8');
  }

  /** Fresh entry points for one invocation; checks the header and the entry points against the script object. */
  instantiate(script: ScriptDef): EntryPoints {
    const file = this.compile(script.scriptFile, script);
    const exports = this.evaluate(file, new Map()) as EntryPoints;
    for (const group of ENTRY_POINTS[script.type]) {
      if (!group.some((name) => typeof exports?.[name] === 'function')) {
        throw new SuiteScriptError('SCRIPT_OF_API_VERSION_20_MUST_IMPLEMENT_A_SCRIPT_TYPE_INTERFACE', `${script.scriptFile} must implement one of ${group.join(', ')} for a ${HEADER_SCRIPT_TYPE[script.type]}`);
      }
    }
    return exports;
  }

  private compile(cabinetPath: string, script?: ScriptDef): AmdFile {
    const cached = this.compiled.get(cabinetPath);
    if (cached) return cached;
    const source = this.read(cabinetPath);
    if (source === null) {
      throw script
        ? new SuiteScriptError('SSS_MISSING_SCRIPT_FILE', `File Cabinet has no ${cabinetPath} (script ${script.scriptid})`)
        : new SuiteScriptError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${cabinetPath}`);
    }
    const header = readHeader(source);
    if (script) {
      if (!header.apiVersion || !API_VERSIONS.has(header.apiVersion)) {
        throw new SuiteScriptError('INVALID_API_VERSION', `${cabinetPath} needs a JSDoc header with @NApiVersion 2.x/2.1 before define(), found ${header.apiVersion ?? 'none'}`);
      }
      const expected = HEADER_SCRIPT_TYPE[script.type];
      if ((header.scriptType ?? '').toLowerCase() !== expected.toLowerCase()) {
        throw new SuiteScriptError('INVALID_SCRIPT_TYPE', `${cabinetPath} declares @NScriptType ${header.scriptType ?? '(none)'} but ${script.scriptid} is a ${expected}`);
      }
    }
    const file = new AmdFile(cabinetPath, source);
    this.compiled.set(cabinetPath, file);
    return file;
  }

  /** Evaluates a file; relative and /SuiteScripts dependencies are library files, evaluated once per invocation. */
  private evaluate(file: AmdFile, seen: Map<string, unknown>): unknown {
    return file.instantiate((name, from) => {
      if (name.startsWith('N/') || name === 'N') return this.modules(name);
      const target = name.startsWith('.') ? path.posix.join(path.posix.dirname(from), name) : `/${name.replace(/^\//, '')}`;
      const withExt = target.endsWith('.js') ? target : `${target}.js`;
      if (!seen.has(withExt)) seen.set(withExt, this.evaluate(this.compile(withExt), seen));
      return seen.get(withExt);
    }, this.globalLog(), this.scriptDate);
  }
}
