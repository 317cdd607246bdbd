/** The Scend client's public surface. */
export * from './contract';
export * from './errors';
export * from './transport';
export * from './budget';
export { ScendClient, type ScendApi, type FeedItems, type FeedName, type UpsertProductResult, type StockWalkOptions, type StockWalkResult } from './client';
export type { ScendClientConfig } from './http-call';
export type { FeedWalkOptions, FeedWalkResult, ListWalkOptions, ListWalkResult, WalkStop } from './walk';
