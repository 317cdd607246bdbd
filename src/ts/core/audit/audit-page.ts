/** The setup audit as HTML: a headline, then each check with its gaps and their fixes. */
import { escapeHtml, link, PAGE_STYLE, section } from '../pages/html';
import type { PageLinks } from '../pages/links';
import type { AuditCheckResult, AuditGap, AuditReport } from './audit';

const OUTCOME = { passed: ['scend-ok', 'OK'], failed: ['scend-bad', 'Gaps found'], unchecked: ['scend-bad', 'Not checked'] } as const;

function gapLink(gap: AuditGap, links: PageLinks): string {
  if (!gap.link) return '';
  const { kind, id, text } = gap.link;
  const href =
    kind === 'item' ? links.item(id) : kind === 'salesOrder' ? links.salesOrder(id) : kind === 'ledger' ? links.ledger(id) : kind === 'location' ? links.location(id) : links.page('configCheck');
  return link(href, text);
}

function checkHtml(check: AuditCheckResult, links: PageLinks): string {
  const [cls, word] = OUTCOME[check.outcome];
  const head = `<h3 id="scend-check-${escapeHtml(check.id)}-h">${escapeHtml(check.title)}: <span class="${cls}" data-outcome="${check.outcome}">${word}${check.gaps.length ? ` (${check.gaps.length})` : ''}</span></h3>`;
  if (!check.gaps.length) return `<div class="scend-check" id="scend-check-${escapeHtml(check.id)}">${head}</div>`;
  const rows = check.gaps
    .map((g) => `<tr><td>${escapeHtml(g.problem)}</td><td>${escapeHtml(g.fix)}</td><td>${gapLink(g, links)}</td></tr>`)
    .join('');
  return (
    `<div class="scend-check" id="scend-check-${escapeHtml(check.id)}">${head}` +
    `<table class="scend-table"><caption>${escapeHtml(check.title)}: gaps and fixes</caption><thead><tr><th scope="col">Gap</th><th scope="col">Fix</th><th scope="col">Record</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

export function renderAudit(report: AuditReport, links: PageLinks): string {
  const headline = report.ready
    ? `<p id="scend-audit-headline" class="scend-ok"><b>Ready: every check passed.</b></p>`
    : `<p id="scend-audit-headline" class="scend-bad"><b>Not ready: ${report.gapCount} gap(s) to fix.</b></p>`;
  const summary = `<ul id="scend-audit-summary">${report.checks
    .map((c) => `<li><a href="#scend-check-${escapeHtml(c.id)}">${escapeHtml(c.title)}</a>: ${OUTCOME[c.outcome][1]}${c.gaps.length ? ` (${c.gaps.length})` : ''}</li>`)
    .join('')}</ul>`;
  const areas = ['connection', 'schedules', 'items', 'mappings', 'orders', 'roles'] as const;
  const titles = { connection: 'Connection', schedules: 'Schedules', items: 'Items', mappings: 'Mappings', orders: 'Open orders', roles: 'Roles' };
  const body = areas
    .map((a) => {
      const checks = report.checks.filter((c) => c.area === a);
      return checks.length ? section(`scend-area-${a}`, titles[a], checks.map((c) => checkHtml(c, links)).join('')) : '';
    })
    .join('');
  return `${PAGE_STYLE}<div class="scend-page" id="scend-audit">${headline}${summary}<p>${link(links.page('dashboard'), 'Operations dashboard')} · ${link(links.page('configCheck'), 'Configuration check')}</p>${body}</div>`;
}
