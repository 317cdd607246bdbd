/** Walks an object's XML against its schema shape and yields what does not fit. */
import type { XmlElement } from '../xml';
import { ENUMS } from './enums';
import { parseField, type FieldSpec, type Shape } from './objects';

export type SchemaFindingKind = 'unknown-element' | 'missing-required' | 'bad-value';

export interface SchemaFinding {
  readonly kind: SchemaFindingKind;
  /** Where: `customrecordtype[customrecord_x] > customrecordcustomfields > customrecordcustomfield[custrecord_y]`. */
  readonly where: string;
  readonly message: string;
}

const REFERENCE = /^\[(appid=[^,\]]+,\s*)?scriptid=[^\]]+\]$/;

const specsCache = new WeakMap<Shape, Map<string, FieldSpec>>();
function specsOf(shape: Shape): Map<string, FieldSpec> {
  let specs = specsCache.get(shape);
  if (!specs) {
    specs = new Map(shape.fields.map((f) => parseField(f)).map((f) => [f.name, f]));
    specsCache.set(shape, specs);
  }
  return specs;
}

function label(el: XmlElement): string {
  return el.attrs.scriptid ? `${el.name}[${el.attrs.scriptid}]` : el.name;
}

function checkValue(spec: FieldSpec, value: string, where: string, out: SchemaFinding[]): void {
  if (!spec.enumName || value === '') return;
  const allowed = ENUMS[spec.enumName];
  const values = spec.multi ? value.split('|').map((v) => v.trim()) : [value];
  for (const v of values) {
    if (allowed.includes(v) || (spec.reference && REFERENCE.test(v))) continue;
    const hint = allowed.length <= 30 ? ` (one of ${allowed.join(', ')})` : ` (not in SDF's ${spec.enumName} list)`;
    out.push({ kind: 'bad-value', where, message: `<${spec.name}>${v}</${spec.name}> is not a valid value${spec.multi ? ' in this |-separated list' : ''}${hint}` });
  }
}

function walkElement(el: XmlElement, shape: Shape, where: string, out: SchemaFinding[]): void {
  if (shape.list) {
    const { item, shape: itemShape } = shape.list;
    for (const c of el.children) {
      if (c.name === item) walkElement(c, itemShape, `${where} > ${label(c)}`, out);
      else out.push({ kind: 'unknown-element', where, message: `<${c.name}> is not an element of <${el.name}> (it holds only <${item}>)` });
    }
    return;
  }
  const specs = specsOf(shape);
  for (const spec of specs.values()) {
    if (spec.attribute) {
      const value = el.attrs[spec.name];
      if (spec.required && !value) out.push({ kind: 'missing-required', where, message: `the ${spec.name} attribute is required on <${el.name}>` });
      continue;
    }
    const present = el.children.filter((c) => c.name === spec.name);
    if (spec.required && !present.some((c) => c.text !== '' || c.children.length > 0)) {
      out.push({ kind: 'missing-required', where, message: `<${spec.name}> is required in <${el.name}>${present.length ? ' (it is empty)' : ''}` });
    }
  }
  for (const c of el.children) {
    const spec = specs.get(c.name);
    if (!spec || spec.attribute) {
      if (!shape.prefixes?.some((p) => c.name.startsWith(p))) {
        out.push({ kind: 'unknown-element', where, message: `<${c.name}> is not an element of <${el.name}> in the SDF schema` });
      }
      continue;
    }
    const nested = shape.nested?.[c.name];
    if (nested) walkElement(c, nested, `${where} > ${label(c)}`, out);
    else checkValue(spec, c.text, where, out);
  }
}

export function walkObject(root: XmlElement, shape: Shape): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  walkElement(root, shape, label(root), out);
  return out;
}
