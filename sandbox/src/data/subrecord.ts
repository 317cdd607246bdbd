/** A subrecord (address): a small set of fields stored inside its parent record's data. */
import { coerceValue, emptyValue, textOf, valueFromText, type RefResolver } from './coerce';
import { E, fail } from './errors';
import type { FieldDef } from './schema';
import { clone } from './values';

type FieldArg = string | { fieldId: string; value?: unknown; text?: unknown };

export class SandboxSubrecord {
  constructor(
    private readonly fields: Map<string, FieldDef>,
    private readonly values: Record<string, unknown>,
    private readonly refs: RefResolver,
    private readonly editable: () => void,
  ) {}

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
    this.values[id] = coerceValue(this.def(id), v, this.refs);
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

  toJSON(): Record<string, unknown> {
    return { fields: clone(this.values) };
  }
}
