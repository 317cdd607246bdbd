/**
 * The committed state: records by type and internal id, with indexes for internal id per family
 * (items, transactions, entities share one id sequence each, as in NetSuite) and externalid per scope.
 */
import type { RecordTypeDef } from './schema';

export type Line = Record<string, unknown>;
export interface RecordData {
  fields: Record<string, unknown>;
  sublists: Record<string, Line[]>;
  subrecords: Record<string, Record<string, unknown>>;
}
export interface StoredRecord {
  type: string;
  id: number;
  data: RecordData;
  /** Bumped by every commit; a record object remembers the version it was read at (optimistic locking). */
  version?: number;
}

export const emptyData = (): RecordData => ({ fields: {}, sublists: {}, subrecords: {} });

export class RecordStore {
  private readonly byType = new Map<string, Map<number, StoredRecord>>();
  private readonly byFamilyId = new Map<string, Map<number, StoredRecord>>();
  private readonly byExternalId = new Map<string, Map<string, number>>();
  private readonly nextIds = new Map<string, number>();

  /** Ids per family start at 1; custom records and lists count per type. */
  allocateId(def: RecordTypeDef): number {
    const key = this.idScope(def);
    const next = this.nextIds.get(key) ?? 1;
    this.nextIds.set(key, next + 1);
    return next;
  }

  /** Reserve an id chosen from outside (custom list values keep their SDF internal ids). */
  reserveId(def: RecordTypeDef, id: number): void {
    const key = this.idScope(def);
    this.nextIds.set(key, Math.max(this.nextIds.get(key) ?? 1, id + 1));
  }

  private idScope(def: RecordTypeDef): string {
    return def.family === 'customrecord' || def.family === 'customlist' ? def.id : def.family;
  }

  get(type: string, id: number): StoredRecord | undefined {
    return this.byType.get(type)?.get(id);
  }

  /** Any record of a family by internal id (a select on 'item' points at any item type). */
  getInFamily(def: RecordTypeDef, id: number): StoredRecord | undefined {
    return this.byFamilyId.get(this.idScope(def))?.get(id);
  }

  put(def: RecordTypeDef, rec: StoredRecord): void {
    const prev = this.get(rec.type, rec.id);
    if (prev) this.unindexExternal(def, prev);
    rec.version = (prev?.version ?? 0) + 1;
    let m = this.byType.get(rec.type);
    if (!m) this.byType.set(rec.type, (m = new Map()));
    m.set(rec.id, rec);
    let fm = this.byFamilyId.get(this.idScope(def));
    if (!fm) this.byFamilyId.set(this.idScope(def), (fm = new Map()));
    fm.set(rec.id, rec);
    const ext = rec.data.fields.externalid;
    if (typeof ext === 'string' && ext !== '') {
      let em = this.byExternalId.get(def.externalIdScope);
      if (!em) this.byExternalId.set(def.externalIdScope, (em = new Map()));
      em.set(ext, rec.id);
    }
  }

  remove(def: RecordTypeDef, type: string, id: number): void {
    const prev = this.get(type, id);
    if (!prev) return;
    this.unindexExternal(def, prev);
    this.byType.get(type)?.delete(id);
    this.byFamilyId.get(this.idScope(def))?.delete(id);
  }

  private unindexExternal(def: RecordTypeDef, rec: StoredRecord): void {
    const ext = rec.data.fields.externalid;
    if (typeof ext === 'string' && this.byExternalId.get(def.externalIdScope)?.get(ext) === rec.id) {
      this.byExternalId.get(def.externalIdScope)?.delete(ext);
    }
  }

  idForExternalId(scope: string, externalId: string): number | undefined {
    return this.byExternalId.get(scope)?.get(externalId);
  }

  ofType(type: string): Iterable<StoredRecord> {
    return this.byType.get(type)?.values() ?? [];
  }

  /** Every record type holding at least one record (a soak scans all records for secrets). */
  types(): string[] {
    return [...this.byType.keys()];
  }

  count(type: string): number {
    return this.byType.get(type)?.size ?? 0;
  }
}
