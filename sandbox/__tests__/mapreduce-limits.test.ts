import { loadFixture } from './support/fixture';

const run = (limitCase: string) => loadFixture().runMapReduce('customdeploy_fx_mr_limits', { params: { custscript_fx_limit_case: limitCase } });
const errorName = (serialized: string | null | undefined) => (serialized ? (JSON.parse(serialized) as { name: string }).name : null);

// NetSuite Help: "SuiteScript Governance and Limits" — map/reduce keys are limited to 3,000 characters
// (KEY_LENGTH_IS_OVER_3000_BYTES) and values to 10 MB (VALUE_LENGTH_IS_OVER_10_MB);
// "Map/Reduce Governance" — at most 200 MB of persisted data (PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED).
describe('map/reduce key and value limits', () => {
  it('a key of exactly 3,000 characters and a value of exactly 10 MB pass, from getInputData and from context.write', async () => {
    expect((await run('input-key-3000')).input.error).toBeNull();
    expect((await run('input-value-10mb')).input.error).toBeNull();
    const r = await run('ok');
    expect(r.map.errors).toEqual([]);
    expect(r.output).toEqual([{ key: 'kkk', value: '1' }]);
  });

  it('getInputData yielding a longer key or a larger value fails the input stage (straight to summarize)', async () => {
    const longKey = await run('input-key-3001');
    expect(errorName(longKey.input.error)).toBe('KEY_LENGTH_IS_OVER_3000_BYTES');
    expect(longKey.map.keys).toEqual([]);
    expect(errorName((await run('input-value-over')).input.error)).toBe('VALUE_LENGTH_IS_OVER_10_MB');
  });

  it('context.write with a longer key or a larger value throws in the map function', async () => {
    expect((await run('write-key-3001')).map.errors.map((e) => errorName(e.error))).toEqual(['KEY_LENGTH_IS_OVER_3000_BYTES']);
    expect((await run('write-value-over')).map.errors.map((e) => errorName(e.error))).toEqual(['VALUE_LENGTH_IS_OVER_10_MB']);
  });

  it('more than 200 MB waiting for reduce throws PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED', async () => {
    const r = await run('write-250mb');
    expect(r.map.errors.map((e) => errorName(e.error))).toEqual(['PERSISTED_DATA_LIMIT_FOR_MAPREDUCE_SCRIPT_EXCEEDED']);
  });
});
