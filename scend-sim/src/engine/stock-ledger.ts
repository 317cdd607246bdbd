import { SimControlError } from './errors';

/** One (product, warehouse) stock position. Damaged and quarantined units are outside OnHand. */
export interface StockRow {
  externalId: string;
  warehouse: string;
  onHand: number;
  allocated: number;
  damaged: number;
  quarantined: number;
}

export type LedgerKind = 'INITIAL' | 'ALLOCATE' | 'DEALLOCATE' | 'DESPATCH' | 'RECEIPT' | 'MOVEMENT' | 'RETURN';

/** Every change to a row, as deltas: the books can be re-added from this list. */
export interface LedgerEntry {
  seq: number;
  at: string;
  kind: LedgerKind;
  externalId: string;
  warehouse: string;
  onHand: number;
  allocated: number;
  damaged: number;
  quarantined: number;
  reference: string;
}

type Deltas = Partial<Pick<StockRow, 'onHand' | 'allocated' | 'damaged' | 'quarantined'>>;

/**
 * The warehouse's books. Invariants kept on every change: no bucket goes negative and
 * Allocated never exceeds OnHand (so Available = OnHand - Allocated is never negative).
 */
export class StockLedger {
  private readonly rows = new Map<string, StockRow>();
  private readonly entries: LedgerEntry[] = [];

  constructor(private readonly now: () => string) {}

  row(externalId: string, warehouse: string): StockRow {
    const key = `${externalId}\u0000${warehouse}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { externalId, warehouse, onHand: 0, allocated: 0, damaged: 0, quarantined: 0 };
      this.rows.set(key, row);
    }
    return row;
  }

  available(externalId: string, warehouse: string): number {
    const row = this.row(externalId, warehouse);
    return row.onHand - row.allocated;
  }

  allRows(): StockRow[] {
    return [...this.rows.values()];
  }

  ledger(): readonly LedgerEntry[] {
    return this.entries;
  }

  /** Apply deltas atomically, or throw INSUFFICIENT_STOCK and change nothing. */
  apply(kind: LedgerKind, externalId: string, warehouse: string, deltas: Deltas, reference: string): void {
    const row = this.row(externalId, warehouse);
    const next = {
      onHand: row.onHand + (deltas.onHand ?? 0),
      allocated: row.allocated + (deltas.allocated ?? 0),
      damaged: row.damaged + (deltas.damaged ?? 0),
      quarantined: row.quarantined + (deltas.quarantined ?? 0),
    };
    if (next.onHand < 0 || next.allocated < 0 || next.damaged < 0 || next.quarantined < 0 || next.allocated > next.onHand) {
      throw new SimControlError(
        'INSUFFICIENT_STOCK',
        `${kind} ${JSON.stringify(deltas)} on ${externalId}@${warehouse} would break the books (OnHand ${row.onHand}, Allocated ${row.allocated}, Damaged ${row.damaged}, Quarantined ${row.quarantined})`,
      );
    }
    Object.assign(row, next);
    this.entries.push({
      seq: this.entries.length + 1,
      at: this.now(),
      kind,
      externalId,
      warehouse,
      onHand: deltas.onHand ?? 0,
      allocated: deltas.allocated ?? 0,
      damaged: deltas.damaged ?? 0,
      quarantined: deltas.quarantined ?? 0,
      reference,
    });
  }
}
