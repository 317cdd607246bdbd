import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OPENAPI_PATH, validateRequest, validateResponse, validateSchema } from '../src/contract/openapi-validator';
import { WarehouseEngine } from '../src/engine/warehouse-engine';
import { apiRoutes } from '../src/http/api-routes';
import { orderBody, useSimulator } from './support';

const doc = parse(readFileSync(OPENAPI_PATH, 'utf8'));

describe('docs/scend-openapi.yaml agrees with the simulator', () => {
  const ctx = useSimulator();

  it('documents exactly the operations the simulator serves', () => {
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) => Object.keys(item).filter((k) => k !== 'parameters').map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const router = apiRoutes(new WarehouseEngine()) as unknown as { routes: { method: string; template: string }[] };
    expect(router.routes.map((r) => `${r.method} ${r.template}`).sort()).toEqual(documented);
  });

  it('documents 401, 429 (with Retry-After), 500, 502 and 503 on every operation, and X-Api-Key security', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters') continue;
        expect([path, method, ['401', '429', '500', '502', '503'].filter((s) => !(s in op.responses!))]).toEqual([path, method, []]);
      }
    }
    expect(doc.components.securitySchemes.ApiKey).toEqual({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    expect(doc.components.responses.RateLimited.headers['Retry-After']).toBeDefined();
  });

  it('catches drift: an extra field, a wrong type, an undocumented status, a missing Retry-After', () => {
    const order = { OrderId: 'O', ClientReference: 'R', Status: 'RECEIVED' };
    expect(validateResponse('POST', '/v1/orders', 201, order)).toEqual([]);
    expect(validateResponse('POST', '/v1/orders', 201, { ...order, Extra: 1 })).not.toEqual([]);
    expect(validateResponse('POST', '/v1/orders', 201, { ...order, Status: 'PACKED' })).not.toEqual([]);
    expect(validateResponse('POST', '/v1/orders', 418, order)).toEqual(['POST /v1/orders -> 418: status 418 is not documented']);
    expect(validateResponse('GET', '/v1/stock', 429, { Code: 'RATE_LIMITED', Message: 'slow down' }, {})).toEqual([expect.stringContaining('Retry-After')]);
    expect(validateSchema('StockItem', { Sku: 'A', ExternalId: '1', Warehouse: 'UK1', OnHand: -1, Allocated: 0, Available: 0, Damaged: 0 })).not.toEqual([]);
  });

  it('checks requests: query ranges, unknown parameters, and bodies', () => {
    expect(validateRequest('GET', '/v1/despatches?limit=500&cursor=abc')).toEqual([]);
    expect(validateRequest('GET', '/v1/despatches?limit=501')).toHaveLength(1);
    expect(validateRequest('GET', '/v1/orders?status=NOPE')).toHaveLength(1);
    expect(validateRequest('GET', '/v1/orders?colour=red')).toEqual(['GET /v1/orders: unknown query parameter colour']);
    expect(validateRequest('POST', '/v1/orders', orderBody())).toEqual([]);
    expect(validateRequest('POST', '/v1/orders')).toEqual(['POST /v1/orders: request body is required']);
    expect(validateRequest('DELETE', '/v1/orders/1')).toEqual(['DELETE /v1/orders/1 is not an operation of the contract']);
  });

  const valid: [string, string, unknown][] = [
    ['POST', '/v1/orders', orderBody()],
    ['POST', '/v1/orders', orderBody({ Channel: 'web', Notes: 'gift', RequiredDespatchDate: '2025-03-02T00:00:00.000Z', Lines: [{ LineRef: 'x', Sku: 'TENT', Quantity: 1, UnitPrice: 99.5, Currency: 'GBP' }] })],
    ['PATCH', '/v1/orders/ORD-000001', { ShipTo: orderBody().ShipTo }],
    ['PUT', '/v1/products/900', { Sku: 'N', ExternalId: '900', Name: 'New', WeightKg: 0, LengthCm: 1, Physical: false }],
    ['POST', '/v1/asns', { ClientReference: 'PO', Warehouse: 'UK1', ExpectedAt: '2025-03-01T00:00:00Z', Lines: [{ LineRef: '1', Sku: 'TENT', QuantityExpected: 1 }] }],
    ['POST', '/v1/webhooks', { Url: 'https://example.com/hook', Events: ['despatch.created'], Secret: '0123456789abcdef' }],
  ];
  const invalid: [string, string, unknown][] = [
    ['POST', '/v1/orders', { ...orderBody(), OrderDate: 'yesterday' }],
    ['POST', '/v1/orders', orderBody({ Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: -2 }] })],
    ['POST', '/v1/orders', orderBody({ Lines: [{ LineRef: '1', Sku: 'TENT', Quantity: 1, Currency: 'pounds' }] })],
    ['POST', '/v1/orders', { ...orderBody(), ShipTo: { ...orderBody().ShipTo, CountryCode: 'GBR' } }],
    ['POST', '/v1/orders', { ...orderBody(), ShipTo: { ...orderBody().ShipTo, Name: undefined } }],
    ['PATCH', '/v1/orders/ORD-000001', { OrderNumber: 'X' }],
    ['PUT', '/v1/products/900', { Sku: 'N', ExternalId: '900', Name: 'New' }],
    ['POST', '/v1/asns', { ClientReference: 'PO', Warehouse: 'UK1', Lines: [{ LineRef: '1', Sku: 'TENT', QuantityExpected: 0 }] }],
    ['POST', '/v1/webhooks', { Url: 'ftp://x', Events: ['despatch.created'], Secret: '0123456789abcdef' }],
    ['POST', '/v1/webhooks', { Url: 'https://example.com', Events: [], Secret: '0123456789abcdef' }],
  ];

  it.each(valid)('%s %s: a body the OpenAPI accepts, the simulator accepts', async (method, path, body) => {
    await ctx.api('POST', '/v1/orders', orderBody());
    expect(validateRequest(method, path, body)).toEqual([]);
    const res = await ctx.api(method, path, body);
    expect([res.status, res.body]).toEqual([expect.any(Number), expect.anything()]);
    expect(res.status).toBeLessThan(300);
  });

  it.each(invalid)('%s %s: a body the OpenAPI refuses, the simulator refuses with 400', async (method, path, body) => {
    await ctx.api('POST', '/v1/orders', orderBody());
    expect(validateRequest(method, path, body)).not.toEqual([]);
    const res = await ctx.api(method, path, body);
    expect(res.body.Code).toBe('VALIDATION_FAILED');
  });
});
