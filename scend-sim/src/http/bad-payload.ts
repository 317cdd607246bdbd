import type { BadPayloadMutation } from './faults';

type Obj = Record<string, unknown>;

const QUANTITY_KEY = /Quantity|OnHand|Allocated|Available|Damaged/;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object a mutation corrupts: the first item of a feed or list, else the body. */
function target(body: unknown): Obj | undefined {
  if (!isObj(body)) return undefined;
  const items = body.Items;
  if (Array.isArray(items)) return isObj(items[0]) ? items[0] : undefined;
  return body;
}

function firstQuantity(node: unknown): { obj: Obj; key: string } | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = firstQuantity(item);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObj(node)) return undefined;
  for (const [key, value] of Object.entries(node)) if (QUANTITY_KEY.test(key) && typeof value === 'number') return { obj: node, key };
  for (const value of Object.values(node)) {
    const found = firstQuantity(value);
    if (found) return found;
  }
  return undefined;
}

function wrongTypeOf(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return 12345;
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { not: 'an array' };
  return 'not an object';
}

/**
 * Corrupt a response body on purpose so the integration's defences can be tested. Returns the raw
 * text to send (a body that is not JSON for `notJson`).
 */
export function corrupt(body: unknown, mutation: BadPayloadMutation, field?: string): string {
  const copy = structuredClone(body);
  const t = target(copy);
  switch (mutation) {
    case 'notJson':
      return JSON.stringify(copy).slice(0, 20) + '<html>502 Bad Gateway</html>';
    case 'missingField': {
      const key = field ?? (t && Object.keys(t)[0]);
      if (t && key) delete t[key];
      break;
    }
    case 'wrongType': {
      const key = field ?? (t && (Object.keys(t).find((k) => typeof t[k] === 'number') ?? Object.keys(t)[0]));
      if (t && key) t[key] = wrongTypeOf(t[key]);
      break;
    }
    case 'negativeQuantity': {
      const found = firstQuantity(t);
      if (found) found.obj[found.key] = -Math.max(1, Math.abs(found.obj[found.key] as number));
      break;
    }
    case 'unknownOrderReference':
      if (t && 'OrderId' in t) t.OrderId = 'ORD-UNKNOWN-999999';
      if (t && 'ClientReference' in t) t.ClientReference = 'UNKNOWN-REF-999999';
      break;
    default: {
      const never: never = mutation;
      throw new TypeError(`unknown mutation ${String(never)}`);
    }
  }
  return JSON.stringify(copy);
}
