/**
 * The dashboard and the setup audit as Suitelets in the sandbox (no browser): what they read, what
 * they cost, and audit gaps from real causes — a schedule switched off, a refused API key.
 */
import { SCRIPTS } from '../../src/ts/ids';
import { setDeployment } from '../drift/support/drift-world';
import { startPagesWorld, type PagesWorld } from './support/pages-world';

let w: PagesWorld;
beforeAll(async () => {
  w = await startPagesWorld();
});
afterAll(async () => {
  await w?.close();
});

const dashboard = () => w.sb.callSuitelet(SCRIPTS.dashboard.deployments.main, { method: 'GET' });
const audit = (method: 'GET' | 'POST' = 'GET') => w.sb.callSuitelet(SCRIPTS.setupAudit.deployments.main, { method });

describe('operations dashboard page', () => {
  it('renders within a Suitelet’s governance with SuiteQL reads, and links each stalled order to its record', async () => {
    const res = await dashboard();
    expect(res.code).toBe(200);
    const units = res.usage.reduce((n, u) => n + u.units, 0);
    expect(units).toBeLessThan(150); // four paged SuiteQL reads, cached configuration and list values
    expect(res.body).toContain(`href="/app/common/record/salesorder.nl?id=${w.stalledOrderId}"`);
    expect(res.body).not.toMatch(/<script/i); // nothing to load from outside NetSuite
    expect(res.body).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // no external URL (the SVG namespace is a name, not a fetch)
  });

  it('is open to each connector role and shows no API key', async () => {
    for (const role of ['customrole_scend_operations', 'customrole_scend_finance', 'customrole_scend_customer_service']) {
      const res = await w.sb.asUser({ id: 77, role }, () => dashboard());
      expect(res.code).toBe(200);
    }
    expect((await dashboard()).body).not.toContain(w.sim.apiKey);
  });
});

describe('setup audit page', () => {
  it('reports a schedule switched off, with the fix, and passes again once it is back', async () => {
    const restore = setDeployment(w, SCRIPTS.orderBacklog.id, SCRIPTS.orderBacklog.deployments.main, { status: 'NOTSCHEDULED' });
    try {
      const body = (await audit()).body;
      expect(body).toContain('Order backlog schedule (customdeploy_scend_mr_order_backlog) is NOTSCHEDULED; it must be SCHEDULED');
      expect(body).toContain('set Status to Scheduled');
    } finally {
      restore();
    }
    expect((await audit()).body).toMatch(/Schedules and scripts are deployed and running: <span class="scend-ok" data-outcome="passed">/);
  });

  it('tries the API secret: a key Scend refuses is a connection gap naming the secret', async () => {
    w.sb.secrets.register('custsecret_scend_api_key', 'wrong-key', { allowedDomains: ['127.0.0.1'], allowedScripts: [SCRIPTS.setupAudit.id] });
    try {
      const body = (await audit('POST')).body;
      expect(body).toContain('Scend refused the API key in custsecret_scend_api_key (401)');
      expect(body).not.toContain('wrong-key');
    } finally {
      w.sb.secrets.register('custsecret_scend_api_key', w.sim.apiKey, { allowedDomains: ['127.0.0.1'], allowedScripts: [...Object.values(SCRIPTS).filter((s) => 'callsScend' in s).map((s) => s.id)] });
    }
    expect((await audit('POST')).body).toMatch(/Configuration and API secret: <span class="scend-ok"/);
  });
});
