/**
 * N/search for the sandbox: create/load/delete/lookupFields, Filter and Column objects, Search.run()
 * (each stops with SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED past 4,000 rows; getRange serves at most 1,000),
 * runPaged/fetch, and saved searches by script id. Every call is charged at NetSuite's unit cost.
 */
import type { Kernel } from '../kernel/kernel';
import type { Database } from '../data/database';
import { E, fail } from '../data/errors';
import { execute, normaliseColumn, validateSearch, type Cell, type ColumnSpec, type ResultRow } from '../data/search/engine';
import { OPERATORS, parseFilters, type FilterNode, type FilterSpec } from '../data/search/filters';
import { resolve, resolveJoined, typesOf } from '../data/search/rows';
import { formatDate, formatDateTime, isEmpty } from '../data/values';

type Opts = Record<string, unknown>;

export const Operator = {
  AFTER: 'after', ALLOF: 'allof', ANY: 'any', ANYOF: 'anyof', BEFORE: 'before', BETWEEN: 'between', CONTAINS: 'contains',
  DOESNOTCONTAIN: 'doesnotcontain', DOESNOTSTARTWITH: 'doesnotstartwith', EQUALTO: 'equalto', GREATERTHAN: 'greaterthan',
  GREATERTHANOREQUALTO: 'greaterthanorequalto', HASKEYWORDS: 'haskeywords', IS: 'is', ISEMPTY: 'isempty', ISNOT: 'isnot',
  ISNOTEMPTY: 'isnotempty', LESSTHAN: 'lessthan', LESSTHANOREQUALTO: 'lessthanorequalto', NONEOF: 'noneof', NOTALLOF: 'notallof',
  NOTBETWEEN: 'notbetween', NOTEQUALTO: 'notequalto', NOTON: 'noton', NOTWITHIN: 'notwithin', ON: 'on', ONORAFTER: 'onorafter',
  ONORBEFORE: 'onorbefore', STARTSWITH: 'startswith', WITHIN: 'within',
} as const;
export const Summary = { GROUP: 'GROUP', COUNT: 'COUNT', SUM: 'SUM', AVG: 'AVG', MIN: 'MIN', MAX: 'MAX' } as const;
export const Sort = { ASC: 'ASC', DESC: 'DESC', NONE: 'NONE' } as const;
export const SearchType = {
  TRANSACTION: 'transaction', SALES_ORDER: 'salesorder', ITEM_FULFILLMENT: 'itemfulfillment', PURCHASE_ORDER: 'purchaseorder',
  ITEM_RECEIPT: 'itemreceipt', RETURN_AUTHORIZATION: 'returnauthorization', INVENTORY_ADJUSTMENT: 'inventoryadjustment',
  ITEM: 'item', INVENTORY_ITEM: 'inventoryitem', KIT_ITEM: 'kititem', NON_INVENTORY_ITEM: 'noninventoryitem', SERVICE_ITEM: 'serviceitem',
  CUSTOMER: 'customer', VENDOR: 'vendor', LOCATION: 'location', ENTITY: 'entity', SAVED_SEARCH: 'savedsearch',
} as const;

const EACH_LIMIT = 4000;
const RANGE_LIMIT = 1000;

const promised = <A extends unknown[], R>(fn: (...a: A) => R) =>
  Object.assign(fn, { promise: (...a: A): Promise<R> => new Promise<R>((res, rej) => { try { res(fn(...a)); } catch (e) { rej(e); } }) });

export interface SearchColumn extends ColumnSpec { toJSON(): ColumnSpec }
export interface SearchFilter extends FilterSpec { toJSON(): FilterSpec }

function makeColumn(c: ColumnSpec): SearchColumn {
  const col = { ...c, summary: c.summary?.toUpperCase(), toJSON: () => ({ name: c.name, join: c.join, summary: c.summary?.toUpperCase(), sort: c.sort, label: c.label }) };
  return col as SearchColumn;
}

function makeFilter(f: FilterSpec): SearchFilter {
  if (!OPERATORS.has(f.operator)) fail(E.SRCH_OPERATOR, `Invalid search operator: ${f.operator}`);
  return { ...f, toJSON: () => ({ name: f.name, join: f.join, operator: f.operator, values: f.values, summary: f.summary, formula: f.formula }) };
}

