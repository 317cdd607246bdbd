/** PageLinks over N/url: links into NetSuite records and the connector's own pages. */
import * as url from 'N/url';
import { RECORDS, SCRIPTS } from '../../ids';
import type { PageLinks } from '../../core/pages/links';

const PAGES = {
  dashboard: SCRIPTS.dashboard,
  audit: SCRIPTS.setupAudit,
  configCheck: SCRIPTS.configCheck,
} as const;

export function pageLinks(): PageLinks {
  const rec = (recordType: string, recordId: string) => url.resolveRecord({ recordType, recordId });
  return {
    exception: (id) => rec(RECORDS.exception.id, id),
    salesOrder: (id) => rec('salesorder', id),
    item: (id) => rec('inventoryitem', id),
    ledger: (id) => rec(RECORDS.sync.id, id),
    feedCursor: (id) => rec(RECORDS.feedCursor.id, id),
    location: (id) => rec('location', id),
    recordList: (recordType) => url.resolveRecord({ recordType }),
    page: (name) => url.resolveScript({ scriptId: PAGES[name].id, deploymentId: PAGES[name].deployments.main }),
  };
}
