/** Public API of the Scend simulator (never deployed). */
export { startSimulator, type RunningSimulator, type SimulatorOptions } from './http/server';
export { startSimulatorProcess, type SimulatorProcess } from './process/start-process';
export type { ProcessSimulatorOptions } from './process/messages';
export { SimControlClient, SimControlRequestError, type SimOrder } from './control/control-client';
export { WarehouseEngine, type EngineOptions, type PageArgs } from './engine/warehouse-engine';
export { AdjustableClock, systemClock, type Clock } from './engine/clock';
export { SeededRng } from './engine/rng';
export { ScendApiError, SimControlError } from './engine/errors';
export type * from './engine/types';
export type { StockRow, LedgerEntry } from './engine/stock-ledger';
export { FaultInjector, type FaultAction, type FaultRule, type FaultRuleInput, type BadPayloadMutation } from './http/faults';
export type { RequestLogEntry } from './http/request-log';
export { signature as webhookSignature, type DeliveryRecord } from './http/webhook-dispatcher';
export type { SimConfig } from './http/control-routes';
export { demoCatalogue } from './seed/demo-catalogue';
export { validateRequest, validateResponse, validateSchema, matchOperation } from './contract/openapi-validator';