const columnKey = (c: ColumnSpec): string => {
  const base = c.join ? `${c.join}.${c.name}` : c.name;
  return c.summary ? `${c.summary.toUpperCase()}(${base})` : base;
};

function nodeToExpression(node: FilterNode): unknown[] {
  switch (node.kind) {
    case 'term': {
      const f = node.filter;
      return [f.join ? `${f.join}.${f.name}` : f.name, f.operator, ...f.values];
    }
    case 'not':
      return ['NOT', nodeToExpression(node.node)];
    default: {
      const out: unknown[] = [];
      node.nodes.forEach((n, i) => { if (i > 0) out.push(node.kind); out.push(nodeToExpression(n)); });
      return out;
    }
  }
}

const terms = (node: FilterNode): FilterSpec[] => (node.kind === 'term' ? [node.filter] : node.kind === 'not' ? terms(node.node) : node.nodes.flatMap(terms));

export class SandboxResult {
  constructor(readonly id: string | null, readonly recordType: string | null, readonly columns: SearchColumn[], private readonly cells: Cell[]) {}

  private find(arg: unknown): Cell | undefined {
    const want = typeof arg === 'string' ? normaliseColumn(arg) : normaliseColumn(arg);
    const wantSummary = want.summary?.toLowerCase();
    const i = this.columns.findIndex((c) => c.name === want.name && (c.join ?? '') === (want.join ?? '') && (wantSummary === undefined || (c.summary ?? '').toLowerCase() === wantSummary));
    return i < 0 ? undefined : this.cells[i];
  }

  getValue(arg: unknown): unknown {
    const c = this.find(arg);
    return c === undefined ? null : c.value;
  }

  getText(arg: unknown): string | null {
    const c = this.find(arg);
    return c === undefined ? null : c.text;
  }

  toJSON(): { recordType: string | null; id: string | null; values: Record<string, unknown> } {
    const values: Record<string, unknown> = {};
    this.columns.forEach((c, i) => { values[columnKey(c)] = this.cells[i]!.jsonValue; });
    return { recordType: this.recordType, id: this.id, values };
  }
}

