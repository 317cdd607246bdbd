/**
 * One Scend stock movement -> at most one inventory adjustment, decided purely. Exactly once per
 * MovementId: the adjustment's externalid is `movement:<MovementId>`, so NetSuite refuses a second
 * one for a redelivered movement or a restarted key (DUP_RCRD).
 *
 * RETURN_RESTOCK is never adjusted here: a restocked return reaches NetSuite through the return
 * authorization's item receipt (the returns import), and the same units appear in both feeds;
 * adjusting here too would count every returned unit twice.
 *
 * Lot/serial items: Scend's movements name no lot or serial. Units leaving a lot-numbered item are
 * taken from NetSuite's lots on hand at the location, oldest lot first (the adapter fills the
 * inventory detail); anything else numbered (units arriving, serials leaving) needs a person to say
 * which number: an exception for operations.
 */
import { dedupeKey, type ExceptionDraft } from '../exceptions/exception';
import type { StockMovement } from '../../scend/contract';
import type { NetSuiteItem } from './compare';
import type { StockSettings } from './settings';

export const movementExternalId = (movementId: string): string => `movement:${movementId}`;

export interface MovementAdjustment {
  externalId: string;
  account: string;
  locationId: string;
  itemId: string;
  quantity: number;
  /** 'lot' when the adapter must pick lots to remove. */
  pickLots: boolean;
  memo: string;
}

export type MovementPlan =
  | { kind: 'skip'; why: string }
  | { kind: 'adjust'; adjustment: MovementAdjustment }
  | { kind: 'exception'; draft: ExceptionDraft };

export function movementException(m: StockMovement, problem: string, todo: string, itemId?: string): ExceptionDraft {
  return {
    type: 'stockMovement',
    owner: 'operations',
    dedupeKey: dedupeKey('stockMovement', 'connector', `movement:${m.MovementId}`),
    scendReference: m.MovementId,
    ...(itemId ? { itemId } : {}),
    message:
      `Scend stock movement ${m.MovementId} (${m.Reason} ${m.Quantity > 0 ? '+' : ''}${m.Quantity} of ${m.Sku} at ${m.Warehouse}, ${m.OccurredAt}) ` +
      `was not adjusted in NetSuite: ${problem}. ${todo}`,
    details: JSON.stringify(m).slice(0, 3900),
  };
}

export function planMovement(m: StockMovement, item: NetSuiteItem | undefined, locations: Readonly<Record<string, string>>, settings: StockSettings): MovementPlan {
  if (m.Reason === 'RETURN_RESTOCK') return { kind: 'skip', why: 'RETURN_RESTOCK arrives through the return authorization (returns import)' };
  const locationId = Object.keys(locations)
    .sort((a, b) => Number(a) - Number(b))
    .find((id) => locations[id] === m.Warehouse);
  if (locationId === undefined)
    return { kind: 'exception', draft: movementException(m, `warehouse ${m.Warehouse} is not mapped to a NetSuite location`, 'Map the warehouse (Scend location map), then make the adjustment by hand or ask the admin to retry.') };
  if (!item)
    return { kind: 'exception', draft: movementException(m, `no NetSuite item has Scend SKU ${m.Sku}`, 'Fix the item\'s Scend SKU (or the catalogue), then make the adjustment by hand.') };
  if (item.numbered === 'serial' || (item.numbered === 'lot' && m.Quantity > 0))
    return {
      kind: 'exception',
      draft: movementException(m, `${item.sku} is ${item.numbered}-numbered and Scend does not say which ${item.numbered === 'lot' ? 'lot' : 'serial numbers'}`, 'Ask the warehouse which numbers moved and post the inventory adjustment with them.', item.itemId),
    };
  const account = settings.reasonAccounts[m.Reason];
  return {
    kind: 'adjust',
    adjustment: {
      externalId: movementExternalId(m.MovementId),
      account,
      locationId,
      itemId: item.itemId,
      quantity: m.Quantity,
      pickLots: item.numbered === 'lot',
      memo: `Scend ${m.Reason} ${m.MovementId}${m.Reference ? ` (${m.Reference})` : ''}`.slice(0, 999),
    },
  };
}
