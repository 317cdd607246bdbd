/** HTML helpers for the connector's Suitelet pages (rendered server-side; no external network). */

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A link to a NetSuite page (href from N/url); links are tab stops, so a keyboard reaches them. */
export const link = (href: string, text: string): string => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

export interface Column<R> {
  label: string;
  /** Cell HTML (already escaped or built with `link`). */
  cell(row: R): string;
  numeric?: boolean;
}

/** A table with a caption (screen readers announce it) and a message when there are no rows. */
export function table<R>(id: string, caption: string, columns: Column<R>[], rows: readonly R[], empty: string): string {
  if (rows.length === 0) return `<p class="scend-empty" id="${escapeHtml(id)}">${escapeHtml(empty)}</p>`;
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${c.cell(r)}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="scend-table" id="${escapeHtml(id)}"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export const section = (id: string, title: string, body: string): string =>
  `<section class="scend-section" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h"><h2 id="${escapeHtml(id)}-h">${escapeHtml(title)}</h2>${body}</section>`;

/** Page styles: inline, so the page needs nothing from outside NetSuite. */
export const PAGE_STYLE = `<style>
.scend-page{font-family:Arial,Helvetica,sans-serif;color:#1f2933;max-width:1100px}
.scend-page h2{font-size:16px;margin:18px 0 8px;border-bottom:1px solid #d9e2ec;padding-bottom:4px}
.scend-page h3{font-size:14px;margin:12px 0 6px}
.scend-summary{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
.scend-tile{border:1px solid #d9e2ec;border-radius:4px;padding:8px 14px;min-width:120px}
.scend-tile b{display:block;font-size:22px}
.scend-table{border-collapse:collapse;margin:6px 0;font-size:13px}
.scend-table caption{text-align:left;font-weight:bold;padding:4px 0}
.scend-table th,.scend-table td{border:1px solid #d9e2ec;padding:4px 8px;text-align:left;vertical-align:top}
.scend-table .num{text-align:right}
.scend-grid{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.scend-empty{color:#52606d;font-style:italic}
.scend-ok{color:#1b7a3d}.scend-bad{color:#b42318}
.scend-page a{color:#0b5cad}
.scend-page a:focus,.scend-page button:focus{outline:3px solid #f59e0b;outline-offset:2px}
</style>`;
