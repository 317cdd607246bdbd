import type { WarehouseEngine } from '../engine/warehouse-engine';
import { feedArgs, pageArgs, statusParam, stringParam } from './query';
import { Router } from './router';

/** The contract's /v1 operations, each a thin call into the engine. */
export function apiRoutes(engine: WarehouseEngine): Router {
  const feed = (read: (cursor: string | undefined, limit: number, since?: string) => unknown) => ({ query }: { query: URLSearchParams }) => {
    const { cursor, limit, since } = feedArgs(query);
    return { body: read(cursor, limit, since) };
  };
  return new Router()
    .add('PUT', '/v1/products/{ExternalId}', ({ params, body }) => {
      const { product, created } = engine.upsertProduct(params.ExternalId, body);
      return { status: created ? 201 : 200, body: product };
    })
    .add('GET', '/v1/products/{ExternalId}', ({ params }) => ({ body: engine.getProduct(params.ExternalId) }))
    .add('GET', '/v1/products', ({ query }) => ({ body: engine.listProducts({ sku: stringParam(query, 'sku') }, pageArgs(query)) }))
    .add('POST', '/v1/orders', ({ body }) => ({ status: 201, body: engine.createOrder(body) }))
    .add('GET', '/v1/orders', ({ query }) => ({
      body: engine.listOrders({ clientReference: stringParam(query, 'clientReference'), status: statusParam(query) }, pageArgs(query)),
    }))
    .add('GET', '/v1/orders/{OrderId}', ({ params }) => ({ body: engine.getOrder(params.OrderId) }))
    .add('PATCH', '/v1/orders/{OrderId}', ({ params, body }) => ({ body: engine.amendOrder(params.OrderId, body) }))
    .add('POST', '/v1/orders/{OrderId}/cancel', ({ params }) => ({ body: engine.cancelOrder(params.OrderId) }))
    .add('GET', '/v1/order-events', feed((c, l, since) => engine.readOrderEvents(c, l, since)))
    .add('GET', '/v1/despatches', feed((c, l, since) => engine.readDespatches(c, l, since)))
    .add('GET', '/v1/stock', ({ query }) => ({
      body: engine.readStock({ warehouse: stringParam(query, 'warehouse'), snapshotId: stringParam(query, 'snapshotId') }, pageArgs(query)),
    }))
    .add('GET', '/v1/stock-movements', feed((c, l, since) => engine.readMovements(c, l, since)))
    .add('POST', '/v1/asns', ({ body }) => ({ status: 201, body: engine.createAsn(body) }))
    .add('GET', '/v1/receipts', feed((c, l, since) => engine.readReceipts(c, l, since)))
    .add('GET', '/v1/returns', feed((c, l, since) => engine.readReturns(c, l, since)))
    .add('POST', '/v1/webhooks', ({ body }) => ({ status: 201, body: engine.registerWebhook(body) }));
}
