import { loadFixture } from './support/fixture';

// NetSuite Help: "Differences Between SuiteScript 2.0 and SuiteScript 2.1" — 2.1 runs on an ECMAScript
// engine (GraalJS), not Node or a browser; SuiteScript's own globals are `log` and `util`
// ("SuiteScript Reserved Words"). A script that uses URL, TextEncoder, fetch, process, Buffer, timers ...
// fails on NetSuite with ReferenceError, so it must fail here too.
describe('the script realm has ECMAScript globals only', () => {
  const run = async () => {
    const sb = loadFixture();
    await sb.runScheduled('customdeploy_fx_realm');
    return JSON.parse(sb.logs.query({ title: 'realm' })[0]!.details) as {
      thrown: Record<string, string>; types: Record<string, string>; viaGlobal: Record<string, unknown>;
    };
  };

  it('using a Node or Web API throws ReferenceError, as an undefined name does on NetSuite', async () => {
    const { thrown } = await run();
    for (const name of ['URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'fetch', 'process', 'Buffer', 'setTimeout', 'setInterval',
      'structuredClone', 'queueMicrotask', 'WebAssembly', 'atob', 'crypto', 'console', 'require', 'global']) {
      expect([name, thrown[name]]).toEqual([name, 'ReferenceError']);
    }
  });

  it('typeof of a missing global is "undefined" (feature checks keep working), ECMAScript globals and log stay', async () => {
    const { types } = await run();
    expect(types).toEqual({ URL: 'undefined', TextEncoder: 'undefined', process: 'undefined', fetch: 'undefined', Buffer: 'undefined', JSON: 'object', Intl: 'object', Promise: 'function', log: 'object' });
  });

  it('globalThis does not leak them either (globalThis.process, "fetch" in globalThis, top-level this)', async () => {
    const { viaGlobal } = await run();
    expect(viaGlobal).toEqual({ process: true, fetchIn: false, URL: 'undefined', topThisHasProcess: false, Math: true });
  });
});
