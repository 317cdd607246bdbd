import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  CustomFieldDef, CustomFieldType, CustomListDef, CustomRecordTypeDef, DeploymentDef, FieldOwner,
  ProjectMeta, ScriptDef, ScriptParameterDef, ScriptType,
} from '../kernel/meta';
import { emptyMeta } from '../kernel/meta';
import { audience, customRecordAccess, role, roleId } from './roles';
import { refuseObject } from './unsupported-objects';
import { bodyRecordTypes, columnRecordTypes, entityRecordTypes, itemRecordTypes } from './applies-to';
import { ProjectLoadError } from './errors';
import { parseRecurrence } from './recurrence';
import { attr, bool, children, parseXml, text, unref, type XmlNode } from './xml';

const SCRIPT_TYPES: Record<string, ScriptType> = {
  usereventscript: 'USEREVENT',
  mapreducescript: 'MAPREDUCE',
  scheduledscript: 'SCHEDULED',
  suitelet: 'SUITELET',
  restlet: 'RESTLET',
  clientscript: 'CLIENT',
  sdfinstallationscript: 'SDFINSTALLATION',
};

const FIELD_TYPES = new Set<CustomFieldType>([
  'CHECKBOX', 'CLOBTEXT', 'CURRENCY', 'DATE', 'DATETIMETZ', 'EMAIL', 'FLOAT', 'INTEGER',
  'MULTISELECT', 'PERCENT', 'SELECT', 'TEXT', 'TEXTAREA', 'URL',
]);

/** First internal id the sandbox hands out to custom record types and list values. */
const FIRST_INTERNAL_ID = 1;

/** Reads every `*.xml` under `objectsDir` (SDF: one object per file) into ProjectMeta. */
export function loadObjects(objectsDir: string): ProjectMeta {
  const meta = emptyMeta();
  if (!fs.existsSync(objectsDir)) return meta;
  let recordTypeId = FIRST_INTERNAL_ID;
  for (const file of listXml(objectsDir)) {
    const doc = parseXml(fs.readFileSync(file, 'utf8'));
    const [kind] = Object.keys(doc).filter((k) => !k.startsWith('?'));
    const node = doc[kind] as XmlNode;
    const scriptid = attr(node, 'scriptid');
    if (!scriptid) throw new ProjectLoadError('MISSING_SCRIPTID', `<${kind}> has no scriptid attribute`, file);
    const expected = path.basename(file, '.xml');
    if (expected !== scriptid) throw new ProjectLoadError('FILE_NAME_MISMATCH', `object ${scriptid} must live in ${scriptid}.xml`, file);
    if (kind === 'customrecordtype') {
      const rt = customRecordType(node, scriptid, recordTypeId++, file);
      add(meta.customRecordTypes, scriptid, rt, file);
      rt.fields.forEach((f) => add(meta.customFields, f.scriptid, f, file));
    } else if (kind === 'customlist') {
      add(meta.customLists, scriptid, customList(node, scriptid, file), file);
    } else if (kind === 'transactionbodycustomfield') {
      add(meta.customFields, scriptid, field(node, scriptid, { kind: 'transactionbody', recordTypes: bodyRecordTypes(node) }, file), file);
    } else if (kind === 'transactioncolumncustomfield') {
      add(meta.customFields, scriptid, field(node, scriptid, { kind: 'transactioncolumn', recordTypes: columnRecordTypes(node) }, file), file);
    } else if (kind === 'itemcustomfield') {
      add(meta.customFields, scriptid, field(node, scriptid, { kind: 'item', recordTypes: itemRecordTypes(node) }, file), file);
    } else if (kind === 'entitycustomfield') {
      add(meta.customFields, scriptid, field(node, scriptid, { kind: 'entity', recordTypes: entityRecordTypes(node) }, file), file);
    } else if (SCRIPT_TYPES[kind]) {
      add(meta.scripts, scriptid, script(node, scriptid, SCRIPT_TYPES[kind], file), file);
    } else if (kind === 'role') {
      add(meta.roles, scriptid, role(node, scriptid, file), file);
    } else {
      // Saved searches, workflows, forms, ...: behaviour the sandbox cannot reproduce is refused, never skipped.
      refuseObject(kind, scriptid, file);
    }
  }
  return meta;
}

function listXml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listXml(full));
    else if (entry.name.endsWith('.xml')) out.push(full);
  }
  return out;
}

function add<T>(map: Map<string, T>, id: string, value: T, file: string): void {
  if (map.has(id)) throw new ProjectLoadError('DUPLICATE_SCRIPT_ID', `${id} is defined twice`, file);
  map.set(id, value);
}

function fieldType(node: XmlNode, id: string, file: string): CustomFieldType {
  const t = text(node, 'fieldtype').toUpperCase() as CustomFieldType;
  if (!FIELD_TYPES.has(t)) throw new ProjectLoadError('INVALID_FIELD_TYPE', `${id} has unsupported fieldtype "${t}"`, file);
  return t;
}

