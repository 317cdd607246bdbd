/**
 * N/record's Record object. Holds a private copy of the record's data; save() hands it to the
 * database, which validates, runs user events and commits. Standard mode edits lines by index;
 * dynamic mode works through a current line (selectNewLine / setCurrentSublistValue / commitLine).
 */
import { coerceValue, emptyValue, textOf, valueFromText, type RefResolver } from './coerce';
import { E, fail } from './errors';
import type { FieldDef, RecordTypeDef, SublistDef } from './schema';
import type { Line, RecordData } from './store';
import { SUBRECORD_SUBLISTS } from './standard-types';
import { SandboxSubrecord } from './subrecord';
import { clone } from './values';

export interface SaveOptions { enableSourcing?: boolean; ignoreMandatoryFields?: boolean }

/** What a record needs from the database: reference lookups, sourcing and saving. */
export interface RecordHost {
  readonly refs: RefResolver;
  saveRecord(rec: SandboxRecord, opts: SaveOptions): number;
  /** Field sourcing (NetSuite fills dependent fields when a select changes). */
  source(rec: SandboxRecord, change: { fieldId: string; sublistId?: string; line?: Line }): void;
  /** Dynamic mode: recompute derived body fields (totals) after a line is committed or removed. */
  recalc?(rec: SandboxRecord): void;
}

export interface RecordState {
  isDynamic: boolean;
  readOnly: boolean;
  /** xedit newRecord: only the edited fields are present. */
  partial?: boolean;
}

type Opts = Record<string, unknown>;
const arg = (o: unknown, key: string): unknown => (typeof o === 'string' ? (key === 'fieldId' ? o : undefined) : (o as Opts | undefined)?.[key]);

const req = (o: unknown, key: string): string => {
  const v = arg(o, key);
  if (v === undefined || v === null || v === '') fail(E.MISSING_ARG, `Missing a required argument: ${key}`);
  return String(v);
};

const lineArg = (o: unknown): number => {
  const v = arg(o, 'line');
  if (typeof v !== 'number' || !Number.isInteger(v)) return fail(E.MISSING_ARG, 'Missing a required argument: line');
  return v;
};

interface CurrentLine { index: number; values: Line; isNew: boolean }

export class SandboxRecord {
  id: number | null;
  readonly type: string;
  readonly isDynamic: boolean;
  readonly isReadOnly: boolean;
  readonly isPartial: boolean;
  private readonly current = new Map<string, CurrentLine>();
  /**
   * Optimistic locking: the committed version this object was read at, and for a transform the
   * source record's version. The database refuses a save when either has moved on since.
   */
  readVersion?: number;
  source?: { type: string; id: number; version: number };

  constructor(
    readonly def: RecordTypeDef,
    /** The record's private data; the host reads it on save. */
    readonly data: RecordData,
    id: number | null,
    private readonly host: RecordHost,
    state: RecordState,
  ) {
    this.id = id;
    this.type = def.id;
    this.isDynamic = state.isDynamic;
    this.isReadOnly = state.readOnly;
    this.isPartial = state.partial ?? false;
    const save = (opts: SaveOptions = {}): number => this.doSave(opts);
    this.save = Object.assign(save, { promise: (opts: SaveOptions = {}) => new Promise<number>((res, rej) => { try { res(save(opts)); } catch (e) { rej(e); } }) });
  }

  readonly save: ((opts?: SaveOptions) => number) & { promise(opts?: SaveOptions): Promise<number> };

  private doSave(opts: SaveOptions): number {
    this.writable();
    if (this.isDynamic) for (const [sublistId, cur] of this.current) if (!cur.isNew || Object.keys(cur.values).length > 0) this.commitLine({ sublistId });
    const id = this.host.saveRecord(this, opts);
    this.id = id;
    return id;
  }

  private writable(): void {
    if (this.isReadOnly) fail(E.THAT_RECORD_IS_NOT_EDITABLE, `This ${this.type} record is read-only here.`);
  }

  // ---- body fields ----
  fieldDef(fieldId: string): FieldDef {
    const d = this.def.fields.get(fieldId);
    if (!d) return fail(E.INVALID_FIELD_ID, `The field ${fieldId} does not exist on record type ${this.type}.`);
    return d;
  }

  getValue(opts: unknown): unknown {
    const id = req(opts, 'fieldId');
    if (id === 'id') return this.id;
    const d = this.fieldDef(id);
    return id in this.data.fields ? clone(this.data.fields[id]) : emptyValue(d);
  }

