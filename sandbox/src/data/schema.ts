/** How the sandbox describes a record type: its body fields, sublists and subrecords. Field ids are written once, here and in standard-types.ts. */
import type { CustomFieldDef } from '../kernel/meta';

export type FieldKind =
  | 'text' | 'textarea' | 'email' | 'url' | 'select' | 'multiselect' | 'checkbox'
  | 'integer' | 'float' | 'currency' | 'percent' | 'date' | 'datetime';

export interface SelectOption { value: string; text: string }

export interface FieldDef {
  id: string;
  kind: FieldKind;
  label: string;
  /** For select/multiselect: a record type, a family ('item', 'transaction', 'entity') or a customlist_ id. */
  ref?: string;
  /** For select fields with a fixed list (orderstatus, shipstatus, ...). */
  options?: readonly SelectOption[];
  readonly?: boolean;
  mandatory?: boolean;
  maxLength?: number;
  custom?: CustomFieldDef;
}

export interface SublistDef {
  id: string;
  fields: Map<string, FieldDef>;
  /** Computed by the system (e.g. an item's locations): scripts cannot edit it. */
  readonly?: boolean;
  /** Line-level subrecords (e.g. addressbook.addressbookaddress). */
  subrecords?: Map<string, Map<string, FieldDef>>;
}

export type Family = 'item' | 'transaction' | 'entity' | 'location' | 'account' | 'subsidiary' | 'inventorynumber' | 'customrecord' | 'customlist';

export interface RecordTypeDef {
  id: string;
  family: Family;
  /** Governance class: transaction 10/20, custom record 2/4, other 5/10. */
  cost: 'transaction' | 'custom' | 'other';
  label: string;
  /** Search `type` value (SalesOrd, InvtPart, ...). */
  searchType?: string;
  fields: Map<string, FieldDef>;
  sublists: Map<string, SublistDef>;
  subrecords: Map<string, Map<string, FieldDef>>;
  /** The field that names a record when it is referenced (getText of a select pointing here). */
  nameField: string;
  /** The sublist whose lines become line rows in transaction searches. */
  lineSublist?: string;
  /** record.create/copy allowed (item fulfillments and receipts come only from transform). */
  creatable: boolean;
  tranPrefix?: string;
  /** Scope key for externalid uniqueness. */
  externalIdScope: string;
}

export const field = (id: string, kind: FieldKind, label: string, extra: Partial<FieldDef> = {}): FieldDef => ({ id, kind, label, ...extra });

export const fieldMap = (...defs: FieldDef[]): Map<string, FieldDef> => new Map(defs.map((d) => [d.id, d]));

export const options = (pairs: Record<string, string>): SelectOption[] =>
  Object.entries(pairs).map(([value, text]) => ({ value, text }));
