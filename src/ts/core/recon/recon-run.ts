/**
 * The reconciliation run, pure: what is frozen on the record (the figures as JSON, with when they
 * were computed) and the rules of sign-off. One run per period: before sign-off a re-run replaces
 * the draft's figures; a signed-off run is never changed and a re-run shows it instead.
 */
import type { Period, Reconciliation } from './reconcile';

/** NetSuite's Long Text (CLOBTEXT) holds 1,000,000 characters; keep room. */
export const MAX_FIGURES_CHARS = 900_000;

export interface ReconRun {
  id: string;
  period: Period;
  figures: Reconciliation;
  /** ISO instant the figures were computed (the draft's version). */
  computedAt: string;
  fileId: string;
  /** "Name (id)" of who signed off; empty on a draft. */
  signedBy: string;
  /** ISO instant of sign-off; empty on a draft. */
  signedAt: string;
}

export const isSigned = (run: Pick<ReconRun, 'signedAt'>): boolean => run.signedAt !== '';

/** The figures as stored. Too many differing SKU lines for one field keeps the largest by value (the CSV holds them all). */
export function figuresJson(r: Reconciliation): string {
  let json = JSON.stringify(r);
  if (json.length <= MAX_FIGURES_CHARS) return json;
  const lines = [...r.stock.lines].sort((a, b) => Math.abs(b.differenceValue) - Math.abs(a.differenceValue));
  let keep = lines.length;
  while (keep > 0) {
    keep = Math.floor(keep / 2);
    json = JSON.stringify({ ...r, stock: { ...r.stock, lines: lines.slice(0, keep), linesTruncated: lines.length - keep } });
    if (json.length <= MAX_FIGURES_CHARS) return json;
  }
  return json;
}

export function parseFigures(json: string): Reconciliation {
  const r = JSON.parse(json) as Reconciliation;
  if (!r || !r.period || !r.despatches || !r.stock || !r.adjustments || !r.checks) throw new Error('not a reconciliation');
  return r;
}

export type SignOffDecision = { ok: true } | { ok: false; reason: string };

/**
 * Whether `run` may be signed off by someone who reviewed the figures computed at `reviewedAt`.
 * A run already signed, or figures re-computed since the page was opened, are refused.
 */
export function canSignOff(run: ReconRun | null, reviewedAt: string): SignOffDecision {
  if (!run) return { ok: false, reason: 'That reconciliation run no longer exists: open the period again.' };
  if (isSigned(run)) return { ok: false, reason: `This period was already signed off by ${run.signedBy} at ${run.signedAt}; its figures are frozen.` };
  if (run.computedAt !== reviewedAt)
    return { ok: false, reason: `The figures were re-computed at ${run.computedAt}, after the page you signed was opened (${reviewedAt || 'unknown'}). Review the figures below and sign again.` };
  return { ok: true };
}

/** Why a change to a run is refused (it was signed off), or null when it may go ahead. */
export function changeRefusal(eventType: string, signedBy: string, signedAt: string): string | null {
  if (!signedAt || !['edit', 'xedit', 'delete'].includes(eventType)) return null;
  return `This Scend reconciliation run was signed off by ${signedBy || 'someone'} at ${signedAt}; a signed-off run cannot be ${eventType === 'delete' ? 'deleted' : 'changed'}.`;
}
