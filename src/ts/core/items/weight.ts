/**
 * NetSuite stores an item's weight in the unit the user picked; Scend wants kilograms. The unit
 * arrives as text (`lb`) from getText or as the select's internal id (`1`) from getValue.
 */

const KG_PER_UNIT: Readonly<Record<string, number>> = {
  lb: 0.45359237,
  oz: 0.028349523125,
  kg: 1,
  g: 0.001,
};

/** NetSuite's fixed internal ids of the weight unit select. */
const UNIT_BY_SELECT_ID: Readonly<Record<string, string>> = { '1': 'lb', '2': 'oz', '3': 'kg', '4': 'g' };

const ALIASES: Readonly<Record<string, string>> = {
  lbs: 'lb',
  pound: 'lb',
  pounds: 'lb',
  ounce: 'oz',
  ounces: 'oz',
  kgs: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  gram: 'g',
  grams: 'g',
};

/** Scend compares weights to the gram; rounding here keeps float noise out of the catalogue diff. */
export const WEIGHT_DECIMALS = 3;

export class UnknownWeightUnitError extends Error {
  override readonly name = 'UnknownWeightUnitError';
  readonly code = 'SCEND_UNKNOWN_WEIGHT_UNIT';
  readonly retry = 'permanent' as const;
  constructor(readonly unit: string) {
    super(`Unknown weight unit "${unit}": expected lb, oz, kg or g`);
  }
}

export function normaliseUnit(unit: string): string {
  const key = unit.trim().toLowerCase();
  return UNIT_BY_SELECT_ID[key] ?? ALIASES[key] ?? key;
}

export function roundKg(kg: number): number {
  const factor = Math.pow(10, WEIGHT_DECIMALS);
  return Math.round(kg * factor) / factor;
}

/**
 * Kilograms for a NetSuite weight. No weight means 0 (Scend requires the field; the warehouse
 * weighs such products at first receipt). A weight without a unit is taken as NetSuite's default, lb.
 */
export function toKilograms(weight: number | null, unit: string | null): number {
  if (weight === null || !Number.isFinite(weight) || weight <= 0) return 0;
  const name = unit === null || unit.trim() === '' ? 'lb' : normaliseUnit(unit);
  const factor = KG_PER_UNIT[name];
  if (factor === undefined) throw new UnknownWeightUnitError(unit ?? '');
  return roundKg(weight * factor);
}

/** Equal to the gram. */
export const sameWeight = (a: number, b: number): boolean => Math.abs(roundKg(a) - roundKg(b)) < 0.0005;
