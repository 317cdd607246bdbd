/**
 * Who owns an exception, how urgent it is and by when someone should act: the type's defaults
 * (exception-types.ts), overridden per type by the account's routing records, and the response
 * window of its severity from the configuration. Pure: the adapter reads the records.
 */
import type { ExceptionType, OwnerTeam } from './exception';
import { EXCEPTION_TYPES, type Severity } from './exception-types';

/** Hours to respond, per severity. */
export type ResponseWindows = Readonly<Record<Severity, number>>;

export const DEFAULT_RESPONSE_WINDOWS: ResponseWindows = { high: 4, medium: 24, low: 72 };

export interface TypeRoute {
  owner?: OwnerTeam;
  severity?: Severity;
}

export interface ExceptionRouting {
  windows: ResponseWindows;
  routes: Readonly<Partial<Record<ExceptionType, TypeRoute>>>;
}

export const DEFAULT_ROUTING: ExceptionRouting = { windows: DEFAULT_RESPONSE_WINDOWS, routes: {} };

const HOUR_MS = 3_600_000;

export interface Routed {
  owner: OwnerTeam;
  severity: Severity;
}

/** The draft's owner (the use case's default) unless the account routes the type elsewhere. */
export function routeOf(type: ExceptionType, draftOwner: OwnerTeam | undefined, routing: ExceptionRouting): Routed {
  const defaults = EXCEPTION_TYPES[type];
  const route = routing.routes[type] ?? {};
  return { owner: route.owner ?? draftOwner ?? defaults.owner, severity: route.severity ?? defaults.severity };
}

export function respondBy(severity: Severity, firstSeen: Date, windows: ResponseWindows): Date {
  return new Date(firstSeen.getTime() + windows[severity] * HOUR_MS);
}

export const isOverdue = (respondByAt: Date | undefined, now: Date): boolean => !!respondByAt && respondByAt.getTime() < now.getTime();

/** Response windows from the configuration's hours (empty or not a positive number: the default). */
export function windowsFrom(hours: Partial<Record<Severity, number | null>>): ResponseWindows {
  const pick = (s: Severity): number => {
    const h = hours[s];
    return typeof h === 'number' && isFinite(h) && h > 0 ? h : DEFAULT_RESPONSE_WINDOWS[s];
  };
  return { high: pick('high'), medium: pick('medium'), low: pick('low') };
}
