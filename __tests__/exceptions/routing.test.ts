/** Owner, severity and respond-by of an exception: decided once, when the problem opens. */
import { planRaise, type ExceptionDraft } from '../../src/ts/core/exceptions/exception';
import { EXCEPTION_TYPES } from '../../src/ts/core/exceptions/exception-types';
import { DEFAULT_ROUTING, isOverdue, respondBy, routeOf, windowsFrom, type ExceptionRouting } from '../../src/ts/core/exceptions/routing';
import { LISTS } from '../../src/ts/ids';

const now = new Date('2025-03-03T09:00:00Z');
const HOUR = 3_600_000;
const draft = (over: Partial<ExceptionDraft> = {}): ExceptionDraft => ({ type: 'missingAddress', owner: 'customerService', dedupeKey: 'missingAddress:order:1', message: 'm', ...over });

describe('the exception type registry', () => {
  it('gives every exception type on the list an owner team and a severity', () => {
    for (const type of Object.keys(LISTS.exceptionType.values)) {
      expect(EXCEPTION_TYPES[type as keyof typeof EXCEPTION_TYPES]).toEqual({ owner: expect.any(String), severity: expect.stringMatching(/^(high|medium|low)$/) });
    }
  });
});

describe('routing an exception', () => {
  it("keeps the use case's owner and the type's severity by default", () => {
    expect(routeOf('duplicateRisk', 'customerService', DEFAULT_ROUTING)).toEqual({ owner: 'customerService', severity: 'high' });
    expect(routeOf('missingAddress', 'customerService', DEFAULT_ROUTING)).toEqual({ owner: 'customerService', severity: 'medium' });
  });

  it('lets a routing record send a type to another team at another severity', () => {
    const routing: ExceptionRouting = { ...DEFAULT_ROUTING, routes: { missingAddress: { owner: 'operations', severity: 'high' }, stalled: { owner: 'operations' } } };
    expect(routeOf('missingAddress', 'customerService', routing)).toEqual({ owner: 'operations', severity: 'high' });
    expect(routeOf('stalled', 'admin', routing)).toEqual({ owner: 'operations', severity: 'medium' });
  });

  it('sets respond-by from the response window of the severity, overdue once it has passed', () => {
    const windows = windowsFrom({ high: 2, medium: null, low: 0 });
    expect(windows).toEqual({ high: 2, medium: 24, low: 72 });
    const due = respondBy('high', now, windows);
    expect(due.toISOString()).toBe('2025-03-03T11:00:00.000Z');
    expect(isOverdue(due, new Date(due.getTime() - 1))).toBe(false);
    expect(isOverdue(due, new Date(due.getTime() + 1))).toBe(true);
    expect(isOverdue(undefined, now)).toBe(false);
  });
});

describe('raising with routing', () => {
  it('opens a high-severity exception with an alert pending and its respond-by', () => {
    const routing: ExceptionRouting = { windows: windowsFrom({ high: 1 }), routes: {} };
    const write = planRaise(undefined, draft({ type: 'connection', owner: 'admin', dedupeKey: 'connection:connector:scend' }), now, routing);
    expect(write).toMatchObject({ kind: 'create', values: { owner: 'admin', severity: 'high', alertPending: true, respondBy: new Date(now.getTime() + HOUR) } });
  });

  it('opens a medium one with no alert (it goes in the daily digest)', () => {
    expect(planRaise(undefined, draft(), now)).toMatchObject({ kind: 'create', values: { severity: 'medium', alertPending: false, respondBy: new Date(now.getTime() + 24 * HOUR) } });
  });

  it('never alerts again or moves the deadline when the same problem is seen again', () => {
    const write = planRaise({ id: '7', dedupeKey: 'connection:connector:scend', occurrences: 3, firstSeen: now }, draft({ type: 'connection' }), new Date(now.getTime() + HOUR));
    expect(write.kind).toBe('update');
    expect(Object.keys(write.values).sort()).toEqual(['details', 'lastSeen', 'message', 'occurrences']);
  });
});
