/**
 * The BUILT configuration-check Suitelet runs under Oracle's SuiteCloud stubs: its N/search,
 * N/cache and N/ui/serverWidget dependencies are the jest-mocked stubs, given just enough state
 * (a tiny fake account) to answer, and the page it writes says what an admin must see.
 */
jest.mock('N/search');
jest.mock('N/cache');
jest.mock('N/ui/serverWidget');

const fs = require('fs');
const path = require('path');

/** Fresh module registry per test: the script and the test share the same mocked N modules. */
function freshModules() {
  jest.resetModules();
  return { search: require('N/search'), cache: require('N/cache'), serverWidget: require('N/ui/serverWidget') };
}

const BUILT = path.resolve(__dirname, '..', '..', '..', 'src', 'FileCabinet', 'SuiteScripts', 'scend_connector', 'sl_config_check.js');

/** Search rows by record/list type; a row answers getValue({ name }) from its values. */
function fakeAccount({ search, cache }, tables) {
  search.create.mockImplementation(({ type }) => ({
    run: () => ({
      getRange: () => (tables[type] || []).map((r) => ({ id: r.id, getValue: ({ name }) => (name in r ? r[name] : null) })),
    }),
  }));
  const stores = new Map();
  cache.getCache.mockImplementation(({ name }) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name);
    return {
      get: ({ key, loader }) => {
        if (!store.has(key) && loader) store.set(key, loader());
        return store.has(key) ? store.get(key) : null;
      },
      put: ({ key, value }) => store.set(key, value),
      remove: ({ key }) => store.delete(key),
    };
  });
}

/** Runs onRequest and returns the page it wrote: title, fields by label, buttons. */
function renderPage({ serverWidget }, method) {
  const fields = [];
  const buttons = [];
  serverWidget.createForm.mockImplementation(({ title }) => ({
    title,
    addField: (opts) => {
      const field = { ...opts, defaultValue: undefined, updateDisplayType: jest.fn() };
      fields.push(field);
      return field;
    },
    addSubmitButton: ({ label }) => buttons.push(label),
  }));
  const written = [];
  const { onRequest } = require('SuiteScripts/scend_connector/sl_config_check');
  onRequest({ request: { method, parameters: {} }, response: { writePage: (form) => written.push(form), write: jest.fn() } });
  expect(written).toHaveLength(1);
  const byLabel = Object.fromEntries(fields.map((f) => [f.label, f.defaultValue]));
  return { title: written[0].title, byLabel, buttons };
}

const COMPLETE_CONFIG = {
  customrecord_scend_config: [
    {
      id: '1',
      custrecord_scend_cfg_base_url: 'https://api.scend.example',
      custrecord_scend_cfg_secret_id: 'custsecret_scend_api_key',
      custrecord_scend_cfg_ref_source: '2',
      custrecord_scend_cfg_unreach_policy: '1',
    },
  ],
  customlist_scend_ref_source: [
    { id: '1', scriptid: 'VAL_SCEND_REF_EXTERNALID' },
    { id: '2', scriptid: 'VAL_SCEND_REF_TRANID' },
  ],
  customlist_scend_unreach_policy: [
    { id: '1', scriptid: 'VAL_SCEND_UNREACH_REFUSE' },
    { id: '2', scriptid: 'VAL_SCEND_UNREACH_ALLOW_FLAG' },
  ],
  customrecord_scend_location_map: [{ id: '7', custrecord_scend_lm_location: '3', custrecord_scend_lm_warehouse: 'WH1' }],
};

describe('sl_config_check.js (built) under SuiteCloud stubs', () => {
  it('is built (run npm run build first)', () => {
    expect(fs.existsSync(BUILT)).toBe(true);
  });

  it('tells the admin the connector is not ready when no configuration record is active', () => {
    const n = freshModules();
    fakeAccount(n, {});
    const page = renderPage(n, 'GET');
    expect(page.title).toMatch(/configuration check/i);
    expect(page.byLabel.Status).toMatch(/Not ready/);
    expect(page.byLabel.Problems).toMatch(/No active Scend configuration record/);
    expect(page.buttons).toEqual(['Re-check']);
  });

  it('shows the settings, and only the secret id (never a key), when the configuration is complete', () => {
    const n = freshModules();
    fakeAccount(n, { ...COMPLETE_CONFIG });
    const page = renderPage(n, 'GET');
    expect(page.byLabel.Status).toMatch(/^<p><b>Ready/);
    expect(page.byLabel['Scend base URL']).toBe('https://api.scend.example');
    expect(page.byLabel['API key secret']).toMatch(/^custsecret_scend_api_key /);
    expect(page.byLabel.ClientReference).toBe('Document number');
    expect(page.byLabel.Warehouses).toBe('location 3 → WH1');
    expect(page.byLabel.Problems).toBeUndefined();
  });

  it('serves the cached config on GET and re-reads the records when the admin presses Re-check (POST)', () => {
    const n = freshModules();
    const account = { ...COMPLETE_CONFIG };
    fakeAccount(n, account);
    expect(renderPage(n, 'GET').byLabel.Status).toMatch(/^<p><b>Ready/);
    delete account.customrecord_scend_config; // the admin deactivates the record
    expect(renderPage(n, 'GET').byLabel.Status).toMatch(/^<p><b>Ready/);
    expect(renderPage(n, 'POST').byLabel.Status).toMatch(/Not ready/);
  });
});
