/**
 * The saved searches operations, finance and customer service work from, as data. SDF cannot carry
 * hand-written saved-search definitions (a savedsearch object is an opaque blob exported from an
 * account), so the installation script and the setup page create them from this catalogue
 * (netsuite/searches/search-setup.ts). Their ids are not SDF objects, which is why they live here
 * and not in ids.ts.
 * List values are symbolic ({ list, key }): the adapter resolves them per account.
 */
import { RECORDS, ROLES, LISTS } from '../../ids';
import type { OwnerTeam } from '../exceptions/exception';

type ListName = keyof typeof LISTS;
export interface ListRef {
  list: ListName;
  key: string;
}
export type FilterValue = string | number | ListRef;
/** A filter expression: [field, operator, ...values], or nested expressions joined by 'and'/'or'. */
export type FilterExpr = ReadonlyArray<FilterValue | FilterExpr | 'and' | 'or'>;

export interface ColumnDef {
  name: string;
  join?: string;
  sort?: 'ASC' | 'DESC';
  label?: string;
}

export interface SavedSearchDef {
  id: string;
  title: string;
  type: string;
  filters: FilterExpr;
  columns: readonly ColumnDef[];
  /** Roles the search is meant for (docs, the work page's "your searches"). */
  roles: readonly string[];
}

export interface CatalogueSettings {
  /** Orders without a ship date are due for despatch this many days after their date (config). */
  despatchLeadDays: number;
}

const X = RECORDS.exception.fields;
const S = RECORDS.sync.fields;
const ref = (list: ListName, key: string): ListRef => ({ list, key });
const OPEN: FilterExpr = [X.status, 'anyof', ref('exceptionStatus', 'open')];

/** Columns of an exception list: most urgent first (respond-by ascending puts overdue on top). */
const EXCEPTION_COLUMNS: readonly ColumnDef[] = [
  { name: X.respondBy, sort: 'ASC' },
  { name: X.severity },
  { name: X.type },
  { name: X.ownerTeam },
  { name: X.transaction },
  { name: X.item },
  { name: X.firstSeen },
  { name: X.occurrences },
  { name: X.message },
];

const TEAM_ROLES: Readonly<Record<OwnerTeam, readonly string[]>> = {
  operations: [ROLES.operations, ROLES.integrationAdmin],
  finance: [ROLES.finance, ROLES.integrationAdmin],
  customerService: [ROLES.customerService, ROLES.integrationAdmin],
  admin: [ROLES.integrationAdmin],
};

const TEAM_SEARCH: Readonly<Record<OwnerTeam, { id: string; title: string }>> = {
  operations: { id: 'customsearch_scend_exc_open_ops', title: 'Scend: open exceptions — Operations' },
  finance: { id: 'customsearch_scend_exc_open_finance', title: 'Scend: open exceptions — Finance' },
  customerService: { id: 'customsearch_scend_exc_open_cs', title: 'Scend: open exceptions — Customer service' },
  admin: { id: 'customsearch_scend_exc_open_admin', title: 'Scend: open exceptions — Integration admin' },
};

export const teamSearchId = (team: OwnerTeam): string => TEAM_SEARCH[team].id;

function openExceptionsOf(team: OwnerTeam): SavedSearchDef {
  return {
    ...TEAM_SEARCH[team],
    type: RECORDS.exception.id,
    filters: [OPEN, 'and', [X.ownerTeam, 'anyof', ref('ownerTeam', team)]],
    columns: EXCEPTION_COLUMNS,
    roles: TEAM_ROLES[team],
  };
}

function openExceptionsOfType(id: string, title: string, type: string, roles: readonly string[], first: ColumnDef): SavedSearchDef {
  return {
    id,
    title,
    type: RECORDS.exception.id,
    filters: [OPEN, 'and', [X.type, 'anyof', ref('exceptionType', type)]],
    columns: [first, ...EXCEPTION_COLUMNS.filter((c) => c.name !== first.name).map((c) => ({ name: c.name, join: c.join, label: c.label }))],
    roles,
  };
}

