/** Reads an SDF project folder (manifest.xml, deploy.xml, Objects/*.xml) into parsed files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml, type XmlElement, type XmlSyntaxError } from './xml';

export interface XmlFile {
  /** Path relative to the project folder, with forward slashes (e.g. `Objects/customlist_x.xml`). */
  readonly file: string;
  readonly roots: readonly XmlElement[];
  readonly error?: XmlSyntaxError;
}

/** A file holding exactly one object: its root element and scriptid. */
export interface SdfObject {
  readonly file: string;
  readonly type: string;
  readonly scriptid: string;
  readonly root: XmlElement;
}

export interface SdfProject {
  readonly srcDir: string;
  readonly manifest: XmlFile | undefined;
  readonly deploy: XmlFile | undefined;
  readonly objectFiles: readonly XmlFile[];
  /** Well-formed object files with exactly one root element. */
  readonly objects: readonly SdfObject[];
}

export class ProjectFolderError extends Error {
  readonly code = 'SDF_PROJECT_FOLDER';
  constructor(srcDir: string) {
    super(`${srcDir} is not an SDF project folder (no Objects/ directory)`);
    this.name = 'ProjectFolderError';
  }
}

function readXmlFile(srcDir: string, relative: string): XmlFile {
  const parsed = parseXml(fs.readFileSync(path.join(srcDir, relative), 'utf8'));
  return parsed.ok ? { file: relative, roots: parsed.roots } : { file: relative, roots: [], error: parsed.error };
}

function readOptional(srcDir: string, relative: string): XmlFile | undefined {
  return fs.existsSync(path.join(srcDir, relative)) ? readXmlFile(srcDir, relative) : undefined;
}

export function loadProject(srcDir: string): SdfProject {
  const objectsDir = path.join(srcDir, 'Objects');
  if (!fs.existsSync(objectsDir)) throw new ProjectFolderError(srcDir);
  const objectFiles = fs
    .readdirSync(objectsDir)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => readXmlFile(srcDir, `Objects/${name}`));
  const objects = objectFiles
    .filter((f) => !f.error && f.roots.length === 1)
    .map((f) => ({ file: f.file, type: f.roots[0].name, scriptid: f.roots[0].attrs.scriptid ?? '', root: f.roots[0] }));
  return {
    srcDir,
    manifest: readOptional(srcDir, 'manifest.xml'),
    deploy: readOptional(srcDir, 'deploy.xml'),
    objectFiles,
    objects,
  };
}

/** Resolve a File Cabinet path such as `/SuiteScripts/x/y.js` inside the project folder. */
export function fileCabinetPath(project: SdfProject, cabinetPath: string): string {
  return path.join(project.srcDir, 'FileCabinet', ...cabinetPath.split('/').filter(Boolean));
}
