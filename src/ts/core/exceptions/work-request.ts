/**
 * What a request to the work-exceptions page asks for, parsed once at the edge: an action
 * (retry / ignore) on one exception, one order or the ticked rows, and the list's filters.
 */
import { LISTS } from '../../ids';
import type { ExceptionType, OwnerTeam } from './exception';

export type WorkAction =
  | { kind: 'none' }
  | { kind: 'retry'; exceptionIds: string[]; orderId?: string }
  | { kind: 'ignore'; exceptionIds: string[]; note: string };

export interface WorkFilters {
  team?: OwnerTeam;
  type?: ExceptionType;
  overdueOnly: boolean;
}

export const PICK_PREFIX = 'custpage_pick_';
/** A bulk action is bounded so one page request stays inside a Suitelet's 1,000 units. */
export const MAX_BULK = 20;

const isKey = <T extends string>(values: Record<string, string>, v: string | undefined): v is T => !!v && Object.prototype.hasOwnProperty.call(values, v);

export function parseWorkRequest(params: Record<string, string | undefined>): { action: WorkAction; filters: WorkFilters } {
  const team = params.custpage_team ?? params.team;
  const type = params.custpage_type ?? params.type;
  const filters: WorkFilters = {
    team: isKey<OwnerTeam>(LISTS.ownerTeam.values, team) ? team : undefined,
    type: isKey<ExceptionType>(LISTS.exceptionType.values, type) ? type : undefined,
    overdueOnly: (params.custpage_overdue ?? params.overdue) === 'T',
  };
  const picked = Object.keys(params)
    .filter((k) => k.indexOf(PICK_PREFIX) === 0 && params[k] === 'T')
    .map((k) => k.slice(PICK_PREFIX.length))
    .filter((id) => /^\d+$/.test(id));
  const single = params.exception && /^\d+$/.test(params.exception) ? [params.exception] : [];
  const ids = single.length ? single : picked;
  const name = params.custpage_action ?? params.action;
  const note = (params.custpage_note ?? params.note ?? '').trim();
  if (name === 'retry') {
    const order = params.order && /^\d+$/.test(params.order) ? params.order : undefined;
    return { action: { kind: 'retry', exceptionIds: ids, orderId: order }, filters };
  }
  if (name === 'ignore') return { action: { kind: 'ignore', exceptionIds: ids, note }, filters };
  return { action: { kind: 'none' }, filters };
}
