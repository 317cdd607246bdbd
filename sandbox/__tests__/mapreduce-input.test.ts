import { sqlEngineReady } from '../src/modules/query/engine';
import { createAudit, loadFixture } from './support/fixture';

// NetSuite Help: getInputData(inputContext) — Returns Array | Object | Search | object reference
// (file, suiteql, query, search); a suiteql row reaches map as JSON whose `values` is the row.
beforeAll(() => sqlEngineReady);

const run = (sb: ReturnType<typeof loadFixture>, mode: string) => sb.runMapReduce('customdeploy_fx_mr_input', { params: { custscript_fx_input_mode: mode } });
const inputError = (r: Awaited<ReturnType<typeof run>>) => JSON.parse(r.input.error ?? '{}') as { name?: string; message?: string };

describe('map/reduce input references', () => {
  it('{ type: "suiteql", query, params } runs the SuiteQL; each row reaches map as {types, values} JSON', async () => {
    const sb = loadFixture();
    const a = createAudit(sb, 'keep one');
    createAudit(sb, 'drop');
    const b = createAudit(sb, 'keep two');
    const r = await run(sb, 'suiteql');
    expect(r.input.error).toBeNull();
    const byKey = Object.fromEntries(r.output.map((p) => [p.key, JSON.parse(p.value)]));
    expect(byKey).toEqual({
      0: { types: ['INTEGER', 'STRING'], values: [a, 'keep one'] },
      1: { types: ['INTEGER', 'STRING'], values: [b, 'keep two'] },
    });
  });

  it('a SuiteQL error in the reference goes to summarize as SSS_SEARCH_ERROR_OCCURRED', async () => {
    const r = await run(loadFixture(), 'suiteql_bad');
    expect(inputError(r).name).toBe('SSS_SEARCH_ERROR_OCCURRED');
    expect(r.map.keys).toEqual([]);
  });

  it('{ type: "search", id } loads the saved search by id', async () => {
    const sb = loadFixture();
    const id = createAudit(sb, 'found');
    sb.search.create({ type: 'customrecord_fx_audit', columns: ['name'] }).save({ id: 'customsearch_fx_input', title: 'Input' });
    const r = await run(sb, 'searchref');
    expect(r.output.map((p) => p.key)).toEqual([String(id)]);
  });

  it.each([
    ['searchref_extra', 'a search input reference has no columns'],
    ['queryref', 'query input references'],
    ['fileref', 'file input references'],
    ['other_type', 'dataset input references'],
  ])('an object reference the sandbox does not run (%s) is refused by name, never mapped key by key', async (mode, text) => {
    const r = await run(loadFixture(), mode);
    expect(inputError(r).name).toBe('SSS_UNSUPPORTED_INPUT');
    expect(inputError(r).message?.toLowerCase()).toContain(text.toLowerCase());
    expect(r.map.keys).toEqual([]);
  });

  it('a plain object without a type key still maps key by key', async () => {
    const r = await run(loadFixture(), 'plain');
    expect(Object.fromEntries(r.output.map((p) => [p.key, p.value]))).toEqual({ alpha: '1', beta: '{"n":2}' });
  });
});
