/** Reading a stock run's comparison CSV back (for drift detection and reconciliation). */
import { REPORT_HEADER } from './report';

export interface ReportRow {
  sku: string;
  itemId: string;
  locationId: string;
  scend: number;
  netsuite: number;
  pending: number;
  difference: number;
  status: string;
}

/** Splits one CSV line as comparisonCsv writes it (quoted cells with doubled quotes). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseComparisonCsv(csv: string): ReportRow[] {
  const lines = csv.split(/\r?\n/).filter((l) => l !== '');
  if (lines[0] !== REPORT_HEADER) throw new Error(`not a stock comparison file (header ${JSON.stringify(lines[0] ?? '')})`);
  return lines.slice(1).map((l) => {
    const [sku, itemId, locationId, , scend, netsuite, pending, difference, status] = cells(l);
    const n = (v: string) => (v === '' ? 0 : Number(v));
    return { sku, itemId, locationId, scend: n(scend), netsuite: n(netsuite), pending: n(pending), difference: n(difference), status };
  });
}
