/** The configuration check Suitelet, built and deployed in the sandbox, against a configured and a broken connector. */
import { startConnectorWorld, type ConnectorWorld } from '../../harness/connector-world';
import { RECORDS, SCRIPTS } from '../../src/ts/ids';

let world: ConnectorWorld;
beforeAll(async () => {
  world = await startConnectorWorld();
});
afterAll(async () => {
  await world?.close();
});

const page = async (method: 'GET' | 'POST' = 'GET') => world.sb.callSuitelet(SCRIPTS.configCheck.deployments.main, { method });

describe('the configuration check page', () => {
  it('says ready and lists the settings, naming the API secret but never its value', async () => {
    const res = await page();
    expect(res.code).toBe(200);
    expect(res.body).toContain('Ready: the connector is configured.');
    expect(res.body).toContain('custsecret_scend_api_key');
    expect(res.body).toContain('UK1');
    expect(res.body).not.toContain(world.sim.apiKey);
  });

  it('shows a change to the configuration at once: saving a config record drops the cached config', async () => {
    expect((await page()).body).toContain('Ready'); // the checked config is now cached
    world.sb.record.submitFields({ type: RECORDS.config.id, id: world.configId, values: { [RECORDS.config.fields.baseUrl]: 'http://scend.example' } });
    const res = await page();
    expect(res.body).toContain('Not ready: 1 problem(s)');
    expect(res.body).toContain('baseUrl: must be an https:// URL');
  });

  it('Re-check (POST) reads the records again even when the cache is warm', async () => {
    world.sb.record.submitFields({ type: RECORDS.config.id, id: world.configId, values: { [RECORDS.config.fields.baseUrl]: 'https://brand.scend.example' } });
    expect((await page('POST')).body).toContain('https://brand.scend.example');
  });
});