  setValue(opts: unknown, value?: unknown): this {
    this.writable();
    const id = req(opts, 'fieldId');
    const v = typeof opts === 'string' ? value : arg(opts, 'value');
    const d = this.fieldDef(id);
    if (d.readonly) fail(E.INVALID_VALUE, `The field ${id} is read-only and cannot be set.`);
    this.data.fields[id] = coerceValue(d, v, this.host.refs);
    this.host.source(this, { fieldId: id });
    if (this.isDynamic) this.host.recalc?.(this);
    return this;
  }

  getText(opts: unknown): string | string[] {
    const id = req(opts, 'fieldId');
    if (id === 'id') return this.id === null ? '' : String(this.id);
    return textOf(this.fieldDef(id), this.data.fields[id], this.host.refs);
  }

  setText(opts: unknown, text?: unknown): this {
    const id = req(opts, 'fieldId');
    const d = this.fieldDef(id);
    return this.setValue({ fieldId: id, value: valueFromText(d, typeof opts === 'string' ? text : arg(opts, 'text'), this.host.refs) });
  }

  getFields(): string[] {
    return [...this.def.fields.keys()];
  }

  getField(opts: unknown): { id: string; label: string; type: string; isMandatory: boolean; isReadOnly: boolean } | null {
    const d = this.def.fields.get(req(opts, 'fieldId'));
    return d ? { id: d.id, label: d.label, type: d.kind, isMandatory: !!d.mandatory, isReadOnly: !!d.readonly } : null;
  }

  /** System writes (derived fields, status) bypass read-only and sourcing. */
  setSystemValue(fieldId: string, value: unknown): void {
    this.data.fields[fieldId] = value;
  }

  // ---- sublists ----
  sublistDef(sublistId: string): SublistDef {
    const s = this.def.sublists.get(sublistId);
    if (!s) return fail(E.INVALID_SUBLIST, `The sublist ${sublistId} does not exist on record type ${this.type}.`);
    return s;
  }

  private lineFieldDef(s: SublistDef, fieldId: string): FieldDef {
    const d = s.fields.get(fieldId);
    if (!d) return fail(E.INVALID_FIELD_ID, `The field ${fieldId} does not exist on sublist ${s.id} of ${this.type}.`);
    return d;
  }

  lines(sublistId: string): Line[] {
    this.sublistDef(sublistId);
    return (this.data.sublists[sublistId] ??= []);
  }

  private lineAt(sublistId: string, line: number, allowAppend = false): Line {
    const lines = this.lines(sublistId);
    if (allowAppend && line === lines.length) {
      const fresh: Line = {};
      lines.push(fresh);
      return fresh;
    }
    if (line < 0 || line >= lines.length) fail(E.INVALID_LINE, `You have attempted an invalid sublist or line item operation: line ${line} of ${sublistId} (${lines.length} lines).`);
    return lines[line]!;
  }

  private standardOnly(method: string): void {
    if (this.isDynamic) fail(E.INVALID_API_USAGE, `${method} is not available on a record in dynamic mode; use the current-line methods.`);
  }

  private dynamicOnly(method: string): void {
    if (!this.isDynamic) fail(E.INVALID_API_USAGE, `${method} is only available on a record in dynamic mode.`);
  }

  private editableSublist(s: SublistDef): void {
    this.writable();
    if (s.readonly) fail(E.INVALID_SUBLIST_OPERATION, `The sublist ${s.id} is read-only.`);
  }

  getLineCount(opts: unknown): number {
    const id = req(opts, 'sublistId');
    if (!this.def.sublists.has(id)) return -1;
    return this.lines(id).length;
  }

  getSublists(): string[] {
    return [...this.def.sublists.keys()];
  }

  getSublistFields(opts: unknown): string[] {
    return [...this.sublistDef(req(opts, 'sublistId')).fields.keys()];
  }

  getSublistValue(opts: unknown): unknown {
    const s = this.sublistDef(req(opts, 'sublistId'));
    const fieldId = req(opts, 'fieldId');
    const d = this.lineFieldDef(s, fieldId);
    const line = this.lineAt(s.id, lineArg(opts));
    return fieldId in line ? clone(line[fieldId]) : emptyValue(d);
  }

  getSublistText(opts: unknown): string | string[] {
    const s = this.sublistDef(req(opts, 'sublistId'));
    const fieldId = req(opts, 'fieldId');
    return textOf(this.lineFieldDef(s, fieldId), this.lineAt(s.id, lineArg(opts))[fieldId], this.host.refs);
  }