const LEDGER = S.transaction; // join id: the ledger's select field pointing at the order
const ORDER_COLUMNS: readonly ColumnDef[] = [
  { name: 'trandate', sort: 'ASC' },
  { name: 'tranid' },
  { name: 'entity' },
  { name: 'shipdate' },
  { name: 'status' },
];
const NOT_FULFILLED: FilterExpr = ['status', 'anyof', 'SalesOrd:B', 'SalesOrd:D', 'SalesOrd:E'];
const ledgerState = (...keys: string[]): FilterExpr => [`${LEDGER}.${S.state}`, 'anyof', ...keys.map((k) => ref('syncState', k))];

export function savedSearchCatalogue(settings: CatalogueSettings): SavedSearchDef[] {
  const ops = [ROLES.operations, ROLES.integrationAdmin];
  return [
    openExceptionsOf('operations'),
    openExceptionsOf('finance'),
    openExceptionsOf('customerService'),
    openExceptionsOf('admin'),
    {
      id: 'customsearch_scend_so_not_in_scend',
      title: 'Scend: approved orders not in Scend',
      type: 'salesorder',
      // Approved and unfulfilled, and either never queued (no ledger entry) or queued but not (yet) sent.
      filters: [
        ['mainline', 'is', 'T'],
        'and', NOT_FULFILLED,
        'and', [[`${LEDGER}.internalid`, 'anyof', '@NONE@'], 'or', ledgerState('sending', 'retrying', 'blocked', 'failed')],
      ],
      columns: [...ORDER_COLUMNS, { name: S.state, join: LEDGER, label: 'Why: ledger state' }, { name: S.lastError, join: LEDGER, label: 'Why: last error' }, { name: S.nextAttemptAt, join: LEDGER }],
      roles: [...ops, ROLES.customerService],
    },
    {
      id: 'customsearch_scend_so_not_despatched',
      title: 'Scend: in Scend, not despatched past despatch-by date',
      type: 'salesorder',
      // Despatch-by is the ship date, else the order date plus the configured lead days (as sent to Scend).
      filters: [
        ['mainline', 'is', 'T'],
        'and', NOT_FULFILLED,
        'and', ledgerState('sent'),
        'and', [`${LEDGER}.${S.scendStatus}`, 'isnot', 'DESPATCHED'],
        'and', [['shipdate', 'before', 'today'], 'or', [['shipdate', 'isempty', ''], 'and', ['trandate', 'before', `daysago${settings.despatchLeadDays}`]]],
      ],
      columns: [...ORDER_COLUMNS, { name: S.scendStatus, join: LEDGER, label: 'Scend status' }, { name: S.scendId, join: LEDGER, label: 'Scend order' }],
      roles: ops,
    },
    {
      id: 'customsearch_scend_so_not_fulfilled',
      title: 'Scend: despatched in Scend, not fulfilled in NetSuite',
      type: 'salesorder',
      filters: [['mainline', 'is', 'T'], 'and', NOT_FULFILLED, 'and', [`${LEDGER}.${S.scendStatus}`, 'is', 'DESPATCHED']],
      columns: [...ORDER_COLUMNS, { name: S.scendId, join: LEDGER, label: 'Scend order' }],
      roles: [...ops, ROLES.finance],
    },
    openExceptionsOfType('customsearch_scend_stock_drift', 'Scend: stock drift by SKU', 'stockDrift', [...ops, ROLES.finance], { name: X.item, sort: 'ASC' }),
    openExceptionsOfType('customsearch_scend_receipt_variance', 'Scend: receipt variances', 'receiptVariance', [ROLES.finance, ...ops], { name: X.firstSeen, sort: 'ASC' }),
    openExceptionsOfType('customsearch_scend_returns_no_auth', 'Scend: returns waiting for an authorization', 'returnWithoutAuthorization', [ROLES.customerService, ROLES.integrationAdmin], { name: X.firstSeen, sort: 'ASC' }),
  ];
}
