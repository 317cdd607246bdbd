/**
 * Filter expressions and Filter objects, compiled to a tree and evaluated per row. Unknown fields,
 * joins and operators, and operators that do not fit the field's type, are errors (as in NetSuite),
 * never a silent empty result.
 */
import type { Database } from '../database';
import { E, fail } from '../errors';
import type { RecordTypeDef } from '../schema';
import { isEmpty, parseDate, startOfDay } from '../values';
import { joinKnows, knowsField, resolve, resolveJoined, staticKind, type Resolved, type Row } from './rows';

export interface FilterSpec { name: string; join?: string; operator: string; values: unknown[]; summary?: string; formula?: string }

export type FilterNode =
  | { kind: 'and' | 'or'; nodes: FilterNode[] }
  | { kind: 'not'; node: FilterNode }
  | { kind: 'term'; filter: FilterSpec };

const TEXT_OPS = ['is', 'isnot', 'contains', 'doesnotcontain', 'startswith', 'doesnotstartwith', 'isempty', 'isnotempty', 'haskeywords'];
const NUM_OPS = ['equalto', 'notequalto', 'greaterthan', 'greaterthanorequalto', 'lessthan', 'lessthanorequalto', 'between', 'notbetween', 'isempty', 'isnotempty', 'any'];
const DATE_OPS = ['on', 'noton', 'before', 'after', 'onorbefore', 'onorafter', 'within', 'notwithin', 'isempty', 'isnotempty'];
const SELECT_OPS = ['anyof', 'noneof', 'isempty', 'isnotempty'];
const MULTI_OPS = ['anyof', 'noneof', 'allof', 'notallof', 'isempty', 'isnotempty'];
export const OPERATORS = new Set([...TEXT_OPS, ...NUM_OPS, ...DATE_OPS, ...MULTI_OPS, 'is', 'startswith']);

const opsFor = (kind: Resolved['kind'], name: string): string[] => {
  switch (kind) {
    // externalid is searched like a list of keys: anyof/noneof as well as the text operators
    case 'text': case 'textarea': case 'email': case 'url': return name === 'externalid' ? [...TEXT_OPS, 'anyof', 'noneof'] : TEXT_OPS;
    case 'integer': case 'float': case 'currency': case 'percent': return NUM_OPS;
    case 'date': case 'datetime': return DATE_OPS;
    case 'checkbox': case 'mainline': return ['is'];
    case 'multiselect': return MULTI_OPS;
    case 'select': return name === 'internalid' ? [...SELECT_OPS, ...NUM_OPS, 'is'] : SELECT_OPS;
    default: { const never: never = kind; return never; }
  }
};

const isFilterObject = (v: unknown): v is FilterSpec =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as FilterSpec).name === 'string' && typeof (v as FilterSpec).operator === 'string';

/** Parse what scripts pass as `filters`: a Filter array (ANDed) or a filter expression. */
export function parseFilters(input: unknown): FilterNode {
  if (input === undefined || input === null) return { kind: 'and', nodes: [] };
  if (isFilterObject(input)) return { kind: 'term', filter: normalise(input) };
  if (!Array.isArray(input)) return fail(E.SRCH_FILTER_EXPR, 'The filters parameter is not a valid search filter, filter array, or filter expression.');
  if (input.length === 0) return { kind: 'and', nodes: [] };
  if (input.every(isFilterObject)) return { kind: 'and', nodes: input.map((f) => ({ kind: 'term', filter: normalise(f) })) };
  return parseExpr(input);
}

function normalise(f: FilterSpec): FilterSpec {
  const values = f.values === undefined || f.values === null ? [] : Array.isArray(f.values) ? f.values : [f.values];
  let name = String(f.name).toLowerCase();
  let join = f.join ? String(f.join).toLowerCase() : undefined;
  if (!join && name.includes('.')) [join, name] = name.split('.', 2) as [string, string];
  return { name, join, operator: String(f.operator).toLowerCase(), values, summary: f.summary, formula: f.formula };
}

function isTerm(a: unknown[]): boolean {
  return typeof a[0] === 'string' && a[0].toLowerCase() !== 'not' && typeof a[1] === 'string' && !['and', 'or'].includes(a[1].toLowerCase());
}

