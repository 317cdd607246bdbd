import { SandboxClock } from '../src/kernel/clock';
import { MeteredGovernor } from '../src/kernel/governor';

describe('governance meter', () => {
  it('a charge that would pass the limit throws SSS_USAGE_LIMIT_EXCEEDED and is not counted', () => {
    const g = new MeteredGovernor(25);
    g.charge(10, 'a');
    g.charge(10, 'b');
    expect(() => g.charge(10, 'c')).toThrow(expect.objectContaining({ name: 'SSS_USAGE_LIMIT_EXCEEDED' }));
    expect([g.used(), g.remaining()]).toEqual([20, 5]);
  });

  it('a charge that exactly reaches the limit is allowed', () => {
    const g = new MeteredGovernor(20);
    g.charge(20, 'all');
    expect(g.remaining()).toBe(0);
  });
});

describe('sandbox clock', () => {
  it('starts at a fixed instant and moves only when advanced or set', () => {
    const c = new SandboxClock('2025-03-01T00:00:00Z');
    c.advance(3 * 3600_000);
    expect(c.now().toISOString()).toBe('2025-03-01T03:00:00.000Z');
    c.set('2026-01-01T00:00:00Z');
    expect(c.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses to go backwards through advance', () => {
    expect(() => new SandboxClock().advance(-1)).toThrow(RangeError);
  });
});
