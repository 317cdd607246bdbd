import { createAudit, loadFixture } from './support/fixture';

const summary = (sb: ReturnType<typeof loadFixture>) => JSON.parse(sb.logs.query({ title: 'summary' }).pop()?.details ?? 'null');

describe('map/reduce stages', () => {
  it('each array element reaches map as a string keyed by its index', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr', { params: { custscript_fx_mode: 'strings' } });
    expect(run.output.sort((a, b) => a.key.localeCompare(b.key))).toEqual([{ key: '0', value: 'a' }, { key: '1', value: 'b' }]);
  });

  it('an object input gives its keys, with object values as JSON strings', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr', { params: { custscript_fx_mode: 'object' } });
    expect(Object.fromEntries(run.output.map((p) => [p.key, p.value]))).toEqual({ alpha: '{"n":1}', beta: 'plain' });
  });

  it('values written in map are grouped by key for reduce', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr');
    // count 5: even n = 0,2,4 → 6; odd n = 1,3 → 4
    expect(Object.fromEntries(run.output.map((p) => [p.key, p.value]))).toEqual({ even: '6', odd: '4', 'even-count': '3', 'odd-count': '2' });
    expect(summary(sb).output).toEqual({ even: '6', odd: '4', 'even-count': '3', 'odd-count': '2' });
  });

  it('getInputData returning a search object serialises each result as NetSuite does', async () => {
    const sb = loadFixture();
    const id = createAudit(sb, 'seven');
    const run = await sb.runMapReduce('customdeploy_fx_mr', { params: { custscript_fx_mode: 'search' } });
    expect(run.output).toEqual([{ key: String(id), value: JSON.stringify({ recordType: 'customrecord_fx_audit', id: String(id), values: { name: 'seven' } }) }]);
  });

  it('getInputData returning { type: "search", id } runs the saved search', async () => {
    const sb = loadFixture();
    const id = createAudit(sb, 'three');
    sb.search.create({ type: 'customrecord_fx_audit', columns: ['name'] }).save({ id: 'customsearch_fx_audits', title: 'Audits' });
    const run = await sb.runMapReduce('customdeploy_fx_mr', { params: { custscript_fx_mode: 'searchref' } });
    expect(run.output.map((p) => p.key)).toEqual([String(id)]);
  });

  it('a map/reduce error in getInputData goes straight to summarize', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr', { params: { custscript_fx_mode: 'input_error' } });
    expect(JSON.parse(run.input.error ?? '{}')).toMatchObject({ name: 'Error', message: 'input exploded' });
    expect(run.usage.filter((u) => u.entryPoint === 'map')).toHaveLength(0);
    expect(summary(sb).inputError).toBe('input exploded');
  });

  it('each map call gets its own 1,000-unit limit and usage is reported per key', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr');
    const maps = run.usage.filter((u) => u.entryPoint === 'map');
    expect(maps.map((u) => u.key).sort()).toEqual(['0', '1', '2', '3', '4']);
    expect(new Set(maps.map((u) => `${u.units}/${u.limit}`))).toEqual(new Set(['6/1000']));
    expect(run.map.usage).toBe(30);
  });

  it('exceeding 1,000 units in map records SSS_USAGE_LIMIT_EXCEEDED for the key', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr', { params: { custscript_fx_mode: 'burn_map' } });
    expect(run.map.errors.map((e) => [e.key, JSON.parse(e.error).name])).toEqual([['0', 'SSS_USAGE_LIMIT_EXCEEDED']]);
  });

  it('keys run in a seeded shuffle: same seed same order, another seed another order', async () => {
    const order = async (seed: number) => {
      const sb = loadFixture({ seed });
      const run = await sb.runMapReduce('customdeploy_fx_mr', { params: { custscript_fx_count: 12 } });
      return run.usage.filter((u) => u.entryPoint === 'map').map((u) => u.key).join(',');
    };
    expect(await order(7)).toBe(await order(7));
    expect(await order(7)).not.toBe(await order(8));
  });

  it('retryCount reruns a failed key with executionNo and the earlier errors, discarding its failed writes', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr_retry');
    const flaky = sb.logs.query({ title: 'map flaky' }).map((e) => JSON.parse(e.details));
    expect(flaky.map((f) => [f.executionNo, f.isRestarted, f.prior])).toEqual([[1, false, []], [2, true, [1]]]);
    expect(run.output.filter((p) => p.key === 'flaky')).toEqual([{ key: 'flaky', value: '2' }]);
    expect(run.map.errors.filter((e) => e.key === 'broken').map((e) => e.executionNo)).toEqual([1, 2, 3]);
    expect(JSON.parse(sb.logs.query({ title: 'keys' })[0].details)).toEqual(expect.arrayContaining([['broken', 3, 'FAILED'], ['ok', 1, 'COMPLETE']]));
  });

  it('module state does not survive between invocations', async () => {
    const sb = loadFixture();
    await sb.runMapReduce('customdeploy_fx_mr_retry');
    expect(new Set(sb.logs.query({ contains: 'failures' }).map((e) => JSON.parse(e.details).failures))).toEqual(new Set([1]));
  });
});

