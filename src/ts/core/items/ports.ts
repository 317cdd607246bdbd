/** What the item-master use cases need from the outside world, as narrow interfaces. */
import type { ExceptionDraft } from '../exceptions/exception';
import type { ScendApi } from '../../scend/client';
import type { ItemSnapshot } from './item';
import type { ItemFlags } from './upsert-outcome';

export type ProductWriter = Pick<ScendApi, 'upsertProduct'>;

export interface ItemFlagWriter {
  write(item: ItemSnapshot, flags: ItemFlags): void;
}

export interface ExceptionLog {
  raise(draft: ExceptionDraft): void;
  resolve(dedupeKey: string): void;
}

export interface ItemMasterPorts {
  scend: ProductWriter;
  flags: ItemFlagWriter;
  exceptions: ExceptionLog;
}