  setSublistValue(opts: unknown): this {
    this.standardOnly('setSublistValue');
    const s = this.sublistDef(req(opts, 'sublistId'));
    this.editableSublist(s);
    const fieldId = req(opts, 'fieldId');
    const d = this.lineFieldDef(s, fieldId);
    if (d.readonly) fail(E.INVALID_VALUE, `The sublist field ${s.id}.${fieldId} is read-only and cannot be set.`);
    const value = coerceValue(d, arg(opts, 'value'), this.host.refs);
    const line = this.lineAt(s.id, lineArg(opts), true);
    line[fieldId] = value;
    this.host.source(this, { fieldId, sublistId: s.id, line });
    return this;
  }

  setSublistText(opts: unknown): this {
    const s = this.sublistDef(req(opts, 'sublistId'));
    const fieldId = req(opts, 'fieldId');
    const value = valueFromText(this.lineFieldDef(s, fieldId), arg(opts, 'text'), this.host.refs);
    return this.setSublistValue({ sublistId: s.id, fieldId, line: lineArg(opts), value });
  }

  insertLine(opts: unknown): this {
    const s = this.sublistDef(req(opts, 'sublistId'));
    this.editableSublist(s);
    const lines = this.lines(s.id);
    const at = lineArg(opts);
    if (at < 0 || at > lines.length) fail(E.INVALID_LINE, `Cannot insert at line ${at} of ${s.id} (${lines.length} lines).`);
    lines.splice(at, 0, {});
    if (this.isDynamic) this.current.set(s.id, { index: at, values: {}, isNew: false });
    return this;
  }

  removeLine(opts: unknown): this {
    const s = this.sublistDef(req(opts, 'sublistId'));
    this.editableSublist(s);
    const at = lineArg(opts);
    this.lineAt(s.id, at);
    this.lines(s.id).splice(at, 1);
    this.current.delete(s.id);
    if (this.isDynamic) this.host.recalc?.(this);
    return this;
  }

  findSublistLineWithValue(opts: unknown): number {
    const s = this.sublistDef(req(opts, 'sublistId'));
    const fieldId = req(opts, 'fieldId');
    this.lineFieldDef(s, fieldId);
    const want = String(arg(opts, 'value'));
    return this.lines(s.id).findIndex((l) => l[fieldId] !== undefined && String(l[fieldId]) === want);
  }

  // ---- dynamic mode current line ----
  selectNewLine(opts: unknown): this {
    this.dynamicOnly('selectNewLine');
    const s = this.sublistDef(req(opts, 'sublistId'));
    this.editableSublist(s);
    this.current.set(s.id, { index: this.lines(s.id).length, values: {}, isNew: true });
    return this;
  }

  selectLine(opts: unknown): this {
    this.dynamicOnly('selectLine');
    const s = this.sublistDef(req(opts, 'sublistId'));
    const at = lineArg(opts);
    const line = this.lineAt(s.id, at);
    this.current.set(s.id, { index: at, values: clone(line), isNew: false });
    return this;
  }

  private cur(sublistId: string): CurrentLine {
    const c = this.current.get(sublistId);
    if (!c) return fail(E.INVALID_SUBLIST_OPERATION, `No current line selected on sublist ${sublistId}; call selectLine or selectNewLine first.`);
    return c;
  }

  getCurrentSublistIndex(opts: unknown): number {
    this.dynamicOnly('getCurrentSublistIndex');
    const id = req(opts, 'sublistId');
    return this.current.get(id)?.index ?? this.lines(id).length;
  }

  getCurrentSublistValue(opts: unknown): unknown {
    this.dynamicOnly('getCurrentSublistValue');
    const s = this.sublistDef(req(opts, 'sublistId'));
    const fieldId = req(opts, 'fieldId');
    const d = this.lineFieldDef(s, fieldId);
    const c = this.cur(s.id);
    return fieldId in c.values ? clone(c.values[fieldId]) : emptyValue(d);
  }

  getCurrentSublistText(opts: unknown): string | string[] {
    this.dynamicOnly('getCurrentSublistText');
    const s = this.sublistDef(req(opts, 'sublistId'));
    const fieldId = req(opts, 'fieldId');
    return textOf(this.lineFieldDef(s, fieldId), this.cur(s.id).values[fieldId], this.host.refs);
  }

