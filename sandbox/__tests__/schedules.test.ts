import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecurrenceDef } from '../src/kernel/meta';
import { loadObjects } from '../src/loader/objects';
import { dueTimes } from '../src/runners/schedule';
import { loadFixture } from './support/fixture';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const window = (rec: RecurrenceDef, from: string, to: string) => iso(dueTimes(rec, new Date(from), new Date(to)));

/** What each `clock` run of the fixture scheduled script saw as "now", by deployment. */
const seenNow = (sb: ReturnType<typeof loadFixture>) =>
  sb.logs.query({ title: 'now' }).map((e) => ({ deploymentId: e.deploymentId, now: JSON.parse(e.details).now as string }));

describe('scheduled deployments fire as the sandbox clock advances', () => {
  it('a daily deployment repeating every 15 minutes runs 4 times in an hour', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    const runs = await sb.advance(60 * 60_000);
    const every15 = runs.filter((r) => r.deploymentId === 'customdeploy_fx_sched_every15');
    expect(every15.map((r) => r.at.toISOString())).toEqual(['2025-01-06T09:15:00.000Z', '2025-01-06T09:30:00.000Z', '2025-01-06T09:45:00.000Z', '2025-01-06T10:00:00.000Z']);
    expect(every15.every((r) => r.kind === 'SCHEDULED' && !r.error)).toBe(true);
    expect(sb.clock.now().toISOString()).toBe('2025-01-06T10:00:00.000Z');
  });

  it('runs happen at their due times in order (the script sees that time)', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    const runs = await sb.advance({ to: '2025-01-06T09:40:00Z' });
    expect(runs.map((r) => [r.deploymentId, r.at.toISOString(), r.kind])).toEqual([
      ['customdeploy_fx_sched_every15', '2025-01-06T09:15:00.000Z', 'SCHEDULED'],
      ['customdeploy_fx_mr_once', '2025-01-06T09:30:00.000Z', 'MAPREDUCE'],
      ['customdeploy_fx_sched_every15', '2025-01-06T09:30:00.000Z', 'SCHEDULED'],
    ]);
    expect(seenNow(sb)).toEqual([
      { deploymentId: 'customdeploy_fx_sched_every15', now: '2025-01-06T09:15:00.000Z' },
      { deploymentId: 'customdeploy_fx_sched_every15', now: '2025-01-06T09:30:00.000Z' },
    ]);
    const mr = runs[1];
    expect(mr.kind === 'MAPREDUCE' && mr.result.status).toBe('COMPLETE');
    expect(sb.clock.now().toISOString()).toBe('2025-01-06T09:40:00.000Z');
  });

  it('a scheduled script started by the scheduler sees invocation type SCHEDULED', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    sb.meta.scripts.get('customscript_fx_sched')!.deployments.find((d) => d.scriptid === 'customdeploy_fx_sched_every15')!.parameterValues.custscript_fx_action = 'usage';
    await sb.advance(15 * 60_000);
    expect(JSON.parse(sb.logs.query({ title: 'sched' })[0].details)).toMatchObject({ type: 'SCHEDULED', context: 'SCHEDULED' });
  });

  it('an unscheduled (NOTSCHEDULED) deployment never runs by the clock, nor a TESTING one', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    const runs = await sb.advance(3 * 60 * 60_000);
    const ids = new Set(runs.map((r) => r.deploymentId));
    expect(ids.has('customdeploy_fx_sched_every15')).toBe(true);
    expect(ids.has('customdeploy_fx_sched_notsched')).toBe(false);
    expect(ids.has('customdeploy_fx_sched_testing')).toBe(false);
    expect(seenNow(sb).filter((s) => s.deploymentId !== 'customdeploy_fx_sched_every15')).toEqual([]);
  });

  it('an undeployed deployment never runs', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    const runs = await sb.advance(3 * 60 * 60_000);
    expect(runs.filter((r) => r.deploymentId === 'customdeploy_fx_sched_undeployed')).toEqual([]);
    expect(runs.length).toBe(12 + 1); // every15 four times an hour for three hours, the single map/reduce once
  });

  it('a due time is run once: consecutive advances neither repeat nor skip a boundary', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    const first = await sb.advance(15 * 60_000);
    const second = await sb.advance(15 * 60_000);
    expect(first.filter((r) => r.deploymentId === 'customdeploy_fx_sched_every15').map((r) => r.at.toISOString())).toEqual(['2025-01-06T09:15:00.000Z']);
    expect(second.filter((r) => r.deploymentId === 'customdeploy_fx_sched_every15').map((r) => r.at.toISOString())).toEqual(['2025-01-06T09:30:00.000Z']);
  });

  it('sb.clock.advance only moves time: nothing runs', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    sb.clock.advance(60 * 60_000);
    expect(sb.logs.entries).toEqual([]);
    expect(await sb.advance(0)).toEqual([]);
  });

  it('advance refuses a SCHEDULED deployment whose recurrence form it does not follow, rather than never running it', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    sb.meta.scripts.get('customscript_fx_sched')!.deployments.find((d) => d.scriptid === 'customdeploy_fx_sched_every15')!.recurrence!.pattern = { kind: 'unsupported', element: 'monthly' };
    await expect(sb.advance(60_000)).rejects.toThrow(/customdeploy_fx_sched_every15 is scheduled <monthly>/);
  });

  it('advance refuses to move the clock back', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    await expect(sb.advance({ to: '2025-01-06T08:00:00Z' })).rejects.toMatchObject({ name: 'SandboxUsageError' });
  });
});

