import { ORDER_STATUSES, type OrderStatus } from '../contract/types';
import { validationFailed } from '../engine/errors';
import type { PageArgs } from '../engine/warehouse-engine';

const MAX = 500;
const DEFAULT_SIZE = 100;

function integerParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw validationFailed([{ Field: name, Message: 'must be an integer' }]);
  const value = Number(raw);
  if (value < min || value > max) throw validationFailed([{ Field: name, Message: `must be between ${min} and ${max}` }]);
  return value;
}

function optionalString(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === '') throw validationFailed([{ Field: name, Message: 'must not be empty' }]);
  return raw;
}

export function feedArgs(query: URLSearchParams): { cursor: string | undefined; limit: number; since: string | undefined } {
  return { cursor: optionalString(query, 'cursor'), limit: integerParam(query, 'limit', DEFAULT_SIZE, 1, MAX), since: optionalString(query, 'since') };
}

export function pageArgs(query: URLSearchParams): PageArgs {
  return { page: integerParam(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER), pageSize: integerParam(query, 'pageSize', DEFAULT_SIZE, 1, MAX) };
}

export function stringParam(query: URLSearchParams, name: string): string | undefined {
  return optionalString(query, name);
}

export function statusParam(query: URLSearchParams): OrderStatus | undefined {
  const raw = optionalString(query, 'status');
  if (raw === undefined) return undefined;
  if (!(ORDER_STATUSES as readonly string[]).includes(raw)) throw validationFailed([{ Field: 'status', Message: `must be one of ${ORDER_STATUSES.join(', ')}` }]);
  return raw as OrderStatus;
}