function parseExpr(a: unknown[]): FilterNode {
  if (isTerm(a)) {
    const [name, operator, ...rest] = a as [string, string, ...unknown[]];
    const values = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as unknown[]) : rest;
    return { kind: 'term', filter: normalise({ name, operator, values }) };
  }
  if (typeof a[0] === 'string' && a[0].toLowerCase() === 'not') {
    if (a.length !== 2 || !Array.isArray(a[1])) fail(E.SRCH_FILTER_EXPR, `Malformed 'not' in filter expression: ${JSON.stringify(a)}`);
    return { kind: 'not', node: parseExpr(a[1] as unknown[]) };
  }
  // [expr, 'and'|'or', expr, ...]: 'and' binds tighter than 'or'
  const ors: FilterNode[][] = [[]];
  let expectOperand = true;
  for (const el of a) {
    if (expectOperand) {
      if (isFilterObject(el)) ors[ors.length - 1]!.push({ kind: 'term', filter: normalise(el) });
      else if (Array.isArray(el)) ors[ors.length - 1]!.push(parseExpr(el));
      else fail(E.SRCH_FILTER_EXPR, `Malformed filter expression near ${JSON.stringify(el)}`);
    } else {
      const op = typeof el === 'string' ? el.toLowerCase() : '';
      if (op === 'or') ors.push([]);
      else if (op !== 'and') fail(E.SRCH_FILTER_EXPR, `Expected 'and' or 'or' in filter expression, got ${JSON.stringify(el)}`);
    }
    expectOperand = !expectOperand;
  }
  if (expectOperand) fail(E.SRCH_FILTER_EXPR, 'Filter expression ends with an operator.');
  const ands = ors.map((nodes): FilterNode => (nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes }));
  return ands.length === 1 ? ands[0]! : { kind: 'or', nodes: ands };
}

/** Reject unknown fields, joins and operators before running. */
export function checkFilters(db: Database, defs: RecordTypeDef[], node: FilterNode): void {
  if (node.kind === 'not') return checkFilters(db, defs, node.node);
  if (node.kind !== 'term') { node.nodes.forEach((n) => checkFilters(db, defs, n)); return; }
  const f = node.filter;
  if (f.formula || f.name.startsWith('formula')) fail(E.SRCH_FILTER, `Formula filters are not supported by the sandbox (${f.name}).`);
  if (!OPERATORS.has(f.operator)) fail(E.SRCH_OPERATOR, `Invalid search operator: ${f.operator}`);
  if (f.join) {
    const k = joinKnows(db, defs, f.join, f.name);
    if (k === 'badjoin') fail(E.SRCH_FILTER_JOIN, `An nlobjSearchFilter contains an invalid join ID: ${f.join}`);
    if (!k) fail(E.SRCH_FILTER, `An nlobjSearchFilter contains invalid search criteria: ${f.join}.${f.name}`);
  } else if (!defs.some((d) => knowsField(d, f.name))) {
    fail(E.SRCH_FILTER, `An nlobjSearchFilter contains invalid search criteria: ${f.name}`);
  }
  const kind = staticKind(db, defs, f.name, f.join)?.kind;
  if (kind && !opsFor(kind, f.name).includes(f.operator)) fail(E.SRCH_OPERATOR, `Operator ${f.operator} is not valid for field ${f.join ? `${f.join}.` : ''}${f.name} (${kind}).`);
}

const fieldOf = (db: Database, row: Row, f: FilterSpec): Resolved | undefined => (f.join ? resolveJoined(db, row, f.join, f.name) : resolve(db, row, f.name));

export function evaluate(db: Database, row: Row, node: FilterNode): boolean {
  switch (node.kind) {
    case 'and': return node.nodes.every((n) => evaluate(db, row, n));
    case 'or': return node.nodes.some((n) => evaluate(db, row, n));
    case 'not': return !evaluate(db, row, node.node);
    case 'term': {
      const r = fieldOf(db, row, node.filter);
      if (!r) return false; // field not on this record type (multi-type searches)
      return matches(db, r, node.filter);
    }
  }
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).toLowerCase();

function relativeDate(db: Database, v: unknown): { from: Date; to: Date } | null {
  const now = db.clock.now();
  const today = startOfDay(now);
  const day = 86_400_000;
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  const m = /^(daysago|daysfromnow|hoursago|hoursfromnow)(\d+)$/.exec(s);
  if (s === 'today') return { from: today, to: new Date(today.getTime() + day - 1) };
  if (s === 'yesterday') return { from: new Date(today.getTime() - day), to: new Date(today.getTime() - 1) };
  if (s === 'tomorrow') return { from: new Date(today.getTime() + day), to: new Date(today.getTime() + 2 * day - 1) };
  if (m) {
    const n = Number(m[2]);
    const at = m[1]!.startsWith('days') ? new Date(today.getTime() + (m[1] === 'daysago' ? -n : n) * day) : new Date(now.getTime() + (m[1] === 'hoursago' ? -n : n) * 3_600_000);
    return m[1]!.startsWith('days') ? { from: at, to: new Date(at.getTime() + day - 1) } : { from: at, to: at };
  }
  const d = parseDate(v);
  if (!d) return null;
  const hasTime = typeof v === 'string' && /\d:\d/.test(v) || (v instanceof Date);
  return hasTime ? { from: d, to: d } : { from: startOfDay(d), to: new Date(startOfDay(d).getTime() + day - 1) };
}