describe('when a recurrence is due (pure)', () => {
  const daily = (over: Partial<RecurrenceDef> = {}): RecurrenceDef => ({ pattern: { kind: 'daily', everyXDays: 1 }, startDate: '2025-01-01', startMinute: 0, ...over });

  it('a start date in the future: nothing is due before it', () => {
    const rec = daily({ startDate: '2025-03-01', startMinute: 3 * 60 });
    expect(window(rec, '2025-02-27T00:00:00Z', '2025-03-02T12:00:00Z')).toEqual(['2025-03-01T03:00:00.000Z', '2025-03-02T03:00:00.000Z']);
    expect(window(rec, '2025-02-01T00:00:00Z', '2025-02-28T23:59:00Z')).toEqual([]);
  });

  it('a start time mid-day with a repeat: runs from the start time on, not before it', () => {
    const rec = daily({ startMinute: 13 * 60 + 30, repeatMinutes: 60 });
    expect(window(rec, '2025-01-06T09:00:00Z', '2025-01-06T16:00:00Z')).toEqual(['2025-01-06T13:30:00.000Z', '2025-01-06T14:30:00.000Z', '2025-01-06T15:30:00.000Z']);
  });

  it('crossing midnight: a repeat stops at the end of the day and the next day starts at the start time again', () => {
    const rec = daily({ startMinute: 23 * 60 + 30, repeatMinutes: 15 });
    expect(window(rec, '2025-01-06T23:00:00Z', '2025-01-07T23:40:00Z')).toEqual(['2025-01-06T23:30:00.000Z', '2025-01-06T23:45:00.000Z', '2025-01-07T23:30:00.000Z']);
  });

  it('crossing midnight with a repeat from 00:00 runs straight through', () => {
    const rec = daily({ repeatMinutes: 15 });
    expect(window(rec, '2025-01-06T23:40:00Z', '2025-01-07T00:20:00Z')).toEqual(['2025-01-06T23:45:00.000Z', '2025-01-07T00:00:00.000Z', '2025-01-07T00:15:00.000Z']);
  });

  it('the window is (from, to]: a run due exactly at "from" already happened', () => {
    expect(window(daily({ startMinute: 9 * 60 }), '2025-01-06T09:00:00Z', '2025-01-07T09:00:00Z')).toEqual(['2025-01-07T09:00:00.000Z']);
  });

  it('every x days counts from the start date; the end date is the last day', () => {
    const rec = daily({ pattern: { kind: 'daily', everyXDays: 3 }, startDate: '2025-01-02', endDate: '2025-01-08' });
    expect(window(rec, '2025-01-01T00:00:00Z', '2025-01-31T00:00:00Z')).toEqual(['2025-01-02T00:00:00.000Z', '2025-01-05T00:00:00.000Z', '2025-01-08T00:00:00.000Z']);
  });

  it('a single event runs once at its start date and time', () => {
    const rec: RecurrenceDef = { pattern: { kind: 'single' }, startDate: '2025-01-06', startMinute: 9 * 60 + 30 };
    expect(window(rec, '2025-01-01T00:00:00Z', '2025-12-31T00:00:00Z')).toEqual(['2025-01-06T09:30:00.000Z']);
  });

  it('weekly runs on the chosen days of every x-th week; every weekday skips Saturday and Sunday', () => {
    // 2025-01-06 is a Monday.
    const weekly: RecurrenceDef = { pattern: { kind: 'weekly', everyXWeeks: 2, days: [1, 4] }, startDate: '2025-01-06', startMinute: 6 * 60 };
    expect(window(weekly, '2025-01-05T00:00:00Z', '2025-01-26T00:00:00Z')).toEqual(['2025-01-06T06:00:00.000Z', '2025-01-09T06:00:00.000Z', '2025-01-20T06:00:00.000Z', '2025-01-23T06:00:00.000Z']);
    const weekdays: RecurrenceDef = { pattern: { kind: 'everyweekday' }, startDate: '2025-01-01', startMinute: 0 };
    expect(window(weekdays, '2025-01-09T12:00:00Z', '2025-01-14T12:00:00Z')).toEqual(['2025-01-10T00:00:00.000Z', '2025-01-13T00:00:00.000Z', '2025-01-14T00:00:00.000Z']);
  });
});