export function createSearchModule(kernel: Kernel, db: Database) {
  const charge = (units: number, what: string) => kernel.current().governor.charge(units, what);

  class SandboxSearch {
    searchType: string;
    id: string | null;
    searchId: number;
    title: string;
    isPublic = false;
    settings: unknown[] = [];
    private node: FilterNode;
    private cols: SearchColumn[];

    constructor(type: string, filters: unknown, columns: unknown, id: string | null = null, title = '', searchId = -1, isPublic = false) {
      this.searchType = String(type).toLowerCase();
      typesOf(db, this.searchType);
      this.node = parseFilters(filters);
      this.cols = ((columns as unknown[]) ?? []).map((c) => makeColumn(normaliseColumn(c)));
      this.id = id;
      this.title = title;
      this.searchId = searchId;
      this.isPublic = isPublic;
      validateSearch(db, this.definition());
    }

    definition() {
      return { type: this.searchType, filters: this.node, columns: this.cols.map((c) => normaliseColumn(c)) };
    }

    get filters(): SearchFilter[] { return terms(this.node).map(makeFilter); }
    set filters(v: unknown) { const n = parseFilters(v); validateSearch(db, { ...this.definition(), filters: n }); this.node = n; }
    get filterExpression(): unknown[] { return this.node.kind === 'and' && this.node.nodes.length === 0 ? [] : nodeToExpression(this.node); }
    set filterExpression(v: unknown) { this.filters = v; }
    get columns(): SearchColumn[] { return [...this.cols]; }
    set columns(v: unknown) {
      const cols = ((v as unknown[]) ?? []).map((c) => makeColumn(normaliseColumn(c)));
      validateSearch(db, { ...this.definition(), columns: cols.map((c) => normaliseColumn(c)) });
      this.cols = cols;
    }

    private results(): SandboxResult[] {
      kernel.access?.require(this.searchType, 'view');
      const cols = this.cols;
      return execute(db, this.definition()).map((r: ResultRow) => new SandboxResult(r.id, r.recordType, cols, r.cells));
    }

    run() {
      const results = () => this.results();
      const each = (callback: (r: SandboxResult) => unknown): void => {
        charge(10, 'ResultSet.each');
        const all = results();
        for (let i = 0; i < all.length; i++) {
          if (i >= EACH_LIMIT) fail(E.FOR_EACH_LIMIT, 'No more than 4000 search results may be returned at one time from nlobjSearchResultSet.forEachResult(callback). Please revise your search criteria or modify the callback logic so that no more than 4000 results are returned.');
          if (callback(all[i]!) !== true) return;
        }
      };
      const getRange = (o: Opts): SandboxResult[] => {
        charge(10, 'ResultSet.getRange');
        const start = Number(o?.start);
        const end = Number(o?.end);
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) fail('SSS_INVALID_SEARCH_RESULT_INDEX', `Invalid search result range ${String(o?.start)}..${String(o?.end)}`);
        if (end - start > RANGE_LIMIT) fail(E.SEARCH_RESULT_LIMIT, 'No more than 1000 search results may be requested at one time from nlobjSearchResultSet.getResults(). Please narrow your range, or use nlobjSearchResultSet.forEachResult() instead.');
        return results().slice(start, end);
      };
      return { columns: this.columns, each: promised(each), getRange: promised(getRange) };
    }

    runPaged(o: Opts = {}) {
      charge(5, 'Search.runPaged');
      const pageSize = o.pageSize === undefined ? 50 : Number(o.pageSize);
      if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 1000) fail(E.INVALID_PAGE_RANGE, `Invalid page size ${String(o.pageSize)}: it must be between 5 and 1000.`);
      const all = this.results();
      const pageCount = Math.ceil(all.length / pageSize);
      const pageRanges = Array.from({ length: pageCount }, (_, index) => ({ index, compoundLabel: `${index * pageSize + 1} \u2013 ${Math.min(all.length, (index + 1) * pageSize)}` }));
      const pagedData = {
        count: all.length, pageSize, pageRanges, searchDefinition: this as SandboxSearch,
        fetch: promised((f: Opts) => fetchPage(Number(f?.index))),
      };
      function fetchPage(index: number): Record<string, unknown> {
        charge(5, 'PagedData.fetch');
        if (!Number.isInteger(index) || index < 0 || index >= pageCount) fail(E.INVALID_PAGE_INDEX, `Invalid page index ${index}: there are ${pageCount} pages.`);
        return {
          data: all.slice(index * pageSize, (index + 1) * pageSize), pagedData, pageRange: pageRanges[index],
          isFirst: index === 0, isLast: index === pageCount - 1,
          next: () => fetchPage(index + 1), prev: () => fetchPage(index - 1),
        };
      }
      return pagedData;
    }

    /** Saves (or updates) the saved search; id must start with customsearch. */
    save(o: Opts = {}): number {
      charge(5, 'Search.save');
      const id = String(o.id ?? this.id ?? '').toLowerCase();
      const title = String(o.title ?? this.title ?? '');
      if (!title) fail(E.MISSING_ARG, 'Missing a required argument: title');
      if (!/^customsearch[a-z0-9_]*$/.test(id)) fail(E.INVALID_SEARCH_ID, `Invalid saved search id ${JSON.stringify(id)}: it must start with customsearch.`);
      const existing = db.savedSearches.get(id);
      if (existing && existing.internalId !== this.searchId) fail(E.DUP_SEARCH_ID, `A saved search with id ${id} already exists.`);
      const internalId = existing?.internalId ?? db.allocateSavedSearchId();
      db.savedSearches.set(id, { id, internalId, title, type: this.searchType, filterExpression: this.filterExpression, columns: this.cols.map((c) => c.toJSON()), isPublic: this.isPublic === true });
      this.id = id;
      this.title = title;
      this.searchId = internalId;
      return internalId;
    }
  }

  const findSaved = (id: unknown) => {
    const key = String(id ?? '').toLowerCase();
    const hit = db.savedSearches.get(key) ?? [...db.savedSearches.values()].find((s) => String(s.internalId) === key);
    if (!hit) fail(E.INVALID_SEARCH, `That search or mass update does not exist: ${String(id)}`);
    return hit!;
  };

  const create = (o: Opts): SandboxSearch => {
    if (!o?.type) fail(E.MISSING_ARG, 'Missing a required argument: type');
    return new SandboxSearch(String(o.type), o.filters, o.columns, o.id ? String(o.id) : null, o.title ? String(o.title) : '');
  };

  const load = (o: Opts): SandboxSearch => {
    charge(5, 'search.load');
    if (!o?.id) fail(E.MISSING_ARG, 'Missing a required argument: id');
    const s = findSaved(o.id);
    return new SandboxSearch(s.type, s.filterExpression, s.columns, s.id, s.title, s.internalId, s.isPublic === true);
  };

  const del = (o: Opts): void => {
    charge(5, 'search.delete');
    db.savedSearches.delete(findSaved(o?.id).id);
  };

  const lookupFields = (o: Opts): Record<string, unknown> => {
    charge(1, 'search.lookupFields');
    const type = String(o?.type ?? '');
    if (!type) fail(E.MISSING_ARG, 'Missing a required argument: type');
    const cols = (Array.isArray(o.columns) ? o.columns : [o.columns]).map((c) => String(c));
    const rec = storedForLookup(type, o.id);
    const def = db.registry.get(rec.type);
    kernel.access?.require(def.id, 'view');
    // Columns are checked against the search type asked for ('item' spans every item type), as NetSuite does.
    validateSearch(db, { type: candidatesType(type, def.id), filters: { kind: 'and', nodes: [] }, columns: cols.map((c) => normaliseColumn(c)) });
    const row = { def, rec, line: null };
    const out: Record<string, unknown> = {};
    for (const name of cols) {
      const c = normaliseColumn(name);
      const r = c.join ? resolveJoined(db, row, c.join, c.name) : resolve(db, row, c.name);
      out[name] = lookupValue(r);
    }
    return out;
  };

  const candidatesType = (asked: string, concrete: string): string => (typesOf(db, asked).length > 1 ? asked.toLowerCase() : concrete);

  /** lookupFields accepts search types that span record types ('item', 'transaction', 'entity'), as NetSuite does. */
  function storedForLookup(type: string, id: unknown): ReturnType<Database['getStored']> {
    const candidates = typesOf(db, type);
    if (candidates.length === 1) return db.getStored(candidates[0].id, id);
    for (const def of candidates) {
      const found = db.store.get(def.id, Number(id));
      if (found) return found;
    }
    return fail(E.RECORD_NOT_FOUND, `That record does not exist. (${type} ${String(id)})`);
  }

  function lookupValue(r: ReturnType<typeof resolve>): unknown {
    if (!r) return '';
    const v = r.value;
    switch (r.kind) {
      case 'checkbox': case 'mainline': return v === true;
      case 'select': case 'multiselect': {
        const ids = Array.isArray(v) ? v.map(String) : isEmpty(v) ? [] : [String(v)];
        return ids.map((id) => ({ value: id, text: r.options ? r.options.find((x) => x.value === id)?.text ?? id : r.idSelf ? id : r.ref ? db.refs.name(r.ref, Number(id)) : id }));
      }
      case 'date': return isEmpty(v) ? '' : formatDate(v as Date);
      case 'datetime': return isEmpty(v) ? '' : formatDateTime(v as Date);
      default: return isEmpty(v) ? '' : String(v);
    }
  }

  const createFilter = (o: Opts): SearchFilter => {
    if (!o?.name) fail(E.MISSING_ARG, 'Missing a required argument: name');
    if (!o?.operator) fail(E.MISSING_ARG, 'Missing a required argument: operator');
    const values = o.values === undefined ? [] : Array.isArray(o.values) ? o.values : [o.values];
    return makeFilter({ name: String(o.name).toLowerCase(), join: o.join ? String(o.join).toLowerCase() : undefined, operator: String(o.operator).toLowerCase(), values, formula: o.formula as string | undefined, summary: o.summary as string | undefined });
  };

  const createColumn = (o: Opts): SearchColumn => {
    if (!o?.name) fail(E.MISSING_ARG, 'Missing a required argument: name');
    return makeColumn(normaliseColumn(o));
  };

  return {
    Type: SearchType, Operator, Summary, Sort,
    create: promised(create), load: promised(load), delete: promised(del), lookupFields: promised(lookupFields),
    createFilter, createColumn,
  };
}

export type SearchModule = ReturnType<typeof createSearchModule>;
