/**
 * A tiny validation kit for Scend responses (no ajv: the bundle must stay small and run in
 * NetSuite). A `Validator<T>` turns unknown JSON into a typed value or throws `Invalid` naming the
 * offending path; the client converts that into a `MalformedResponseError`.
 * Objects keep only the fields they declare; optional fields accept absent or null (-> absent).
 */

export class Invalid extends Error {
  override readonly name = 'Invalid';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || '(body)'}: ${problem}`);
  }
}

export type Validator<T> = (value: unknown, path: string) => T;

const OPTIONAL = Symbol('optional');
type Optional<T> = Validator<T | undefined> & { [OPTIONAL]: true };

/** Short, safe rendering of an offending value. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const fail = (path: string, expected: string, value: unknown): never => {
  throw new Invalid(path, `expected ${expected}, got ${describe(value)}`);
};

export const string: Validator<string> = (v, p) => (typeof v === 'string' ? v : fail(p, 'string', v));

export const nonEmptyString: Validator<string> = (v, p) =>
  typeof v === 'string' && v.length > 0 ? v : fail(p, 'non-empty string', v);

export const boolean: Validator<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'boolean', v));

export const number: Validator<number> = (v, p) =>
  typeof v === 'number' && isFinite(v) ? v : fail(p, 'number', v);

export const nonNegativeNumber: Validator<number> = (v, p) =>
  typeof v === 'number' && isFinite(v) && v >= 0 ? v : fail(p, 'non-negative number', v);

const isInteger = (v: unknown): v is number => typeof v === 'number' && isFinite(v) && Math.floor(v) === v;

export const integer: Validator<number> = (v, p) => (isInteger(v) ? v : fail(p, 'integer', v));

export const nonNegativeInteger: Validator<number> = (v, p) =>
  isInteger(v) && v >= 0 ? v : fail(p, 'non-negative integer', v);

export const positiveInteger: Validator<number> = (v, p) =>
  isInteger(v) && v > 0 ? v : fail(p, 'positive integer', v);

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO-8601 date or date-time. */
export const isoDateTime: Validator<string> = (v, p) =>
  typeof v === 'string' && ISO_DATE_TIME.test(v) ? v : fail(p, 'ISO-8601 date-time', v);

export function literal<L extends string>(value: L): Validator<L> {
  return (v, p) => (v === value ? value : fail(p, JSON.stringify(value), v));
}

export function oneOf<L extends string>(values: readonly L[]): Validator<L> {
  return (v, p) =>
    typeof v === 'string' && (values as readonly string[]).indexOf(v) >= 0 ? (v as L) : fail(p, `one of ${values.join('|')}`, v);
}

export function arrayOf<T>(item: Validator<T>): Validator<T[]> {
  return (v, p) => {
    if (!Array.isArray(v)) return fail(p, 'array', v);
    return v.map((element, i) => item(element, `${p}[${i}]`));
  };
}

export function optional<T>(inner: Validator<T>): Optional<T> {
  const validator = ((v: unknown, p: string) => (v === undefined || v === null ? undefined : inner(v, p))) as Optional<T>;
  validator[OPTIONAL] = true;
  return validator;
}

type Shape<T> = { [K in keyof T]-?: Validator<T[K]> };

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** An object with exactly the declared fields (extra fields are dropped). */
export function object<T>(shape: Shape<T>): Validator<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(p, 'object', v);
    const source = v as Record<string, unknown>;
    const out: Partial<T> = {};
    for (const key of keys) {
      const validator = shape[key] as Validator<T[typeof key]> & { [OPTIONAL]?: true };
      const fieldPath = join(p, key);
      if (!(key in source) && !validator[OPTIONAL]) throw new Invalid(fieldPath, 'required field missing');
      const value = validator(source[key], fieldPath);
      if (value !== undefined) out[key] = value;
    }
    return out as T;
  };
}

/** Parse a JSON text, naming the problem instead of throwing a SyntaxError deep inside. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid('', `body is not JSON (${describe(text)})`);
  }
}
