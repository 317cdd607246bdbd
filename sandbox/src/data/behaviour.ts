/** What a record type adds to the generic save/delete/load pipeline. */
import type { Clock, UserEventType } from '../kernel/kernel';
import type { InventoryLedger } from './inventory';
import type { InventoryNumbers } from './inventory-numbers';
import type { AccountPreferences } from './preferences';
import type { StoreRefs } from './refs';
import type { TypeRegistry } from './registry';
import type { RecordTypeDef } from './schema';
import type { RecordData, RecordStore } from './store';

export interface DataAccess {
  readonly store: RecordStore;
  readonly registry: TypeRegistry;
  readonly inventory: InventoryLedger;
  readonly refs: StoreRefs;
  readonly clock: Clock;
  readonly numbers: InventoryNumbers;
  readonly preferences: AccountPreferences;
}

export interface SaveCtx {
  db: DataAccess;
  def: RecordTypeDef;
  isNew: boolean;
  /** Committed data before this save (edits only). */
  old?: RecordData;
  /** What will be committed; prepare may derive fields on it. */
  data: RecordData;
  event: UserEventType;
}

/** prepare validates everything and returns the side effects to run once the id is known; it must not change other state itself. */
export interface Behaviour {
  initialize?(db: DataAccess, data: RecordData): void;
  prepare?(ctx: SaveCtx): ((id: number) => void) | void;
  prepareDelete?(db: DataAccess, id: number, data: RecordData): (() => void) | void;
  /** Fill computed, read-only data when a record is loaded (an item's stock per location). */
  decorate?(db: DataAccess, id: number, data: RecordData): void;
}

export const num = (v: unknown): number => (typeof v === 'number' ? v : v === '' || v === undefined || v === null ? 0 : Number(v));
export const idOf = (v: unknown): number | null => (v === '' || v === undefined || v === null ? null : Number(v));
