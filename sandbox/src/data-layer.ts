import { Database } from './data/database';
import type { Kernel } from './kernel/kernel';
import { createQueryModule } from './modules/query/query-module';
import { createRecordModule } from './modules/record';
import { createSearchModule } from './modules/search';

/** The facade's default data layer: one Database with N/record, N/search and N/query on it. */
export function createDataLayer(kernel: Kernel): Record<string, unknown> {
  const db = new Database(kernel);
  return { db, 'N/record': createRecordModule(kernel, db), 'N/search': createSearchModule(kernel, db), 'N/query': createQueryModule(kernel, db) };
}
