/**
 * What Scend's contract refuses with 400 VALIDATION_FAILED (docs/scend-openapi.yaml, OrderCreate
 * and ShipTo): checked before sending, so a too-long address line or reference reaches the person
 * who can correct it on the order instead of surfacing as "a connector problem" after the POST.
 */
import type { OrderCreate, ShipTo } from '../../scend/contract';
import type { FractionalLine } from './warehouse-lines';

/** The contract's limits (characters, lines). */
export const SCEND_LIMITS = {
  ClientReference: 100,
  OrderNumber: 50,
  Notes: 500,
  Lines: 500,
  ShipTo: { Name: 35, Company: 35, Line1: 35, Line2: 35, Line3: 35, Town: 35, County: 35, PostCode: 10 },
} as const;

/** Where the value comes from in NetSuite, for the person fixing it. */
const NETSUITE_FIELD: Record<string, string> = {
  ClientReference: 'the order reference Scend receives (External ID / PO # / document number)',
  OrderNumber: 'document number',
  Notes: 'memo',
  'ShipTo.Name': 'shipping addressee / attention',
  'ShipTo.Company': 'shipping addressee',
  'ShipTo.Line1': 'shipping address line 1',
  'ShipTo.Line2': 'shipping address line 2',
  'ShipTo.Line3': 'shipping address line 3',
  'ShipTo.Town': 'shipping city',
  'ShipTo.County': 'shipping state / county',
  'ShipTo.PostCode': 'shipping postcode',
};

export interface TooLong {
  field: string;
  /** What the field is called on the NetSuite order. */
  label: string;
  length: number;
  max: number;
}

export interface OrderLimitProblems {
  /** Values on the order longer than Scend accepts: customer service corrects them. */
  tooLong: TooLong[];
  /** Lines whose quantity in base units is not whole: customer service corrects the quantity or units. */
  fractional: FractionalLine[];
  /** More warehouse lines than one Scend order takes: operations split the order. */
  lineCount?: { count: number; max: number };
}

function check(field: string, value: string | undefined, max: number, out: TooLong[]): void {
  if (value !== undefined && value.length > max) out.push({ field, label: NETSUITE_FIELD[field] ?? field, length: value.length, max });
}

export function orderLimitProblems(body: OrderCreate, fractional: readonly FractionalLine[] = []): OrderLimitProblems | undefined {
  const tooLong: TooLong[] = [];
  check('ClientReference', body.ClientReference, SCEND_LIMITS.ClientReference, tooLong);
  check('OrderNumber', body.OrderNumber, SCEND_LIMITS.OrderNumber, tooLong);
  check('Notes', body.Notes, SCEND_LIMITS.Notes, tooLong);
  for (const key of Object.keys(SCEND_LIMITS.ShipTo) as Array<keyof typeof SCEND_LIMITS.ShipTo>) {
    check(`ShipTo.${key}`, (body.ShipTo as ShipTo)[key as keyof ShipTo] as string | undefined, SCEND_LIMITS.ShipTo[key], tooLong);
  }
  const lineCount = body.Lines.length > SCEND_LIMITS.Lines ? { count: body.Lines.length, max: SCEND_LIMITS.Lines } : undefined;
  if (!tooLong.length && !fractional.length && !lineCount) return undefined;
  return { tooLong, fractional: [...fractional], ...(lineCount ? { lineCount } : {}) };
}