  setCurrentSublistValue(opts: unknown): this {
    this.dynamicOnly('setCurrentSublistValue');
    const s = this.sublistDef(req(opts, 'sublistId'));
    this.editableSublist(s);
    const fieldId = req(opts, 'fieldId');
    const d = this.lineFieldDef(s, fieldId);
    if (d.readonly) fail(E.INVALID_VALUE, `The sublist field ${s.id}.${fieldId} is read-only and cannot be set.`);
    const c = this.cur(s.id);
    c.values[fieldId] = coerceValue(d, arg(opts, 'value'), this.host.refs);
    this.host.source(this, { fieldId, sublistId: s.id, line: c.values });
    return this;
  }

  setCurrentSublistText(opts: unknown): this {
    const s = this.sublistDef(req(opts, 'sublistId'));
    const fieldId = req(opts, 'fieldId');
    const value = valueFromText(this.lineFieldDef(s, fieldId), arg(opts, 'text'), this.host.refs);
    return this.setCurrentSublistValue({ sublistId: s.id, fieldId, value });
  }

  commitLine(opts: unknown): this {
    this.dynamicOnly('commitLine');
    const s = this.sublistDef(req(opts, 'sublistId'));
    const c = this.cur(s.id);
    const lines = this.lines(s.id);
    for (const [fid, fd] of s.fields) {
      if (fd.mandatory && (c.values[fid] === undefined || c.values[fid] === '')) {
        fail(E.MANDATORY, `Please enter value(s) for: ${fd.label} (${s.id}.${fid})`);
      }
    }
    if (c.isNew) lines.push(c.values);
    else lines[c.index] = c.values;
    this.current.delete(s.id);
    this.host.recalc?.(this);
    return this;
  }

  cancelLine(opts: unknown): this {
    this.dynamicOnly('cancelLine');
    this.current.delete(req(opts, 'sublistId'));
    return this;
  }

  // ---- subrecords ----
  getSubrecord(opts: unknown): SandboxSubrecord {
    const fieldId = req(opts, 'fieldId');
    const fields = this.def.subrecords.get(fieldId);
    if (!fields) return fail(E.NOT_SUBRECORD, `Field ${fieldId} is not a subrecord field.`);
    const values = (this.data.subrecords[fieldId] ??= {});
    return new SandboxSubrecord(fields, values, this.host.refs, () => this.writable());
  }

  hasSubrecord(opts: unknown): boolean {
    const v = this.data.subrecords[req(opts, 'fieldId')];
    return !!v && Object.keys(v).length > 0;
  }

  removeSubrecord(opts: unknown): this {
    this.writable();
    const fieldId = req(opts, 'fieldId');
    if (!this.def.subrecords.has(fieldId)) fail(E.NOT_SUBRECORD, `Field ${fieldId} is not a subrecord field.`);
    delete this.data.subrecords[fieldId];
    return this;
  }

  private lineSubrecord(sublistId: string, fieldId: string, line: Line): SandboxSubrecord {
    const fields = this.sublistDef(sublistId).subrecords?.get(fieldId);
    if (!fields) return fail(E.NOT_SUBRECORD, `Field ${sublistId}.${fieldId} is not a subrecord field.`);
    const values = ((line[fieldId] as Record<string, unknown> | undefined) ??= {});
    // The inventory detail shows its line's item, quantity and location.
    if (fieldId === 'inventorydetail') for (const k of ['item', 'quantity', 'location']) values[k] = line[k] ?? '';
    const sublists = new Map((SUBRECORD_SUBLISTS[fieldId]?.() ?? []).map((d) => [d.id, d]));
    return new SandboxSubrecord(fields, values as Record<string, unknown>, this.host.refs, () => this.writable(), sublists, this.isDynamic);
  }

  getSublistSubrecord(opts: unknown): SandboxSubrecord {
    const sublistId = req(opts, 'sublistId');
    return this.lineSubrecord(sublistId, req(opts, 'fieldId'), this.lineAt(sublistId, lineArg(opts), !this.isDynamic));
  }

  getCurrentSublistSubrecord(opts: unknown): SandboxSubrecord {
    this.dynamicOnly('getCurrentSublistSubrecord');
    const sublistId = req(opts, 'sublistId');
    return this.lineSubrecord(sublistId, req(opts, 'fieldId'), this.cur(sublistId).values);
  }

  toJSON(): Record<string, unknown> {
    return { id: this.id === null ? undefined : String(this.id), type: this.type, isDynamic: this.isDynamic, fields: clone(this.data.fields), sublists: clone(this.data.sublists) };
  }
}