describe('reading <recurrence> from SDF', () => {
  const load = (recurrence: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-rec-'));
    try {
      fs.writeFileSync(path.join(dir, 'customscript_r.xml'), `<mapreducescript scriptid="customscript_r"><scriptfile>[/SuiteScripts/r.js]</scriptfile><scriptdeployments><scriptdeployment scriptid="customdeploy_r"><status>SCHEDULED</status><recurrence>${recurrence}</recurrence></scriptdeployment></scriptdeployments></mapreducescript>`);
      return loadObjects(dir).scripts.get('customscript_r')!.deployments[0].recurrence;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it("reads the backlog's daily schedule repeating every 15 minutes", () => {
    expect(load('<daily><everyxdays>1</everyxdays><startdate>2025-01-01</startdate><starttime>00:00:00Z</starttime><repeat>PT15M</repeat></daily>'))
      .toEqual({ pattern: { kind: 'daily', everyXDays: 1 }, startDate: '2025-01-01', startMinute: 0, repeatMinutes: 15 });
  });

  it('reads a start time with an offset as UTC, moving the start date when it crosses midnight, and PT1H as 60 minutes', () => {
    expect(load('<single><startdate>2025-01-06</startdate><starttime>20:00:00-08:00</starttime><repeat>PT1H</repeat></single>'))
      .toEqual({ pattern: { kind: 'single' }, startDate: '2025-01-07', startMinute: 4 * 60, repeatMinutes: 60 });
  });

  it('reads weekly days and an empty <repeat> as no repeat', () => {
    expect(load('<weekly><everyxweeks>1</everyxweeks><monday>T</monday><friday>T</friday><sunday>F</sunday><startdate>2025-01-01</startdate><starttime>03:00:00Z</starttime><repeat></repeat></weekly>'))
      .toEqual({ pattern: { kind: 'weekly', everyXWeeks: 1, days: [1, 5] }, startDate: '2025-01-01', startMinute: 180 });
  });

  it('refuses a malformed repeat or start time with INVALID_RECURRENCE', () => {
    expect(() => load('<daily><everyxdays>1</everyxdays><startdate>2025-01-01</startdate><starttime>00:00:00Z</starttime><repeat>15</repeat></daily>')).toThrow(/INVALID_RECURRENCE/);
    expect(() => load('<daily><everyxdays>1</everyxdays><startdate>2025-01-01</startdate><starttime>3am</starttime></daily>')).toThrow(/INVALID_RECURRENCE/);
  });

  it('keeps forms the sandbox does not follow (monthly) as unsupported, so advance refuses them', () => {
    expect(load('<monthly><everyxmonths>1</everyxmonths><dayofmonth>1</dayofmonth><startdate>2025-01-01</startdate><starttime>00:00:00Z</starttime></monthly>')?.pattern).toEqual({ kind: 'unsupported', element: 'monthly' });
  });
});

// NetSuite Help "Map/Reduce Script Interruption": an application-server restart can stop any run,
// including one the scheduler started; `advance(by, { restart })` lets the scheduler's runs be cut too.
describe('scheduled map/reduce runs can be restarted like runMapReduce runs', () => {
  it('advance with { restart: { random: true } } restarts the scheduled map/reduce run once', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    const runs = await sb.advance({ to: '2025-01-06T09:40:00Z' }, { restart: { random: true } });
    const mr = runs.find((r) => r.kind === 'MAPREDUCE');
    expect(mr?.kind === 'MAPREDUCE' && mr.result.restarts.length).toBe(1);
    expect(mr?.kind === 'MAPREDUCE' && mr.result.status).toBe('COMPLETE');
  });

  it('without the option a scheduled run is never restarted', async () => {
    const sb = loadFixture({ now: '2025-01-06T09:00:00Z' });
    const runs = await sb.advance({ to: '2025-01-06T09:40:00Z' });
    const mr = runs.find((r) => r.kind === 'MAPREDUCE');
    expect(mr?.kind === 'MAPREDUCE' && mr.result.restarts.length).toBe(0);
  });
});
