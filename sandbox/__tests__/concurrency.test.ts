/**
 * NetSuite runs user events, scheduled scripts and map/reduce keys at the same time (SuiteScript
 * Developer Guide, "Map/Reduce Script Concurrency" and "SuiteCloud Processors"; nothing serialises
 * them). The sandbox runs other work at a script's governed calls: exactly where a test says, or
 * at seeded random calls. These tests show the races ordinary check-then-act SuiteScript has.
 */
import { loadFixture } from './support/fixture';
import type { Sandbox } from '../src/index';

const COUNTER = 'customrecord_fx_counter';
const counterValue = (sb: Sandbox, id = 1): number => Number(sb.record.load({ type: COUNTER, id }).getValue({ fieldId: 'custrecord_fx_counter_value' }));
const seedCounter = (sb: Sandbox, name = 'hits'): number => {
  const r = sb.record.create({ type: COUNTER });
  r.setValue({ fieldId: 'name', value: name });
  r.setValue({ fieldId: 'custrecord_fx_counter_value', value: 0 });
  return r.save();
};
const countersNamed = (sb: Sandbox, name: string): number =>
  sb.search.create({ type: COUNTER, filters: [['name', 'is', name]], columns: ['internalid'] }).run().getRange({ start: 0, end: 100 }).length;
const bump = (sb: Sandbox) => () => {
  const r = sb.record.load({ type: COUNTER, id: 1 });
  r.setValue({ fieldId: 'custrecord_fx_counter_value', value: Number(r.getValue({ fieldId: 'custrecord_fx_counter_value' })) + 100 });
  r.save();
};

describe('targeted interleaving: "at the Nth governed call of X, run Y"', () => {
  test('a user saving the record between the script\'s load and save makes the script\'s save fail (no lost update)', async () => {
    const sb = loadFixture();
    seedCounter(sb);
    // execute: search (call 0) -> load (call 1) -> save (call 2). Before call 2, a user saves the counter.
    sb.concurrency.at({ script: 'customdeploy_fx_cc_sched' }, { call: 2 }, bump(sb), 'user edits the counter');
    await expect(sb.runScheduled('customdeploy_fx_cc_sched')).rejects.toMatchObject({ name: 'RCRD_HAS_BEEN_CHANGED' });
    expect(counterValue(sb)).toBe(100);
    expect(sb.concurrency.trace).toEqual([expect.objectContaining({ ran: 'user edits the counter', targeted: true, at: expect.objectContaining({ call: 2, what: 'record.save customrecord_fx_counter' }) })]);
  });

  test('the same edit before the load is harmless: the script reads it and adds to it', async () => {
    const sb = loadFixture();
    seedCounter(sb);
    sb.concurrency.at({ script: 'customscript_fx_cc_sched' }, { call: 1 }, bump(sb));
    await sb.runScheduled('customdeploy_fx_cc_sched');
    expect(counterValue(sb)).toBe(101);
  });

  test('search-then-create run twice at once makes two records; an externalid makes NetSuite refuse the second (DUP_RCRD)', async () => {
    const sb = loadFixture();
    // execute: search (call 0) -> create (call 1) -> save (call 2); another run of the same script starts before the save.
    sb.concurrency.at({ script: 'customdeploy_fx_cc_sched' }, { call: 2 }, () => sb.concurrency.runScheduledNow('customdeploy_fx_cc_sched', { custscript_fx_cc_action: 'ensure', custscript_fx_cc_name: 'race' }));
    await sb.runScheduled('customdeploy_fx_cc_sched', { params: { custscript_fx_cc_action: 'ensure', custscript_fx_cc_name: 'race' } });
    expect(countersNamed(sb, 'race')).toBe(2);

    const safe = loadFixture();
    safe.concurrency.at({ script: 'customdeploy_fx_cc_sched' }, { call: 2 }, () => safe.concurrency.runScheduledNow('customdeploy_fx_cc_sched', { custscript_fx_cc_action: 'ensure_ext', custscript_fx_cc_name: 'race' }));
    await expect(safe.runScheduled('customdeploy_fx_cc_sched', { params: { custscript_fx_cc_action: 'ensure_ext', custscript_fx_cc_name: 'race' } })).rejects.toMatchObject({ name: 'DUP_RCRD' });
    expect(countersNamed(safe, 'race')).toBe(1);
  });

  test('targeted work whose call never comes is reported, so a test cannot pass on a premise that did not happen', async () => {
    const sb = loadFixture();
    seedCounter(sb);
    sb.concurrency.at({ script: 'customdeploy_fx_cc_sched' }, { call: 50 }, bump(sb), 'too late');
    await sb.runScheduled('customdeploy_fx_cc_sched');
    expect(sb.concurrency.unfired()).toEqual([expect.stringContaining('too late')]);
  });
});

