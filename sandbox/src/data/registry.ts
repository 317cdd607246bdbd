/** Builds every record type the account has: the standard ones plus custom records, custom lists and custom fields from the project's SDF objects. */
import type { CustomFieldDef, CustomFieldType, ProjectMeta } from '../kernel/meta';
import { E, fail } from './errors';
import { field, fieldMap, type FieldDef, type FieldKind, type RecordTypeDef } from './schema';
import { standardTypes } from './standard-types';

const KIND: Record<CustomFieldType, FieldKind> = {
  CHECKBOX: 'checkbox', CLOBTEXT: 'textarea', CURRENCY: 'currency', DATE: 'date', DATETIMETZ: 'datetime', EMAIL: 'email',
  FLOAT: 'float', INTEGER: 'integer', MULTISELECT: 'multiselect', PERCENT: 'percent', SELECT: 'select', TEXT: 'text',
  TEXTAREA: 'textarea', URL: 'url',
};

/** SDF selectrecordtype values: negative numbers are standard record families. */
const SELECT_TARGETS: Record<string, string> = { '-10': 'item', '-30': 'transaction', '-103': 'location', '-2': 'customer', '-9': 'entity', '-117': 'subsidiary', '-112': 'account' };

export const selectTarget = (raw: string): string => {
  const t = raw.replace(/^\[|\]$/g, '').replace(/^scriptid=/, '').trim().toLowerCase();
  return SELECT_TARGETS[t] ?? t;
};

/** TEXT custom fields hold at most 300 characters, TEXTAREA 4,000 (NetSuite's limits). */
const DEFAULT_MAX: Partial<Record<CustomFieldType, number>> = { TEXT: 300, TEXTAREA: 4000, EMAIL: 254, URL: 999 };

export const customFieldDef = (c: CustomFieldDef): FieldDef =>
  field(c.scriptid, KIND[c.type], c.label, {
    ref: c.selectRecordType ? selectTarget(c.selectRecordType) : undefined,
    mandatory: c.mandatory,
    maxLength: c.maxLength ?? DEFAULT_MAX[c.type],
    custom: c,
  });

export class TypeRegistry {
  private readonly types = new Map<string, RecordTypeDef>();

  constructor(meta: ProjectMeta) {
    for (const t of standardTypes()) this.types.set(t.id, t);
    for (const rt of meta.customRecordTypes.values()) {
      const fields = [
        field('id', 'integer', 'Internal ID', { readonly: true }),
        field('externalid', 'text', 'External ID'),
        field('isinactive', 'checkbox', 'Inactive'),
        field('created', 'datetime', 'Date Created', { readonly: true }),
        field('lastmodified', 'datetime', 'Last Modified', { readonly: true }),
        field('owner', 'select', 'Owner', { ref: 'entity', readonly: true }),
        ...(rt.includeName ? [field('name', 'text', 'Name', { mandatory: true, maxLength: 300 })] : []),
        ...rt.fields.map(customFieldDef),
      ];
      this.types.set(rt.scriptid.toLowerCase(), {
        id: rt.scriptid.toLowerCase(), family: 'customrecord', cost: 'custom', label: rt.name, nameField: rt.includeName ? 'name' : 'id',
        fields: fieldMap(...fields), sublists: new Map(), subrecords: new Map(), creatable: true, externalIdScope: rt.scriptid.toLowerCase(),
      });
    }
    for (const list of meta.customLists.values()) {
      this.types.set(list.scriptid.toLowerCase(), {
        id: list.scriptid.toLowerCase(), family: 'customlist', cost: 'other', label: list.name, nameField: 'name',
        fields: fieldMap(field('id', 'integer', 'Internal ID', { readonly: true }), field('name', 'text', 'Name', { mandatory: true }),
          field('scriptid', 'text', 'Script ID', { readonly: true }), field('isinactive', 'checkbox', 'Inactive'),
          field('externalid', 'text', 'External ID')),
        sublists: new Map(), subrecords: new Map(), creatable: false, externalIdScope: list.scriptid.toLowerCase(),
      });
    }
    for (const c of meta.customFields.values()) this.attach(c);
  }

  private attach(c: CustomFieldDef): void {
    const def = customFieldDef(c);
    switch (c.owner.kind) {
      case 'customrecord':
        return; // already part of its record type
      case 'transactionbody':
      case 'item':
      case 'entity':
        for (const t of c.owner.recordTypes) this.types.get(t.toLowerCase())?.fields.set(def.id, def);
        return;
      case 'transactioncolumn':
        for (const t of c.owner.recordTypes) {
          const rt = this.types.get(t.toLowerCase());
          const sl = rt?.lineSublist ? rt.sublists.get(rt.lineSublist) : undefined;
          sl?.fields.set(def.id, def);
        }
        return;
      default: {
        const never: never = c.owner;
        return never;
      }
    }
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  get(type: string): RecordTypeDef {
    const t = this.types.get(String(type).toLowerCase());
    if (!t) return fail(E.INVALID_RECORD_TYPE, `Invalid record type: ${type}`);
    return t;
  }

  all(): RecordTypeDef[] {
    return [...this.types.values()];
  }

  ofFamily(family: string): RecordTypeDef[] {
    return this.all().filter((t) => t.family === family);
  }
}
