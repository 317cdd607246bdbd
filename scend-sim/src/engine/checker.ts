import type { ValidationDetail } from '../contract/types';

type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Collects `{ Field, Message }` details while walking a request body; field paths look like `Lines[0].Quantity`. */
export class Checker {
  readonly details: ValidationDetail[] = [];

  fail(field: string, message: string): void {
    this.details.push({ Field: field, Message: message });
  }

  get ok(): boolean {
    return this.details.length === 0;
  }

  object(value: unknown, field: string): value is Obj {
    if (isObject(value)) return true;
    this.fail(field || '(body)', 'must be an object');
    return false;
  }

  /** Unknown properties are rejected (the OpenAPI says additionalProperties: false). */
  onlyKnown(obj: Obj, known: readonly string[], prefix: string): void {
    for (const key of Object.keys(obj)) if (!known.includes(key)) this.fail(join(prefix, key), 'is not a known property');
  }

  string(obj: Obj, key: string, prefix: string, opts: { required?: boolean; pattern?: RegExp; maxLength?: number } = {}): void {
    const value = obj[key];
    const field = join(prefix, key);
    if (value === undefined) {
      if (opts.required) this.fail(field, 'is required');
      return;
    }
    if (typeof value !== 'string') return this.fail(field, 'must be a string');
    if (opts.required && value.trim() === '') return this.fail(field, 'must not be empty');
    if (opts.maxLength !== undefined && value.length > opts.maxLength) return this.fail(field, `must be at most ${opts.maxLength} characters`);
    if (opts.pattern && !opts.pattern.test(value)) this.fail(field, `must match ${opts.pattern.source}`);
  }

  dateTime(obj: Obj, key: string, prefix: string, required = false): void {
    const value = obj[key];
    const field = join(prefix, key);
    if (value === undefined) {
      if (required) this.fail(field, 'is required');
      return;
    }
    if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
      this.fail(field, 'must be an ISO-8601 date-time');
    }
  }

  number(obj: Obj, key: string, prefix: string, opts: { required?: boolean; min?: number } = {}): void {
    const value = obj[key];
    const field = join(prefix, key);
    if (value === undefined) {
      if (opts.required) this.fail(field, 'is required');
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(field, 'must be a number');
    if (opts.min !== undefined && value < opts.min) this.fail(field, `must be >= ${opts.min}`);
  }

  integer(obj: Obj, key: string, prefix: string, opts: { required?: boolean; min?: number } = {}): void {
    const value = obj[key];
    const field = join(prefix, key);
    if (value === undefined) {
      if (opts.required) this.fail(field, 'is required');
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(field, 'must be an integer');
    if (opts.min !== undefined && value < opts.min) this.fail(field, `must be >= ${opts.min}`);
  }

  boolean(obj: Obj, key: string, prefix: string): void {
    const value = obj[key];
    if (value !== undefined && typeof value !== 'boolean') this.fail(join(prefix, key), 'must be a boolean');
  }

  /** A required, non-empty array of objects; returns the objects to check further. */
  objectArray(obj: Obj, key: string, prefix: string, opts: { required?: boolean; minItems?: number; maxItems?: number } = {}): Obj[] {
    const value = obj[key];
    const field = join(prefix, key);
    if (value === undefined) {
      if (opts.required) this.fail(field, 'is required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail(field, 'must be an array');
      return [];
    }
    if (opts.minItems !== undefined && value.length < opts.minItems) this.fail(field, `must have at least ${opts.minItems} item(s)`);
    if (opts.maxItems !== undefined && value.length > opts.maxItems) this.fail(field, `must have at most ${opts.maxItems} item(s)`);
    const out: Obj[] = [];
    value.forEach((item, i) => {
      if (this.object(item, `${field}[${i}]`)) out.push(item);
    });
    return out;
  }

  uniqueBy(items: Obj[], key: string, arrayField: string): void {
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      const value = item[key];
      if (typeof value !== 'string') return;
      if (seen.has(value)) this.fail(`${arrayField}[${i}].${key}`, `duplicate ${key} ${value}`);
      seen.add(value);
    });
  }
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}
