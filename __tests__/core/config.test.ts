import { parseConfig, ConfigurationError, type RawConfig } from '../../src/ts/core/config';
import { configReport } from '../../src/ts/core/config-report';

const valid = (over: Partial<RawConfig> = {}): RawConfig => ({
  baseUrl: 'https://brand.scend.example/',
  secretId: 'custsecret_scend_api_key',
  referenceSource: 'VAL_SCEND_REF_TRANID',
  defaultCourierService: 'DPD-NEXTDAY',
  despatchLeadDays: null,
  stalledAfterHours: 6,
  maxAttempts: null,
  unreachablePolicy: 'val_scend_unreach_allow_flag',
  alertEmail: 'ops@brand.example',
  locations: [{ locationId: '1', warehouse: 'UK1' }],
  shipMethods: [{ shipMethodId: '77', courierService: 'RM-24', priorityDays: 0 }],
  ...over,
});

describe('connector configuration', () => {
  it('accepts a complete configuration, trims the base URL and fills defaults', () => {
    const result = parseConfig(valid());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.config.baseUrl).toBe('https://brand.scend.example');
    expect(result.config.referenceSource).toBe('tranId');
    expect(result.config.unreachablePolicy).toBe('allowAndFlag');
    expect(result.config.despatchLeadDays).toBe(1);
    expect(result.config.maxAttempts).toBe(8);
    expect(result.config.stalledAfterHours).toBe(6);
    expect(result.config.locations).toEqual({ '1': 'UK1' });
    expect(result.config.shipMethods['77']).toEqual({ courierService: 'RM-24', priorityDays: 0 });
  });

  it('reports a missing active configuration record with what to do', () => {
    const result = parseConfig(null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/No active Scend configuration record/);
  });

  it('reports every problem at once, not just the first', () => {
    const result = parseConfig(valid({ baseUrl: 'http://scend.example', secretId: 'the-key-itself', locations: [], maxAttempts: 0 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field).sort()).toEqual(['baseUrl', 'locations', 'maxAttempts', 'secretId']);
  });

  it('refuses plain http anywhere, loopback included: N/https speaks only https', () => {
    expect(parseConfig(valid({ baseUrl: 'https://127.0.0.1:4010' })).ok).toBe(true);
    expect(parseConfig(valid({ baseUrl: 'http://127.0.0.1:4010' })).ok).toBe(false);
    expect(parseConfig(valid({ baseUrl: 'http://scend.example' })).ok).toBe(false);
  });

  it('refuses a base URL that already ends in /v1', () => {
    const result = parseConfig(valid({ baseUrl: 'https://brand.scend.example/v1' }));
    expect(result.ok).toBe(false);
  });

  it('refuses one location mapped to two warehouses and a mapping without a code', () => {
    const result = parseConfig(
      valid({ locations: [{ locationId: '1', warehouse: 'UK1' }, { locationId: '1', warehouse: 'UK2' }, { locationId: '2', warehouse: ' ' }] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toEqual([expect.stringMatching(/two warehouses/), expect.stringMatching(/no Scend warehouse code/)]);
  });

  it('refuses more than one active configuration record', () => {
    const result = parseConfig(valid({ activeRecords: 2 }));
    expect(result.ok).toBe(false);
  });

  it('refuses an unknown list value rather than guessing', () => {
    const result = parseConfig(valid({ referenceSource: 'val_something_else' }));
    expect(result.ok).toBe(false);
  });

  it('ConfigurationError names every problem and is permanent', () => {
    const result = parseConfig(valid({ secretId: null, locations: [] }));
    if (result.ok) throw new Error('expected problems');
    const error = new ConfigurationError(result.problems);
    expect(error.retry).toBe('permanent');
    expect(error.message).toMatch(/secretId: .*; locations: /);
  });
});

describe('configuration check page', () => {
  it('shows the secret id but says the key stays in API Secrets', () => {
    const report = configReport(parseConfig(valid()));
    expect(report.ready).toBe(true);
    expect(report.settings.find((s) => s.label === 'API key secret')?.value).toMatch(/custsecret_scend_api_key .*stays in NetSuite API Secrets/);
    expect(report.settings.find((s) => s.label === 'Warehouses')?.value).toBe('location 1 → UK1');
  });

  it('lists the problems when not ready', () => {
    const report = configReport(parseConfig(valid({ baseUrl: null })));
    expect(report.ready).toBe(false);
    expect(report.problems).toEqual(['baseUrl: Scend base URL is required']);
  });
});
