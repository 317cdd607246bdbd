import type { OrderCreate, ProductUpsert } from '../src/contract/types';
import { validateResponse } from '../src/contract/openapi-validator';
import type { SeedCatalogue } from '../src/engine/types';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../src/http/server';

/** Response bodies in tests are read loosely: their shape was already checked against the OpenAPI. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface ApiResponse<T = Loose> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, string>;
}

/**
 * Calls /v1 over real HTTP and checks every answer against docs/scend-openapi.yaml;
 * a contract violation fails the test unless the caller expects a corrupted payload.
 */
export function apiOf(sim: { url: string; apiKey: string }) {
  return async function api<T = Loose>(method: string, path: string, body?: unknown, opts: { key?: string | null; allowViolation?: boolean } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    const key = opts.key === undefined ? sim.apiKey : opts.key;
    if (key !== null) headers['X-Api-Key'] = key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(sim.url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON (a notJson bad payload); left as text */
    }
    const responseHeaders = Object.fromEntries(res.headers.entries());
    if (!opts.allowViolation) {
      const problems = validateResponse(method, path, res.status, parsed, responseHeaders);
      if (problems.length > 0) throw new Error(`contract violation:\n${problems.join('\n')}\nbody: ${text}`);
    }
    return { status: res.status, body: parsed as T, text, headers: responseHeaders };
  };
}

export const PRODUCTS: ProductUpsert[] = [
  { Sku: 'TENT', ExternalId: '101', Name: 'Tent', WeightKg: 2.5 },
  { Sku: 'BAG', ExternalId: '102', Name: 'Sleeping bag', WeightKg: 1.2 },
  { Sku: 'GAS', ExternalId: '103', Name: 'Gas canister', WeightKg: 0.4, LotTracked: true },
  { Sku: 'GPS', ExternalId: '104', Name: 'GPS unit', WeightKg: 0.2, SerialTracked: true },
  { Sku: 'GIFT', ExternalId: '105', Name: 'E-gift card', WeightKg: 0, Physical: false },
];

export const CATALOGUE: SeedCatalogue = {
  products: PRODUCTS,
  stock: [
    { Sku: 'TENT', Warehouse: 'UK1', OnHand: 10 },
    { Sku: 'TENT', Warehouse: 'UK2', OnHand: 5 },
    { Sku: 'BAG', Warehouse: 'UK1', OnHand: 20 },
    { Sku: 'GAS', Warehouse: 'UK1', OnHand: 50 },
    { Sku: 'GPS', Warehouse: 'UK1', OnHand: 4 },
  ],
};

export function orderBody(overrides: Partial<OrderCreate> = {}): OrderCreate {
  return {
    ClientReference: 'SO-1001',
    OrderNumber: 'SO1001',
    OrderDate: '2025-03-01T10:00:00Z',
    ShipTo: { Name: 'Ada Lovelace', Line1: '1 High Street', Town: 'Keswick', PostCode: 'CA12 5AB', CountryCode: 'GB' },
    Lines: [
      { LineRef: '1', Sku: 'TENT', Quantity: 2 },
      { LineRef: '2', Sku: 'BAG', Quantity: 1 },
    ],
    ...overrides,
  };
}

/** A started simulator per test file, reset between tests. */
export function useSimulator(options: SimulatorOptions = {}) {
  const ctx = {} as { sim: RunningSimulator; api: ReturnType<typeof apiOf> };
  beforeAll(async () => {
    ctx.sim = await startSimulator({ catalogue: CATALOGUE, rateLimitPerMinute: 0, ...options });
    ctx.api = apiOf(ctx.sim);
  });
  beforeEach(async () => {
    await ctx.sim.control.reset();
    await ctx.sim.control.configure({ uniqueClientReference: options.uniqueClientReference ?? false, rateLimitPerMinute: options.rateLimitPerMinute ?? 0 });
  });
  afterAll(async () => {
    await ctx.sim?.close();
  });
  return ctx;
}

export function stockOf(items: { Sku: string; Warehouse: string }[], sku: string, warehouse = 'UK1'): Loose {
  return items.find((i) => i.Sku === sku && i.Warehouse === warehouse);
}
