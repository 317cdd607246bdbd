/** Custom list values by their key in ids.ts, both ways (internal ids resolved and cached by lists.ts). */
import { LISTS } from '../../ids';
import { listValueId, listValueScriptId } from '../lists';

type ListName = keyof typeof LISTS;
type ValueKey<L extends ListName> = keyof (typeof LISTS)[L]['values'];

export function listId<L extends ListName>(list: L, key: ValueKey<L>): string {
  const values = LISTS[list].values as Record<string, string>;
  return listValueId(LISTS[list].id, values[key as string]);
}

export function listKey<L extends ListName>(list: L, internalId: unknown): ValueKey<L> | undefined {
  const scriptId = listValueScriptId(LISTS[list].id, internalId === null || internalId === undefined ? null : String(internalId));
  if (!scriptId) return undefined;
  const values = LISTS[list].values as Record<string, string>;
  return Object.keys(values).find((k) => values[k].toLowerCase() === scriptId) as ValueKey<L> | undefined;
}