describe('map/reduce keys run side by side up to the deployment\'s concurrencylimit', () => {
  const run = async (deploymentId: string, seed: number) => {
    const sb = loadFixture({ seed });
    seedCounter(sb);
    sb.concurrency.interleave({ probability: 0.5 });
    const result = await sb.runMapReduce(deploymentId);
    return { sb, result };
  };

  test('with concurrencylimit 3 keys overlap, and the read-modify-write of one counter collides (RCRD_HAS_BEEN_CHANGED, never a lost update)', async () => {
    const { sb, result } = await run('customdeploy_fx_cc_mr', 7);
    const nested = sb.concurrency.trace.filter((e) => e.ran === 'customdeploy_fx_cc_mr map key');
    expect(nested.length).toBeGreaterThan(0);
    const collisions = result.map.errors.filter((e) => JSON.parse(e.error).name === 'RCRD_HAS_BEEN_CHANGED');
    expect(collisions.length).toBeGreaterThan(0);
    // Every successful key added exactly one: no update was lost.
    expect(counterValue(sb)).toBe(6 - collisions.length);
    expect(result.map.keys.sort()).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  test('never more keys at once than the limit (3 here: a key nested in a key nested in a key, never deeper)', async () => {
    const sb = loadFixture({ seed: 3 });
    seedCounter(sb);
    sb.concurrency.interleave({ probability: 1, maxDepth: 10 });
    const result = await sb.runMapReduce('customdeploy_fx_cc_mr');
    expect(result.map.keys.sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    const keyDepths = sb.concurrency.trace.filter((e) => e.ran.endsWith('map key')).map((e) => e.depth);
    expect(Math.max(...keyDepths)).toBe(2);
  });

  test('with concurrencylimit 1 keys never overlap, so the counter counts every key', async () => {
    const { sb, result } = await run('customdeploy_fx_cc_mr_serial', 7);
    expect(sb.concurrency.trace).toHaveLength(0);
    expect(result.map.errors).toEqual([]);
    expect(counterValue(sb)).toBe(6);
  });

  test('the same seed gives the same interleavings; the description names the seed', async () => {
    const a = await run('customdeploy_fx_cc_mr', 11);
    const b = await run('customdeploy_fx_cc_mr', 11);
    expect(a.sb.concurrency.describe()).toBe(b.sb.concurrency.describe());
    expect(a.sb.concurrency.describe()).toMatch(/^interleaving seed 11 /);
    expect(a.result.map.errors).toEqual(b.result.map.errors);
  });
});

describe('random interleaving of pending work', () => {
  test('a user acting at a random governed call of a scheduled run', async () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const sb = loadFixture({ seed });
      seedCounter(sb);
      sb.concurrency.interleave({ probability: 0.4 });
      sb.concurrency.actor('user edits the counter', bump(sb), { times: 1 });
      const outcome = await sb.runScheduled('customdeploy_fx_cc_sched').then(() => 'ok', (e: Error) => e.name);
      outcomes.add(`${outcome}:${counterValue(sb)}:${sb.concurrency.trace.length > 0 ? 'user acted' : 'user idle'}`);
    }
    // Before the load: both count (101). Between load and save: the script is refused (100). Never 1 (a lost edit).
    expect(outcomes).toContain('ok:101:user acted');
    expect(outcomes).toContain('RCRD_HAS_BEEN_CHANGED:100:user acted');
    expect(outcomes).not.toContain('ok:1:user acted');
  });
});
