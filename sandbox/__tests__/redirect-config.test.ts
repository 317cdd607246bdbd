import { loadFixture } from './support/fixture';

/* eslint-disable @typescript-eslint/no-explicit-any */
const errorName = (fn: () => unknown): string => {
  try { fn(); } catch (e) { return (e as Error).name; }
  return 'no error';
};

describe('N/redirect', () => {
  // NetSuite Help: redirect.toSuitelet(options) — the Suitelet's response sends the browser to another Suitelet
  it('a Suitelet redirect to another Suitelet answers 302 with the Suitelet URL', async () => {
    const sb = loadFixture();
    const reply = await sb.callSuitelet('customdeploy_fx_sl_redirect', { params: { to: 'suitelet' } });
    expect(reply.code).toBe(302);
    expect(reply.headers.Location).toBe('/app/site/hosting/scriptlet.nl?script=customscript_fx_sl&deploy=customdeploy_fx_sl&from=redirect');
    expect(reply.redirect).toMatchObject({ kind: 'SUITELET', options: { scriptId: 'customscript_fx_sl', deploymentId: 'customdeploy_fx_sl' } });
  });

  // NetSuite Help: redirect.toRecord(options)
  it('a redirect to a record points at the record in edit mode', async () => {
    const reply = await loadFixture().callSuitelet('customdeploy_fx_sl_redirect', { params: { to: 'record' } });
    expect(reply.redirect).toMatchObject({ kind: 'RECORD', url: '/app/common/record/salesorder.nl?id=42&e=T' });
  });

  it('a Suitelet that does not redirect answers as before', async () => {
    const reply = await loadFixture().callSuitelet('customdeploy_fx_sl_redirect', { params: { to: 'none' } });
    expect(reply.code).toBe(200);
    expect(reply.redirect).toBeUndefined();
    expect(reply.body).toBe('no redirect');
  });

  it('missing arguments and unknown Suitelets are refused by name', () => {
    const redirect = loadFixture().module<any>('N/redirect');
    expect(errorName(() => redirect.toRecord({ type: 'salesorder' }))).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(errorName(() => redirect.toSuitelet({ scriptId: 'customscript_nope', deploymentId: 'customdeploy_nope' }))).toBe('SSS_INVALID_SCRIPT_ID_1');
  });
});

describe('N/config', () => {
  // NetSuite Help: config.load(options) — returns a record over the configuration page; 10 units
  it('a script loads company information (10 units) and reads the company name', async () => {
    const sb = loadFixture();
    const reply = await sb.callSuitelet('customdeploy_fx_sl_redirect', { params: { to: 'config' } });
    expect(reply.body).toBe('Sandbox Company');
    expect(reply.usage.reduce((n, u) => n + u.units, 0)).toBe(10);
  });

  it('preferences carry the sandbox formats and features; setValue + save persist', () => {
    const sb = loadFixture();
    const config = sb.module<any>('N/config');
    const prefs = config.load({ type: config.Type.COMPANY_PREFERENCES });
    expect(prefs.getValue({ fieldId: 'DATEFORMAT' })).toBe('M/D/YYYY');
    expect(prefs.getValue({ fieldId: 'TIMEZONE' })).toBe('Etc/UTC');
    expect(config.load({ type: config.Type.FEATURES }).getValue({ fieldId: 'ADVANCEDINVENTORYMANAGEMENT' })).toBe(true);
    const info = config.load({ type: config.Type.COMPANY_INFORMATION });
    expect(info.getValue({ fieldId: 'basecurrency' })).toBe('GBP');
    info.setValue({ fieldId: 'companyname', value: 'Renamed Ltd' });
    expect(config.load({ type: config.Type.COMPANY_INFORMATION }).getValue({ fieldId: 'companyname' })).toBe('Sandbox Company');
    info.save();
    expect(config.load({ type: config.Type.COMPANY_INFORMATION }).getValue({ fieldId: 'companyname' })).toBe('Renamed Ltd');
  });

  // NetSuite Help: config.load(options) — Errors: INVALID_RCRD_TYPE
  it('unknown configuration types and fields are refused by name', () => {
    const config = loadFixture().module<any>('N/config');
    expect(errorName(() => config.load({ type: 'nosuchpage' }))).toBe('INVALID_RCRD_TYPE');
    expect(errorName(() => config.load({ type: config.Type.TAX_PERIODS }))).toBe('SSS_NOT_YET_SUPPORTED');
    expect(errorName(() => config.load({ type: config.Type.USER_PREFERENCES }).setValue({ fieldId: 'NOSUCH', value: 1 }))).toBe('INVALID_FIELD_ID');
  });
});
