/** Where a page links to: built by the Suitelet with N/url, so core renders without N/*. */
export interface PageLinks {
  exception(id: string): string;
  salesOrder(id: string): string;
  item(id: string): string;
  ledger(id: string): string;
  feedCursor(id: string): string;
  location(id: string): string;
  /** The record type's list (e.g. every open exception). */
  recordList(recordType: string): string;
  /** Another Suitelet page of the connector. */
  page(name: 'dashboard' | 'audit' | 'configCheck'): string;
}
