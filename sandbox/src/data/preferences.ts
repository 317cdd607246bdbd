/**
 * Account preferences that change how transactions behave (Setup > Accounting > Accounting
 * Preferences). Defaults are NetSuite's defaults; a test or harness changes them through
 * `db.preferences` (e.g. `sb.data.db.preferences.allowNegativeInventory = true`).
 *
 * NetSuite Help: "Order Management Accounting Preferences" (Fulfill Based on Commitment, Allow
 * Overage on Item Receipts) and "Items/Transactions Accounting Preferences" (Allow Negative Inventory).
 */
export interface AccountPreferences {
  /** Fulfill Based on Commitment: 'IGNORE' (default: fulfil any available quantity) or 'LIMIT' (only what is committed to the line). */
  fulfillBasedOnCommitment: 'IGNORE' | 'LIMIT';
  /** Allow Overage on Item Receipts (default off): receive more than remains on the order line. */
  allowOverageOnItemReceipts: boolean;
  /** Allow Negative Inventory (default off): adjustments and fulfilments may take on hand below zero. */
  allowNegativeInventory: boolean;
  /**
   * Only Show Last Subitem (a user preference in NetSuite, Home > Set Preferences; one switch for
   * the sandbox's single user): off by default, so a search's `itemid` of a subitem is "Parent : Child".
   */
  onlyShowLastSubitem: boolean;
}

export const defaultPreferences = (): AccountPreferences => ({
  fulfillBasedOnCommitment: 'IGNORE',
  allowOverageOnItemReceipts: false,
  allowNegativeInventory: false,
  onlyShowLastSubitem: false,
});
