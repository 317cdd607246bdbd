/**
 * The autopilot's step queue: steps come out in the autopilot's order (time, then kind, then id),
 * one live step per order, and rescheduling or unscheduling an order kills its old entry.
 */
import { StepQueue } from '../src/engine/step-queue';

describe('autopilot step queue', () => {
  it('gives the step due first, ties by rank then id', () => {
    const q = new StepQueue();
    q.set('B', { at: 10, rank: 1 });
    q.set('A', { at: 10, rank: 1 });
    q.set('C', { at: 10, rank: 0 });
    q.set('D', { at: 5, rank: 9 });
    const order: string[] = [];
    for (let top = q.peek(); top; top = q.peek()) {
      order.push(top.id);
      q.set(top.id, undefined);
    }
    expect(order).toEqual(['D', 'C', 'A', 'B']);
  });

  it('keeps one live step per order: a reschedule replaces, an unschedule removes', () => {
    const q = new StepQueue();
    q.set('A', { at: 1, rank: 0 });
    q.set('B', { at: 2, rank: 0 });
    q.set('A', { at: 3, rank: 0 }); // A moved on: its step at 1 is dead
    expect(q.peek()).toEqual({ at: 2, rank: 0, id: 'B', seq: expect.any(Number) });
    q.set('B', undefined);
    expect(q.peek()?.id).toBe('A');
    expect(q.peek()?.at).toBe(3);
    q.set('A', undefined);
    expect(q.peek()).toBeUndefined();
  });

  it('matches a full sort on thousands of random reschedules', () => {
    const q = new StepQueue();
    const want = new Map<string, { at: number; rank: number }>();
    let x = 7;
    const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
    for (let i = 0; i < 5000; i++) {
      const id = `O${rnd(500)}`;
      const step = rnd(10) === 0 ? undefined : { at: rnd(1000), rank: rnd(6) };
      q.set(id, step);
      if (step) want.set(id, step);
      else want.delete(id);
    }
    const sorted = [...want].map(([id, s]) => ({ id, ...s })).sort((a, b) => a.at - b.at || a.rank - b.rank || (a.id < b.id ? -1 : 1));
    const got: string[] = [];
    for (let top = q.peek(); top; top = q.peek()) {
      got.push(top.id);
      q.set(top.id, undefined);
    }
    expect(got).toEqual(sorted.map((s) => s.id));
  });
});
