/**
 * Creates or repairs the catalogue's saved searches. Idempotent: a search that is already as
 * defined is not saved again (a second run changes nothing); one that differs (a person changed
 * its filters, columns, title or sharing) is put back; one of the wrong record type is deleted and
 * created again. Each search is public (Search.isPublic): SuiteScript cannot set a search's role
 * audience, and the connector's records are visible only to its roles (permission lists), so each
 * team's search is the one named for its role (docs/operations.md).
 * Costs per search: load 5, and save 5 when it changes (about 100 units for all).
 */
import * as search from 'N/search';
import { checkConfig } from '../config-repository';
import { CONFIG_DEFAULTS } from '../../core/config';
import { savedSearchCatalogue, type FilterExpr, type ListRef, type SavedSearchDef } from '../../core/searches/catalogue';
import { columnsOf, searchDifferences, type ColumnLike } from '../../core/searches/compare';
import { LISTS } from '../../ids';
import { listId } from '../orders/list-values';
import { errorName } from '../error-name';

export interface SearchSetupResult {
  id: string;
  title: string;
  outcome: 'created' | 'repaired' | 'unchanged' | 'failed';
  /** What was wrong (repaired) or the error (failed). */
  detail: string;
}

export interface SearchSetupReport {
  results: SearchSetupResult[];
  /** created + repaired: 0 when everything was already right. */
  changes: number;
}

const isRef = (v: unknown): v is ListRef => typeof v === 'object' && v !== null && !Array.isArray(v) && 'list' in v;

/** The expression with list values resolved to this account's internal ids. */
export function resolveFilters(expr: FilterExpr): unknown[] {
  return expr.map((v) => {
    if (Array.isArray(v)) return resolveFilters(v as FilterExpr);
    if (isRef(v)) return listId(v.list as keyof typeof LISTS, v.key as never);
    return v;
  });
}

const columnObjects = (def: SavedSearchDef): search.Column[] =>
  def.columns.map((c) => search.createColumn({ name: c.name, ...(c.join ? { join: c.join } : {}), ...(c.sort ? { sort: c.sort === 'ASC' ? search.Sort.ASC : search.Sort.DESC } : {}), ...(c.label ? { label: c.label } : {}) }));

function loadSaved(id: string): search.Search | undefined {
  try {
    return search.load({ id });
  } catch (e) {
    // NetSuite Help, search.load: INVALID_SEARCH when no search has that id.
    if (errorName(e) === 'INVALID_SEARCH') return undefined;
    throw e;
  }
}

const columnsOfSearch = (s: search.Search): ColumnLike[] =>
  (s.columns as search.Column[]).map((c) => ({ name: c.name, join: c.join, sort: c.sort ? String(c.sort) : undefined, label: c.label, summary: c.summary ? String(c.summary) : undefined }));

function ensureOne(def: SavedSearchDef): SearchSetupResult {
  const base = { id: def.id, title: def.title };
  const filters = resolveFilters(def.filters);
  const wanted = { title: def.title, type: def.type, isPublic: true, filterExpression: filters, columns: columnsOf(def.columns) };
  let existing = loadSaved(def.id);
  let detail = 'missing';
  if (existing) {
    const diff = searchDifferences(wanted, {
      title: existing.title,
      type: String(existing.searchType),
      isPublic: existing.isPublic === true,
      filterExpression: existing.filterExpression as unknown[],
      columns: columnsOfSearch(existing),
    });
    if (diff.length === 0) return { ...base, outcome: 'unchanged', detail: '' };
    detail = diff.join(', ');
    if (diff.indexOf('type') >= 0) {
      search.delete({ id: def.id });
      existing = undefined;
    }
  }
  const target = existing ?? search.create({ type: def.type, id: def.id, title: def.title });
  target.title = def.title;
  target.filterExpression = filters as search.Search['filterExpression'];
  target.columns = columnObjects(def);
  target.isPublic = true;
  target.save();
  return { ...base, outcome: existing ? 'repaired' : 'created', detail };
}

/** Every catalogue search, created or repaired; one failing search does not stop the others. */
export function ensureSavedSearches(defs: readonly SavedSearchDef[] = catalogueForAccount()): SearchSetupReport {
  const results = defs.map((def) => {
    try {
      return ensureOne(def);
    } catch (e) {
      return { id: def.id, title: def.title, outcome: 'failed' as const, detail: `${errorName(e) || 'ERROR'}: ${(e as { message?: string }).message ?? String(e)}` };
    }
  });
  return { results, changes: results.filter((r) => r.outcome === 'created' || r.outcome === 'repaired').length };
}

/** The catalogue with this account's settings (lead days from the configuration, else its default). */
export function catalogueForAccount(): SavedSearchDef[] {
  const checked = checkConfig();
  return savedSearchCatalogue({ despatchLeadDays: checked.ok ? checked.config.despatchLeadDays : CONFIG_DEFAULTS.despatchLeadDays });
}
