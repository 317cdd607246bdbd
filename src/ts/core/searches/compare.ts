/**
 * Is a saved search as the catalogue defines it? Filter expressions are compared as canonical
 * trees (operators and field ids lower case, nested 'and's flattened, values as strings, the empty
 * value of isempty/isnotempty dropped), so the same definition read back from NetSuite in another
 * shape is not mistaken for a change — and anything a person altered is.
 */
import type { ColumnDef } from './catalogue';

type Node = { t: 'term'; name: string; op: string; values: string[] } | { t: 'and' | 'or'; nodes: Node[] };

const isJoiner = (v: unknown): v is string => typeof v === 'string' && (v.toLowerCase() === 'and' || v.toLowerCase() === 'or');

function isTerm(a: readonly unknown[]): boolean {
  return typeof a[0] === 'string' && typeof a[1] === 'string' && !isJoiner(a[1]) && !isJoiner(a[0]);
}

function toNode(expr: readonly unknown[]): Node {
  if (isTerm(expr)) {
    const [name, op, ...rest] = expr as [string, string, ...unknown[]];
    const flat = rest.flatMap((v) => (Array.isArray(v) ? v : [v])).map((v) => String(v));
    const lowOp = op.toLowerCase();
    const values = lowOp === 'isempty' || lowOp === 'isnotempty' ? [] : flat;
    return { t: 'term', name: name.toLowerCase(), op: lowOp, values };
  }
  // [expr, joiner, expr, ...]: 'and' binds tighter than 'or'
  const ors: Node[][] = [[]];
  for (const el of expr) {
    if (isJoiner(el)) {
      if (el.toLowerCase() === 'or') ors.push([]);
    } else if (Array.isArray(el)) ors[ors.length - 1].push(toNode(el));
  }
  const and = (nodes: Node[]): Node => (nodes.length === 1 ? nodes[0] : { t: 'and', nodes: nodes.flatMap((n) => (n.t === 'and' ? n.nodes : [n])) });
  const groups = ors.map(and);
  return groups.length === 1 ? groups[0] : { t: 'or', nodes: groups.flatMap((n) => (n.t === 'or' ? n.nodes : [n])) };
}

/** A stable text of a filter expression (empty expression: ''). */
export function canonicalFilters(expr: readonly unknown[]): string {
  return expr.length === 0 ? '' : JSON.stringify(toNode(expr));
}

export interface ColumnLike {
  name: string;
  join?: string | null;
  sort?: string | null;
  label?: string | null;
  summary?: string | null;
}

export function canonicalColumns(columns: readonly ColumnLike[]): string {
  return JSON.stringify(
    columns.map((c) => [
      c.name.toLowerCase(),
      (c.join ?? '').toLowerCase(),
      (c.summary ?? '').toUpperCase(),
      !c.sort || c.sort.toUpperCase() === 'NONE' ? '' : c.sort.toUpperCase(),
      c.label ?? '',
    ]),
  );
}

export interface SearchState {
  title: string;
  type: string;
  isPublic: boolean;
  filterExpression: readonly unknown[];
  columns: readonly ColumnLike[];
}

/** What differs between the wanted search and the one in the account (empty: it is right). */
export function searchDifferences(wanted: SearchState, actual: SearchState): string[] {
  const out: string[] = [];
  if (wanted.type.toLowerCase() !== actual.type.toLowerCase()) out.push('type');
  if (wanted.title !== actual.title) out.push('title');
  if (wanted.isPublic !== actual.isPublic) out.push('sharing');
  if (canonicalFilters(wanted.filterExpression) !== canonicalFilters(actual.filterExpression)) out.push('filters');
  if (canonicalColumns(wanted.columns) !== canonicalColumns(actual.columns)) out.push('columns');
  return out;
}

export const columnsOf = (defs: readonly ColumnDef[]): ColumnLike[] => defs.map((d) => ({ name: d.name, join: d.join, sort: d.sort, label: d.label }));
