/**
 * SuiteScript Developer Guide, "Map/Reduce Script Error Handling" / "System Response After a
 * Map/Reduce Interruption": an application-server restart can stop a key at any point — before any
 * of its calls, between any two, or after its last write but before the key is marked complete —
 * and the key runs again with isRestarted. Keys running side by side die together.
 */
import { loadFixture } from './support/fixture';

const seedCounter = (sb: ReturnType<typeof loadFixture>) => {
  const r = sb.record.create({ type: 'customrecord_fx_counter' });
  r.setValue({ fieldId: 'name', value: 'hits' });
  r.setValue({ fieldId: 'custrecord_fx_counter_value', value: 0 });
  r.save();
};

describe('random restarts fall on any governed call of a key, or after its last', () => {
  test('over many seeds every cut point of a 4-call key is drawn, including after the last write', async () => {
    const cuts = new Set<number>();
    for (let seed = 1; seed <= 60; seed++) {
      const sb = loadFixture({ seed });
      seedCounter(sb);
      const run = await sb.runMapReduce('customdeploy_fx_cc_mr_serial', { restart: { random: true } });
      expect(run.restarts).toHaveLength(1);
      cuts.add(run.restarts[0].governedCallsBefore);
      // Whatever the cut, every key completes in the end.
      expect(run.map.keys.sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    }
    // map: record.create, save, record.load, save = 4 governed calls; 4 = after the last one.
    expect([...cuts].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('a restart while keys run side by side', () => {
  test('every key running at that moment is interrupted and runs again; none is lost', async () => {
    let sawCollateral = false;
    for (let seed = 1; seed <= 20; seed++) {
      const sb = loadFixture({ seed });
      seedCounter(sb);
      sb.concurrency.interleave({ probability: 0.6 });
      const run = await sb.runMapReduce('customdeploy_fx_cc_mr', { restart: { stage: 'map', afterInvocations: 2, afterGovernedCalls: 3 } });
      expect(run.map.keys.sort()).toEqual(['0', '1', '2', '3', '4', '5']);
      const restartErrors = run.map.errors.filter((e) => JSON.parse(e.error).name === 'SSS_APP_SERVER_RESTART');
      expect(restartErrors.length).toBe(run.restarts.reduce((n, r) => n + r.rerunKeys.length, 0));
      if (run.restarts[0]?.rerunKeys.length > 1) sawCollateral = true;
    }
    expect(sawCollateral).toBe(true);
  });
});
