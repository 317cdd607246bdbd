import * as path from 'node:path';
import { createDataLayer } from '../../src/data-layer';
import { Sandbox, type SandboxOptions } from '../../src/index';
import type { Kernel } from '../../src/kernel/kernel';

export const FIXTURE_PROJECT = path.join(__dirname, '..', 'fixtures', 'project');

/** Rows the fake N/search returns, as { recordType, id, values }. Used only while the real N/search is absent. */
export interface FakeRow { recordType: string; id: number; values: Record<string, unknown>; texts?: Record<string, string> }

/** A minimal N/search stand-in (create/load/runPaged), typed against NetSuite's shapes. */
export function fakeSearchModule(rows: FakeRow[]) {
  const make = (type: string, columns: string[]) => ({
    searchType: type,
    columns: columns.map((name) => ({ name })),
    runPaged: () => ({
      pageRanges: rows.length ? [{ index: 0 }] : [],
      fetch: () => ({
        data: rows.filter((r) => r.recordType === type).map((r) => ({
          id: String(r.id),
          recordType: r.recordType,
          columns: columns.map((name) => ({ name })),
          getValue: (c: { name: string }) => r.values[c.name] ?? '',
          getText: (c: { name: string }) => r.texts?.[c.name] ?? '',
        })),
      }),
    }),
  });
  const saved = new Map<string, ReturnType<typeof make>>();
  return {
    create: (o: { type: string; columns?: string[] }) => make(o.type, o.columns ?? []),
    load: (o: { id: string }) => {
      const s = saved.get(o.id);
      if (!s) throw new Error(`no saved search ${o.id}`);
      return s;
    },
    saved,
  };
}

/** The fixture project with the real data layer; N/search is faked when the real one is not there. */
export function loadFixture(options: Partial<SandboxOptions> & { rows?: FakeRow[] } = {}): Sandbox {
  const dataLayer = (kernel: Kernel) => {
    const real = createDataLayer(kernel);
    if (real['N/search']) return real;
    const search = fakeSearchModule(options.rows ?? []);
    search.saved.set('customsearch_fx_audits', search.create({ type: 'customrecord_fx_audit', columns: ['name'] }));
    return { ...real, 'N/search': search };
  };
  return Sandbox.load({ projectDir: FIXTURE_PROJECT, dataLayer, ...options });
}

/** Creates a fixture order as the UI user (user events fire). */
export function createOrder(sb: Sandbox, name: string, memo = ''): number {
  const o = sb.record.create({ type: 'customrecord_fx_order' });
  o.setValue({ fieldId: 'name', value: name });
  if (memo) o.setValue({ fieldId: 'custrecord_fx_memo', value: memo });
  return o.save();
}