describe('map/reduce restart injection', () => {
  const mapCalls = (sb: ReturnType<typeof loadFixture>) => sb.usage.query({ scriptId: 'customscript_fx_mr', entryPoint: 'map' });

  it('a restarted map key sees isRestarted and executionNo 2', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr', { restart: { stage: 'map', key: '2', afterGovernedCalls: 2 } });
    expect(run.restarts).toEqual([{ stage: 'map', key: '2', governedCallsBefore: 2, writesBefore: 2, rerunKeys: ['2'] }]);
    // the key's map ran twice; the second run was told it is a restart
    expect(mapCalls(sb).filter((u) => u.key === '2')).toHaveLength(2);
    expect(run.output.find((p) => p.key === 'even')?.value).toBe('6');
  });

  it('the interrupted invocation already did its governed work before the restart (so scripts must be idempotent)', async () => {
    const sb = loadFixture();
    await sb.runMapReduce('customdeploy_fx_mr', { restart: { stage: 'map', key: '2', afterGovernedCalls: 2 } });
    // create (2) + save (4): the record was saved, then the restart hit before the function finished
    const firstAttempt = mapCalls(sb).filter((u) => u.key === '2')[0];
    expect(firstAttempt.units).toBe(6);
  });

  it('SSS_APP_SERVER_RESTART is recorded in the map errors for the restarted key', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr', { restart: { stage: 'map', key: '3', afterWrites: 1 } });
    expect(run.map.errors.map((e) => [e.key, JSON.parse(e.error).name, e.executionNo])).toEqual([['3', 'SSS_APP_SERVER_RESTART', 1]]);
    expect(summary(sb).errors).toEqual([{ key: '3', name: 'SSS_APP_SERVER_RESTART', executionNo: 1 }]);
  });

  it('writes of the interrupted invocation are discarded, so grouped values are not doubled', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr', { restart: { stage: 'map', key: '3', afterWrites: 1 } });
    expect(run.output.find((p) => p.key === 'odd-count')?.value).toBe('2');
  });

  it('completed keys not yet marked complete (deployment buffer) run again after a restart', async () => {
    const sb = loadFixture();
    sb.meta.scripts.get('customscript_fx_mr')!.deployments[0].bufferSize = 4;
    const run = await sb.runMapReduce('customdeploy_fx_mr', { restart: { stage: 'map', afterInvocations: 2 } });
    expect(run.restarts[0].rerunKeys).toHaveLength(2);
    expect(mapCalls(sb)).toHaveLength(7);
  });

  it('a restart in reduce reruns the key with isRestarted', async () => {
    const sb = loadFixture();
    const run = await sb.runMapReduce('customdeploy_fx_mr', { restart: { stage: 'reduce', key: 'odd', afterGovernedCalls: 0 } });
    expect(run.reduce.errors.map((e) => [e.key, JSON.parse(e.error).name])).toEqual([['odd', 'SSS_APP_SERVER_RESTART']]);
    expect(run.output.find((p) => p.key === 'odd')?.value).toBe('4');
  });

  it('a restart in getInputData reruns it with isRestarted true', async () => {
    const sb = loadFixture();
    await sb.runMapReduce('customdeploy_fx_mr', { restart: { stage: 'getInputData' } });
    expect(sb.logs.query({ title: 'getInputData' }).map((e) => JSON.parse(e.details).isRestarted)).toEqual([false, true]);
  });

  it('a restart in summarize reruns it with summary.isRestarted true', async () => {
    const sb = loadFixture();
    await sb.runMapReduce('customdeploy_fx_mr', { restart: { stage: 'summarize' } });
    // the first summarize ran to its end (it makes no governed call) and was cut off before completing
    expect(sb.logs.query({ title: 'summary' }).map((e) => JSON.parse(e.details).isRestarted)).toEqual([false, true]);
  });

  it('a random restart is placed by the seed and the run still completes every key', async () => {
    const points = async (seed: number) => {
      const sb = loadFixture({ seed });
      const run = await sb.runMapReduce('customdeploy_fx_mr', { params: { custscript_fx_count: 8 }, restart: { random: true } });
      expect(run.output.find((p) => p.key === 'even-count')?.value).toBe('4');
      return JSON.stringify(run.restarts);
    };
    const a = await points(11);
    expect(JSON.parse(a)).toHaveLength(1);
    expect(await points(11)).toBe(a);
  });
});
