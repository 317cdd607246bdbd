/** Field value rules: what setValue/setText accept for each field kind, and how getText renders a value. */
import { E, fail } from './errors';
import type { FieldDef } from './schema';
import { formatDate, formatDateTime, isEmpty, parseDate } from './values';

/** Looks up referenced records for select fields (by internal id, or by name for setText). */
export interface RefResolver {
  exists(target: string, id: number): boolean;
  name(target: string, id: number): string;
  idByName(target: string, text: string): number | undefined;
}

const where = (def: FieldDef) => `${def.label} (${def.id})`;

const toId = (def: FieldDef, v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) fail(E.INVALID_VALUE, `Invalid value ${JSON.stringify(v)} for select field ${where(def)}: expected an internal id`);
  return n;
};

const checkRef = (def: FieldDef, id: number, refs: RefResolver): string => {
  if (def.options) {
    if (!def.options.some((o) => o.value === String(id))) fail(E.INVALID_KEY_OR_REF, `Invalid ${def.id} reference key ${id}.`);
    return String(id);
  }
  if (def.ref && !refs.exists(def.ref, id)) fail(E.INVALID_KEY_OR_REF, `Invalid ${def.id} reference key ${id}.`);
  return String(id);
};

/** Validates and normalises a value for storage. Empty values clear the field. */
export function coerceValue(def: FieldDef, value: unknown, refs: RefResolver): unknown {
  if (def.kind === 'checkbox') {
    if (typeof value !== 'boolean') fail(E.INVALID_VALUE, `Invalid value ${JSON.stringify(value)} for checkbox ${where(def)}: expected true or false`);
    return value;
  }
  if (def.kind === 'multiselect') {
    if (isEmpty(value)) return [];
    const arr = Array.isArray(value) ? value : [value];
    return arr.map((v) => (def.options ? checkOption(def, v) : checkRef(def, toId(def, v), refs)));
  }
  if (isEmpty(value)) return '';
  switch (def.kind) {
    case 'select':
      return def.options ? checkOption(def, value) : checkRef(def, toId(def, value), refs);
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isInteger(n)) fail(E.INVALID_VALUE, `Invalid value ${JSON.stringify(value)} for integer field ${where(def)}`);
      return n;
    }
    case 'float':
    case 'currency':
    case 'percent': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) fail(E.INVALID_VALUE, `Invalid value ${JSON.stringify(value)} for number field ${where(def)}`);
      return n;
    }
    case 'date':
    case 'datetime':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
        fail(E.INVALID_VALUE, `Invalid date value for ${where(def)}: setValue needs a Date object (use setText or N/format for strings)`);
      }
      return new Date((value as Date).getTime());
    case 'email':
      if (typeof value !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) fail(E.INVALID_VALUE, `Invalid email address for ${where(def)}`);
      return checkLength(def, value as string);
    case 'text':
    case 'textarea':
    case 'url': {
      if (typeof value !== 'string' && typeof value !== 'number') fail(E.INVALID_VALUE, `Invalid value for text field ${where(def)}: expected a string`);
      return checkLength(def, String(value));
    }
    default: {
      const never: never = def.kind;
      return never;
    }
  }
}

const checkOption = (def: FieldDef, v: unknown): string => {
  const s = String(v);
  if (!def.options?.some((o) => o.value === s)) fail(E.INVALID_VALUE, `Invalid value ${JSON.stringify(v)} for ${where(def)}`);
  return s;
};

const checkLength = (def: FieldDef, s: string): string => {
  if (def.maxLength !== undefined && s.length > def.maxLength) {
    fail(E.INVALID_VALUE, `The field ${where(def)} contained more than the maximum number (${def.maxLength}) of characters allowed.`);
  }
  return s;
};

/** What getValue returns for a field that holds nothing. */
export const emptyValue = (def: FieldDef): unknown => (def.kind === 'checkbox' ? false : def.kind === 'multiselect' ? [] : '');

export function textOf(def: FieldDef, value: unknown, refs: RefResolver): string | string[] {
  if (def.kind === 'multiselect') return ((value as string[]) ?? []).map((v) => textOf({ ...def, kind: 'select' }, v, refs) as string);
  if (isEmpty(value)) return def.kind === 'checkbox' ? 'F' : '';
  switch (def.kind) {
    case 'select':
      if (def.options) return def.options.find((o) => o.value === value)?.text ?? '';
      return def.ref ? refs.name(def.ref, Number(value)) : String(value);
    case 'checkbox':
      return value ? 'T' : 'F';
    case 'date':
      return formatDate(value as Date);
    case 'datetime':
      return formatDateTime(value as Date);
    default:
      return String(value);
  }
}

export function valueFromText(def: FieldDef, text: unknown, refs: RefResolver): unknown {
  if (def.kind === 'multiselect') {
    const arr = Array.isArray(text) ? text : isEmpty(text) ? [] : [text];
    return arr.map((t) => valueFromText({ ...def, kind: 'select' }, t, refs));
  }
  if (isEmpty(text)) return def.kind === 'checkbox' ? false : '';
  const s = String(text);
  switch (def.kind) {
    case 'select': {
      if (def.options) {
        const o = def.options.find((x) => x.text.toLowerCase() === s.toLowerCase());
        if (!o) fail(E.INVALID_VALUE, `Invalid text ${JSON.stringify(s)} for ${where(def)}`);
        return o!.value;
      }
      const id = def.ref ? refs.idByName(def.ref, s) : undefined;
      if (id === undefined) fail(E.INVALID_KEY_OR_REF, `Invalid ${def.id} reference: no record named ${JSON.stringify(s)}`);
      return id;
    }
    case 'checkbox':
      if (s !== 'T' && s !== 'F') fail(E.INVALID_VALUE, `Invalid checkbox text ${JSON.stringify(s)} for ${where(def)}`);
      return s === 'T';
    case 'date':
    case 'datetime': {
      const d = parseDate(s);
      if (!d) fail(E.INVALID_VALUE, `Invalid date text ${JSON.stringify(s)} for ${where(def)}`);
      return d;
    }
    case 'integer':
    case 'float':
    case 'currency':
    case 'percent':
      return Number(s.replace(/[,%]/g, ''));
    default:
      return s;
  }
}
