/**
 * Units of a Scend despatch as the reconciliation compares them with NetSuite's fulfilments. Kits
 * are left out on both sides: Scend despatches a kit's members (LineRef `<kit line>.<member item>`)
 * while NetSuite fulfils the kit line in whole kits, so their units are not comparable. A kit
 * despatch is still matched (and counted) by its DespatchId.
 */
export interface DespatchLines {
  Parcels: Array<{ Lines: Array<{ LineRef: string; Quantity: number }> }>;
}

export const isKitMemberLine = (lineRef: string): boolean => lineRef.includes('.');

export function despatchUnits(d: DespatchLines): number {
  let units = 0;
  for (const p of d.Parcels) for (const l of p.Lines) if (!isKitMemberLine(l.LineRef)) units += l.Quantity;
  return units;
}
