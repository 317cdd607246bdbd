/**
 * A subrecord (address, inventory detail): a small set of fields stored inside its parent record's
 * data, and for inventory detail its own sublist (inventoryassignment), kept as `values[sublistId]`.
 */
import { coerceValue, emptyValue, textOf, valueFromText, type RefResolver } from './coerce';
import { E, fail } from './errors';
import type { FieldDef, SublistDef } from './schema';
import type { Line } from './store';
import { clone } from './values';

type FieldArg = string | { fieldId: string; value?: unknown; text?: unknown };

export class SandboxSubrecord {
  constructor(
    private readonly fields: Map<string, FieldDef>,
    private readonly values: Record<string, unknown>,
    private readonly refs: RefResolver,
    private readonly editable: () => void,
    private readonly sublists: Map<string, SublistDef> = new Map(),
    private readonly isDynamic = false,
  ) {}

  private readonly current = new Map<string, { index: number; values: Line; isNew: boolean }>();

  // ---- the subrecord's sublists (inventory detail's inventoryassignment) ----
  private sub(opts: unknown): SublistDef {
    const id = String((opts as { sublistId?: unknown } | undefined)?.sublistId ?? '');
    const s = this.sublists.get(id);
    if (!s) return fail(E.INVALID_SUBLIST, `The sublist ${id} does not exist on this subrecord.`);
    return s;
  }

  private lineDef(s: SublistDef, fieldId: unknown): FieldDef {
    const d = s.fields.get(String(fieldId));
    if (!d) return fail(E.INVALID_FIELD_ID, `The field ${String(fieldId)} does not exist on sublist ${s.id}.`);
    return d;
  }

  private rows(s: SublistDef): Line[] {
    return ((this.values[s.id] as Line[] | undefined) ??= []);
  }

  private mode(dynamic: boolean, method: string): void {
    if (this.isDynamic !== dynamic) fail(E.INVALID_API_USAGE, `${method} is ${dynamic ? 'only available' : 'not available'} on a subrecord of a record in dynamic mode.`);
  }

  getLineCount(opts: { sublistId: string }): number {
    const s = this.sublists.get(opts?.sublistId);
    return s ? this.rows(s).length : -1;
  }

  getSublistValue(opts: { sublistId: string; fieldId: string; line: number }): unknown {
    const s = this.sub(opts);
    const d = this.lineDef(s, opts.fieldId);
    const row = this.rows(s)[opts.line];
    if (!row) return fail(E.INVALID_LINE, `You have attempted an invalid sublist or line item operation: line ${opts.line} of ${s.id}.`);
    return d.id in row ? clone(row[d.id]) : emptyValue(d);
  }

  getSublistText(opts: { sublistId: string; fieldId: string; line: number }): string | string[] {
    const s = this.sub(opts);
    const d = this.lineDef(s, opts.fieldId);
    return textOf(d, this.rows(s)[opts.line]?.[d.id], this.refs);
  }

  setSublistValue(opts: { sublistId: string; fieldId: string; line: number; value: unknown }): this {
    this.editable();
    this.mode(false, 'setSublistValue');
    const s = this.sub(opts);
    const d = this.lineDef(s, opts.fieldId);
    const rows = this.rows(s);
    if (opts.line === rows.length) rows.push({});
    const row = rows[opts.line];
    if (!row) return fail(E.INVALID_LINE, `You have attempted an invalid sublist or line item operation: line ${opts.line} of ${s.id}.`);
    row[d.id] = coerceValue(d, opts.value, this.refs);
    return this;
  }

  setSublistText(opts: { sublistId: string; fieldId: string; line: number; text: unknown }): this {
    const d = this.lineDef(this.sub(opts), opts.fieldId);
    return this.setSublistValue({ ...opts, value: valueFromText(d, opts.text, this.refs) });
  }

  insertLine(opts: { sublistId: string; line: number }): this {
    this.editable();
    const rows = this.rows(this.sub(opts));
    if (opts.line < 0 || opts.line > rows.length) fail(E.INVALID_LINE, `Cannot insert at line ${opts.line}.`);
    rows.splice(opts.line, 0, {});
    return this;
  }

  removeLine(opts: { sublistId: string; line: number }): this {
    this.editable();
    const rows = this.rows(this.sub(opts));
    if (!rows[opts.line]) fail(E.INVALID_LINE, `You have attempted an invalid sublist or line item operation: line ${opts.line}.`);
    rows.splice(opts.line, 1);
    return this;
  }

