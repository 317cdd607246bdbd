/**
 * The connector's pages after the week, as a user would open them: each Suitelet in `pagesFor(month)` is
 * rendered by the sandbox (GET, as the browser tests call it) and written to a folder as HTML;
 * where Debian's Chromium is installed, each is also opened through the browser tests' page server
 * and kept as a full-page PNG. A page whose script is not deployed in this project is skipped and
 * said so. The reconciliation opens on the month the week ran in (its own default is last month).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM_PATH, launchChromium } from '../harness/browser/chromium';
import { startPageServer } from '../harness/browser/page-server';
import { SCRIPTS } from '../src/ts/ids';
import type { Sandbox } from '../sandbox/src/index';

export interface PageSpec {
  /** File name without extension. */
  name: string;
  title: string;
  scriptId: string;
  /** Default: the script's first deployment. */
  deploymentId?: string;
  /** Request parameters (URL query). */
  params?: Record<string, string>;
}

/** The pages to write; `month` (YYYY-MM) is the reconciliation's period. */
export function pagesFor(month: string): PageSpec[] {
  return [
    { name: 'dashboard', title: 'Operations dashboard', scriptId: SCRIPTS.dashboard.id, deploymentId: SCRIPTS.dashboard.deployments.main },
    { name: 'setup-audit', title: 'Setup audit', scriptId: SCRIPTS.setupAudit.id, deploymentId: SCRIPTS.setupAudit.deployments.main },
    { name: 'reconciliation', title: `Month-end reconciliation (${month})`, scriptId: SCRIPTS.reconciliation.id, params: { month } },
  ];
}

export interface WrittenPage {
  spec: PageSpec;
  html?: string;
  png?: string;
  /** Why there is no file. */
  skipped?: string;
}

/** The deployment to render, or why not. */
function deploymentOf(sb: Sandbox, spec: PageSpec): { id: string } | { skipped: string } {
  const script = sb.meta.scripts.get(spec.scriptId);
  if (!script) return { skipped: `script ${spec.scriptId} is not in this project` };
  if (script.type !== 'SUITELET') return { skipped: `${spec.scriptId} is not a Suitelet` };
  const dep = spec.deploymentId ? script.deployments.find((d) => d.scriptid === spec.deploymentId) : script.deployments[0];
  if (!dep || !dep.isDeployed) return { skipped: `${spec.scriptId} has no deployed deployment` };
  return { id: dep.scriptid };
}

export async function writePages(sb: Sandbox, dir: string, pages: PageSpec[], options: { screenshots?: boolean } = {}): Promise<{ pages: WrittenPage[]; screenshots: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const out: WrittenPage[] = [];
  for (const spec of pages) {
    const dep = deploymentOf(sb, spec);
    if ('skipped' in dep) {
      out.push({ spec, skipped: dep.skipped });
      continue;
    }
    const reply = await sb.callSuitelet(dep.id, { method: 'GET', params: spec.params });
    if (reply.code !== 200) throw new Error(`${spec.title} answered ${reply.code}`);
    const html = path.join(dir, `${spec.name}.html`);
    fs.writeFileSync(html, reply.body);
    out.push({ spec: { ...spec, deploymentId: dep.id }, html });
  }
  let screenshots = 'not asked for';
  if (options.screenshots !== false) screenshots = fs.existsSync(CHROMIUM_PATH) ? await shoot(sb, dir, out) : `no browser at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
  return { pages: out, screenshots };
}

/** Each written page opened in Chromium through the browser tests' page server (so its links resolve), kept as a PNG. */
async function shoot(sb: Sandbox, dir: string, pages: WrittenPage[]): Promise<string> {
  const server = await startPageServer(sb);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    for (const p of pages.filter((x) => x.html)) {
      const query = new URLSearchParams(p.spec.params ?? {}).toString();
      const res = await page.goto(`${server.suiteletUrl(p.spec.scriptId, p.spec.deploymentId ?? '')}${query ? `&${query}` : ''}`);
      if (res?.status() !== 200) throw new Error(`${p.spec.title} answered ${res?.status()} in the browser`);
      p.png = path.join(dir, `${p.spec.name}.png`);
      await page.screenshot({ path: p.png, fullPage: true });
    }
    return 'Chromium';
  } finally {
    await browser.close();
    await server.close();
  }
}