function matches(db: Database, r: Resolved, f: FilterSpec): boolean {
  const op = f.operator;
  if (!opsFor(r.kind, f.name).includes(op)) fail(E.SRCH_OPERATOR, `Operator ${op} is not valid for field ${f.join ? `${f.join}.` : ''}${f.name} (${r.kind}).`);
  const v = r.value;
  if (op === 'isempty') return isEmpty(v);
  if (op === 'isnotempty') return !isEmpty(v);
  if (op === 'any') return true;
  const vals = f.values;
  switch (r.kind) {
    case 'checkbox':
    case 'mainline': {
      const want = vals[0] === true || String(vals[0]).toUpperCase() === 'T';
      return (v === true) === want;
    }
    case 'select':
    case 'multiselect': {
      const have = Array.isArray(v) ? v.map(String) : isEmpty(v) ? [] : [String(v)];
      const want = vals.flatMap((x) => (Array.isArray(x) ? x : [x])).map((x) => String(x));
      const wantsNone = want.includes('@NONE@');
      const anyHit = have.some((h) => want.includes(h)) || (wantsNone && have.length === 0);
      if (op === 'anyof') return anyHit;
      if (op === 'noneof') return !anyHit;
      if (op === 'allof') return want.every((w) => have.includes(w));
      if (op === 'notallof') return !want.every((w) => have.includes(w));
      if (op === 'is') return want.includes(have[0] ?? '');
      return compareNumber(Number(v), op, vals);
    }
    case 'integer': case 'float': case 'currency': case 'percent':
      if (isEmpty(v)) return op === 'notequalto' || op === 'notbetween';
      return compareNumber(Number(v), op, vals);
    case 'date': case 'datetime': {
      if (isEmpty(v)) return op === 'noton' || op === 'notwithin';
      const t = (v as Date).getTime();
      const a = relativeDate(db, vals[0]);
      if (!a) return fail(E.SRCH_FILTER, `Invalid date value for ${f.name}: ${JSON.stringify(vals[0])}`);
      switch (op) {
        case 'on': return t >= a.from.getTime() && t <= a.to.getTime();
        case 'noton': return !(t >= a.from.getTime() && t <= a.to.getTime());
        case 'before': return t < a.from.getTime();
        case 'after': return t > a.to.getTime();
        case 'onorbefore': return t <= a.to.getTime();
        case 'onorafter': return t >= a.from.getTime();
        case 'within': case 'notwithin': {
          const b = relativeDate(db, vals[1] ?? vals[0]);
          if (!b) return fail(E.SRCH_FILTER, `Invalid date value for ${f.name}: ${JSON.stringify(vals[1])}`);
          const inside = t >= a.from.getTime() && t <= b.to.getTime();
          return op === 'within' ? inside : !inside;
        }
        default: return false;
      }
    }
    default: {
      const s = str(v);
      const w = str(vals[0]);
      if (op === 'anyof' || op === 'noneof') {
        const hit = vals.flatMap((x) => (Array.isArray(x) ? x : [x])).some((x) => str(x) === s);
        return op === 'anyof' ? hit : !hit;
      }
      switch (op) {
        case 'is': return s === w;
        case 'isnot': return s !== w;
        case 'contains': case 'haskeywords': return s.includes(w);
        case 'doesnotcontain': return !s.includes(w);
        case 'startswith': return s.startsWith(w);
        case 'doesnotstartwith': return !s.startsWith(w);
        default: return false;
      }
    }
  }
}

function compareNumber(n: number, op: string, vals: unknown[]): boolean {
  const a = Number(vals[0]);
  const b = Number(vals[1]);
  switch (op) {
    case 'equalto': return n === a;
    case 'notequalto': return n !== a;
    case 'greaterthan': return n > a;
    case 'greaterthanorequalto': return n >= a;
    case 'lessthan': return n < a;
    case 'lessthanorequalto': return n <= a;
    case 'between': return n >= a && n <= b;
    case 'notbetween': return !(n >= a && n <= b);
    default: return false;
  }
}
