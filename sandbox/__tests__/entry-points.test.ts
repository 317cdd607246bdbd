import { loadFixture } from './support/fixture';

describe('scheduled scripts', () => {
  it('deployment parameters reach getParameter typed (checkbox as boolean) and the limit is 10,000', async () => {
    const sb = loadFixture();
    await sb.runScheduled('customdeploy_fx_sched');
    expect(JSON.parse(sb.logs.query({ title: 'sched' })[0].details)).toEqual({ type: 'ON_DEMAND', action: 'usage', enabled: true, context: 'SCHEDULED', remaining: 10000 });
  });

  it('parameters can be overridden per run, but only declared ones', async () => {
    const sb = loadFixture();
    await sb.runScheduled('customdeploy_fx_sched', { params: { custscript_fx_action: 'other' } });
    expect(JSON.parse(sb.logs.query({ title: 'sched' })[0].details).action).toBe('other');
    await expect(sb.runScheduled('customdeploy_fx_sched', { params: { custscript_nope: 1 } })).rejects.toThrow(/no parameter custscript_nope/);
  });

  it("a script's new Date() and Date.now() read the sandbox clock, so tests can move time", async () => {
    const sb = loadFixture();
    sb.clock.set('2031-05-04T10:00:00Z');
    sb.clock.advance(90 * 60_000);
    await sb.runScheduled('customdeploy_fx_sched', { params: { custscript_fx_action: 'clock' } });
    const seen = JSON.parse(sb.logs.query({ title: 'now' })[0].details);
    expect(seen).toEqual({ now: '2031-05-04T11:30:00.000Z', nowMs: Date.parse('2031-05-04T11:30:00Z'), isDate: true, fixed: '1970-01-01T00:00:00.000Z' });
  });

  it('log entries below the deployment log level are dropped', async () => {
    const sb = loadFixture();
    await sb.runScheduled('customdeploy_fx_sched');
    expect(sb.logs.query({ scriptId: 'customscript_fx_sched' }).map((e) => e.level)).toEqual(['AUDIT']);
  });

  it('exceeding 10,000 units in a scheduled script throws SSS_USAGE_LIMIT_EXCEEDED', async () => {
    const sb = loadFixture();
    await expect(sb.runScheduled('customdeploy_fx_sched', { params: { custscript_fx_action: 'burn' } })).rejects.toMatchObject({ name: 'SSS_USAGE_LIMIT_EXCEEDED' });
    expect(sb.usage.peak({ scriptId: 'customscript_fx_sched' })?.units).toBe(9998); // 1,666 create+save pairs (6 units) and one create; the next save would pass 10,000
  });

  it('task.submit queues a map/reduce run that runQueuedTasks executes', async () => {
    const sb = loadFixture();
    await sb.runScheduled('customdeploy_fx_sched', { params: { custscript_fx_action: 'submit' } });
    expect(sb.logs.query({ title: 'status' })[0].details).toBe('PENDING');
    expect(sb.usage.peak({ scriptId: 'customscript_fx_sched' })?.units).toBe(20);
    const runs = await sb.runQueuedTasks();
    expect(runs.map((r) => [r.task.taskType, r.task.status, r.mapReduce?.output.length])).toEqual([['MAP_REDUCE', 'COMPLETE', 2]]);
  });

  it('submitting a map/reduce deployment that is already queued fails with MAP_REDUCE_ALREADY_RUNNING', async () => {
    const sb = loadFixture();
    await sb.runScheduled('customdeploy_fx_sched', { params: { custscript_fx_action: 'submit' } });
    await expect(sb.runScheduled('customdeploy_fx_sched', { params: { custscript_fx_action: 'submit' } })).rejects.toMatchObject({ name: 'MAP_REDUCE_ALREADY_RUNNING' });
  });
});

describe('Suitelets', () => {
  it('a GET renders the serverWidget form to HTML', async () => {
    const sb = loadFixture();
    const res = await sb.callSuitelet('customdeploy_fx_sl', { params: { name: 'Ada' } });
    expect(res.code).toBe(200);
    expect(res.body).toContain('<title>Fixture &#60;Form&#62;</title>');
    expect(res.body).toContain('value="Ada"');
    expect(res.body).toContain('<td>SKU-1</td>');
  });

  it('a POST sees form fields as request parameters', async () => {
    const sb = loadFixture();
    const res = await sb.callSuitelet('customdeploy_fx_sl', { method: 'POST', body: { name: 'Bob' } });
    expect(res.body).toBe('posted Bob');
  });
});

describe('RESTlets', () => {
  it('get receives the query parameters and runs with 5,000 units in the RESTLET context', async () => {
    const sb = loadFixture();
    const res = await sb.callRestlet('customdeploy_fx_rl', { params: { q: 'hi' } });
    expect([res.code, JSON.parse(res.body)]).toEqual([200, { echo: 'hi', context: 'RESTLET', remaining: 5000 }]);
  });

  it('post receives the parsed JSON body', async () => {
    const sb = loadFixture();
    const res = await sb.callRestlet('customdeploy_fx_rl', { method: 'POST', body: JSON.stringify({ a: 1 }) });
    expect(JSON.parse(res.body)).toEqual({ received: { a: 1 } });
  });

  it('an error thrown by the RESTlet comes back as an error body with its name', async () => {
    const sb = loadFixture();
    const res = await sb.callRestlet('customdeploy_fx_rl', { method: 'POST', body: JSON.stringify({ fail: true }) });
    expect([res.code, JSON.parse(res.body).error.code]).toEqual([400, 'FX_BAD_INPUT']);
  });

  it('a method the RESTlet does not implement is refused', async () => {
    const sb = loadFixture();
    const res = await sb.callRestlet('customdeploy_fx_rl', { method: 'PUT', body: '{}' });
    expect(res.code).toBe(405);
  });
});

describe('SDF installation scripts', () => {
  it('run receives fromVersion/toVersion in the SDF_INSTALLATION context', async () => {
    const sb = loadFixture();
    const r = await sb.runInstall('customdeploy_fx_install', { fromVersion: '1.0.0', toVersion: '1.1.0' });
    expect(r.result).toBe('installed');
    expect(JSON.parse(sb.logs.query({ title: 'install' })[0].details)).toEqual({ from: '1.0.0', to: '1.1.0', context: 'SDF_INSTALLATION' });
  });
});