  selectNewLine(opts: { sublistId: string }): this {
    this.editable();
    this.mode(true, 'selectNewLine');
    const s = this.sub(opts);
    this.current.set(s.id, { index: this.rows(s).length, values: {}, isNew: true });
    return this;
  }

  selectLine(opts: { sublistId: string; line: number }): this {
    this.mode(true, 'selectLine');
    const s = this.sub(opts);
    const row = this.rows(s)[opts.line];
    if (!row) return fail(E.INVALID_LINE, `You have attempted an invalid sublist or line item operation: line ${opts.line} of ${s.id}.`);
    this.current.set(s.id, { index: opts.line, values: clone(row), isNew: false });
    return this;
  }

  private cur(s: SublistDef) {
    const c = this.current.get(s.id);
    if (!c) return fail(E.INVALID_SUBLIST_OPERATION, `No current line selected on sublist ${s.id}; call selectLine or selectNewLine first.`);
    return c;
  }

  setCurrentSublistValue(opts: { sublistId: string; fieldId: string; value: unknown }): this {
    this.editable();
    this.mode(true, 'setCurrentSublistValue');
    const s = this.sub(opts);
    const d = this.lineDef(s, opts.fieldId);
    this.cur(s).values[d.id] = coerceValue(d, opts.value, this.refs);
    return this;
  }

  setCurrentSublistText(opts: { sublistId: string; fieldId: string; text: unknown }): this {
    const d = this.lineDef(this.sub(opts), opts.fieldId);
    return this.setCurrentSublistValue({ ...opts, value: valueFromText(d, opts.text, this.refs) });
  }

  getCurrentSublistValue(opts: { sublistId: string; fieldId: string }): unknown {
    this.mode(true, 'getCurrentSublistValue');
    const s = this.sub(opts);
    const d = this.lineDef(s, opts.fieldId);
    const v = this.cur(s).values;
    return d.id in v ? clone(v[d.id]) : emptyValue(d);
  }

  commitLine(opts: { sublistId: string }): this {
    this.mode(true, 'commitLine');
    const s = this.sub(opts);
    const c = this.cur(s);
    const rows = this.rows(s);
    if (c.isNew) rows.push(c.values);
    else rows[c.index] = c.values;
    this.current.delete(s.id);
    return this;
  }

  cancelLine(opts: { sublistId: string }): this {
    this.current.delete(this.sub(opts).id);
    return this;
  }

  /** Dynamic mode: an uncommitted current line is committed with its parent line (as NetSuite does on commitLine of the parent). */
  flush(): void {
    for (const id of [...this.current.keys()]) this.commitLine({ sublistId: id });
  }

  private def(fieldId: string): FieldDef {
    const d = this.fields.get(fieldId);
    if (!d) return fail(E.INVALID_FIELD_ID, `The field ${fieldId} does not exist on this subrecord.`);
    return d;
  }

  getValue(opts: FieldArg): unknown {
    const id = typeof opts === 'string' ? opts : opts.fieldId;
    const d = this.def(id);
    return id in this.values ? clone(this.values[id]) : emptyValue(d);
  }

  setValue(opts: FieldArg, value?: unknown): this {
    this.editable();
    const id = typeof opts === 'string' ? opts : opts.fieldId;
    const v = typeof opts === 'string' ? value : opts.value;
    const d = this.def(id);
    if (d.readonly) fail(E.INVALID_VALUE, `The field ${id} is read-only and cannot be set.`);
    this.values[id] = coerceValue(d, v, this.refs);
    return this;
  }

  getText(opts: FieldArg): string | string[] {
    const id = typeof opts === 'string' ? opts : opts.fieldId;
    return textOf(this.def(id), this.values[id], this.refs);
  }

  setText(opts: FieldArg, text?: unknown): this {
    this.editable();
    const id = typeof opts === 'string' ? opts : opts.fieldId;
    const d = this.def(id);
    this.values[id] = coerceValue(d, valueFromText(d, typeof opts === 'string' ? text : opts.text, this.refs), this.refs);
    return this;
  }

  getFields(): string[] {
    return [...this.fields.keys()];
  }

  getSublists(): string[] {
    return [...this.sublists.keys()];
  }

  toJSON(): Record<string, unknown> {
    return { fields: clone(this.values) };
  }
}