function field(node: XmlNode, scriptid: string, owner: FieldOwner, file: string): CustomFieldDef {
  const type = fieldType(node, scriptid, file);
  const select = unref(text(node, 'selectrecordtype'));
  if ((type === 'SELECT' || type === 'MULTISELECT') && !select) {
    throw new ProjectLoadError('MISSING_SELECTRECORDTYPE', `${scriptid} is a ${type} without <selectrecordtype>`, file);
  }
  const maxLength = Number(text(node, 'maxlength'));
  return {
    scriptid,
    label: text(node, 'label'),
    type,
    selectRecordType: select || undefined,
    mandatory: bool(node, 'ismandatory'),
    defaultValue: text(node, 'defaultvalue') || undefined,
    maxLength: Number.isFinite(maxLength) && maxLength > 0 ? maxLength : undefined,
    owner,
    sourceFile: file,
  };
}

function customRecordType(node: XmlNode, scriptid: string, internalId: number, file: string): CustomRecordTypeDef {
  const owner: FieldOwner = { kind: 'customrecord', recordType: scriptid };
  return {
    scriptid,
    name: text(node, 'recordname') || scriptid,
    internalId,
    includeName: bool(node, 'includename', true),
    fields: children(node, 'customrecordcustomfields', 'customrecordcustomfield').map((f) => field(f, attr(f, 'scriptid'), owner, file)),
    sourceFile: file,
    ...customRecordAccess(node, scriptid, file),
  };
}

function customList(node: XmlNode, scriptid: string, file: string): CustomListDef {
  return {
    scriptid,
    name: text(node, 'name') || scriptid,
    values: children(node, 'customvalues', 'customvalue').map((v, i) => ({
      scriptid: attr(v, 'scriptid'),
      value: text(v, 'value'),
      internalId: i + 1,
      isInactive: bool(v, 'isinactive'),
    })),
    sourceFile: file,
  };
}

function script(node: XmlNode, scriptid: string, type: ScriptType, file: string): ScriptDef {
  const scriptFile = unref(text(node, 'scriptfile'));
  if (!scriptFile) throw new ProjectLoadError('MISSING_SCRIPTFILE', `${scriptid} has no <scriptfile>`, file);
  const parameters: ScriptParameterDef[] = children(node, 'scriptcustomfields', 'scriptcustomfield').map((p) => {
    const id = attr(p, 'scriptid');
    return { scriptid: id, label: text(p, 'label'), type: fieldType(p, id, file), defaultValue: text(p, 'defaultvalue') || undefined, mandatory: bool(p, 'ismandatory') };
  });
  const paramIds = new Set(parameters.map((p) => p.scriptid));
  const deployments = children(node, 'scriptdeployments', 'scriptdeployment').map((d) => deployment(d, type, paramIds, file));
  return { scriptid, name: text(node, 'name') || scriptid, type, scriptFile, parameters, deployments, sourceFile: file };
}

function deployment(node: XmlNode, type: ScriptType, paramIds: Set<string>, file: string): DeploymentDef {
  const scriptid = attr(node, 'scriptid');
  const parameterValues: Record<string, string> = {};
  for (const key of Object.keys(node)) {
    if (!key.startsWith('custscript')) continue;
    if (!paramIds.has(key)) throw new ProjectLoadError('UNKNOWN_SCRIPT_PARAMETER', `deployment ${scriptid} sets ${key}, which the script does not define`, file);
    parameterValues[key] = text(node, key);
  }
  const contexts = text(node, 'executioncontext');
  const num = (name: string): number | undefined => {
    const v = Number(text(node, name));
    return text(node, name) !== '' && Number.isFinite(v) ? v : undefined;
  };
  const recordType = text(node, 'recordtype').toLowerCase();
  if (type === 'USEREVENT' && !recordType) throw new ProjectLoadError('MISSING_RECORDTYPE', `user event deployment ${scriptid} has no <recordtype>`, file);
  return {
    scriptid,
    recordType: recordType ? unref(recordType) : undefined,
    status: text(node, 'status').toUpperCase() || (type === 'MAPREDUCE' || type === 'SCHEDULED' ? 'NOTSCHEDULED' : 'RELEASED'),
    isDeployed: bool(node, 'isdeployed', true),
    executionContexts: contexts ? contexts.split('|').map((c) => c.trim().toUpperCase()).filter(Boolean) : [],
    parameterValues,
    recurrenceMinutes: recurrenceMinutes(node.recurrence as XmlNode | undefined),
    recurrence: parseRecurrence(node.recurrence, scriptid, file),
    concurrencyLimit: num('concurrencylimit'),
    runAsRole: text(node, 'runasrole') ? roleId(text(node, 'runasrole')) : undefined,
    audience: audience(node, scriptid, file),
    bufferSize: num('buffersize'),
    yieldAfterMins: num('yieldaftermins'),
    logLevel: text(node, 'loglevel').toUpperCase() || undefined,
  };
}

/** Only the simple repeating forms: every N minutes (`<everyxminutes>`) or daily. */
function recurrenceMinutes(rec: XmlNode | undefined): number | undefined {
  if (!rec || typeof rec !== 'object') return undefined;
  for (const v of Object.values(rec)) {
    if (!v || typeof v !== 'object') continue;
    const n = v as XmlNode;
    const minutes = Number(text(n, 'repeat').replace(/^PT(\d+)M$/, '$1'));
    if (Number.isFinite(minutes) && minutes > 0) return minutes;
    const everyMin = Number(text(n, 'everyxminutes'));
    if (Number.isFinite(everyMin) && everyMin > 0) return everyMin;
  }
  return rec.daily ? 24 * 60 : undefined;
}
