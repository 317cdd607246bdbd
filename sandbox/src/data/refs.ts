/** Resolves select-field references against the store: does record N exist, what is its name, which id has this name. */
import type { RefResolver } from './coerce';
import type { TypeRegistry } from './registry';
import type { RecordTypeDef } from './schema';
import type { RecordStore, StoredRecord } from './store';

const FAMILIES = new Set(['item', 'transaction', 'entity']);

export class StoreRefs implements RefResolver {
  constructor(private readonly registry: TypeRegistry, private readonly store: RecordStore) {}

  find(target: string, id: number): StoredRecord | undefined {
    if (FAMILIES.has(target)) {
      const anyDef = this.registry.ofFamily(target)[0];
      return anyDef ? this.store.getInFamily(anyDef, id) : undefined;
    }
    return this.registry.has(target) ? this.store.get(target, id) : undefined;
  }

  exists(target: string, id: number): boolean {
    return this.find(target, id) !== undefined;
  }

  nameOf(def: RecordTypeDef, rec: StoredRecord): string {
    if (def.family === 'transaction') return `${def.label} #${String(rec.data.fields.tranid ?? rec.id)}`;
    const v = rec.data.fields[def.nameField];
    return v === undefined || v === '' ? String(rec.id) : String(v);
  }

  name(target: string, id: number): string {
    const rec = this.find(target, id);
    return rec ? this.nameOf(this.registry.get(rec.type), rec) : '';
  }

  idByName(target: string, text: string): number | undefined {
    const types = FAMILIES.has(target) ? this.registry.ofFamily(target) : this.registry.has(target) ? [this.registry.get(target)] : [];
    const want = text.toLowerCase();
    for (const def of types) {
      for (const rec of this.store.ofType(def.id)) if (this.nameOf(def, rec).toLowerCase() === want) return rec.id;
    }
    return undefined;
  }
}
