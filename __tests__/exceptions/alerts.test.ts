/** Alert and digest emails: one per owner team, overdue first, nobody configured → left pending. */
import { MAX_LISTED, parseRecipient, planAlerts, planDigest, recipientOf, type AlertRow } from '../../src/ts/core/exceptions/alerts';

const now = new Date('2025-03-03T09:00:00Z');
const row = (id: string, over: Partial<AlertRow> = {}): AlertRow => ({
  id, typeLabel: 'Scend connection', owner: 'admin', severity: 'high', message: `problem ${id}`, firstSeen: now, respondBy: new Date(now.getTime() + 3_600_000), ...over,
});
const everyone = () => 'team@example.com';

describe('recipients', () => {
  it('takes an employee or group internal id, or an email address, per team, else the alert email', () => {
    expect(parseRecipient(' 42 ')).toBe(42);
    expect(parseRecipient('ops@example.com')).toBe('ops@example.com');
    expect(parseRecipient('ops team')).toBeUndefined();
    expect(recipientOf('finance', { operations: '12' }, 'all@example.com')).toBe('all@example.com');
    expect(recipientOf('operations', { operations: '12' }, 'all@example.com')).toBe(12);
    expect(recipientOf('finance', {}, null)).toBeUndefined();
  });
});

describe('alerts for new high-severity exceptions', () => {
  it('sends each team one email listing its new exceptions', () => {
    const plan = planAlerts([row('1'), row('2'), row('3', { owner: 'customerService', typeLabel: 'Cancellation conflict' })], everyone, now);
    expect(plan.messages).toHaveLength(2);
    const admin = plan.messages.find((m) => m.team === 'admin')!;
    expect(admin.exceptionIds).toEqual(['1', '2']);
    expect(admin.subject).toBe('[Scend] 2 urgent exceptions for Integration admin');
    expect(admin.body).toContain('problem 1');
    expect(plan.messages.find((m) => m.team === 'customerService')!.subject).toBe('[Scend] Cancellation conflict: action needed by Customer service');
  });

  it('leaves a team with nobody to tell out (its alerts stay pending)', () => {
    const plan = planAlerts([row('1'), row('2', { owner: 'finance' })], (t) => (t === 'admin' ? 5 : undefined), now);
    expect(plan.messages.map((m) => m.team)).toEqual(['admin']);
    expect(plan.unroutable).toEqual(['finance']);
  });

  it('lists at most 50 exceptions in one email and counts the rest', () => {
    const rows = Array.from({ length: MAX_LISTED + 5 }, (_, i) => row(String(i)));
    const [m] = planAlerts(rows, everyone, now).messages;
    expect(m.exceptionIds).toHaveLength(MAX_LISTED + 5);
    expect(m.body).toContain('... and 5 more');
  });
});

describe('the daily digest', () => {
  it('counts by type and lists overdue exceptions first, marked', () => {
    const late = row('9', { severity: 'medium', typeLabel: 'Missing ship-to address', owner: 'customerService', respondBy: new Date(now.getTime() - 1000) });
    const soon = row('8', { severity: 'low', typeLabel: 'Catalogue drift', owner: 'customerService', respondBy: new Date(now.getTime() + 1000) });
    const [m] = planDigest([soon, late], everyone, now).messages;
    expect(m.subject).toBe('[Scend] Daily digest: 2 open for Customer service (1 overdue)');
    expect(m.exceptionIds).toEqual(['9', '8']);
    expect(m.body).toMatch(/Missing ship-to address: 1\nCatalogue drift: 1/);
    expect(m.body.indexOf('OVERDUE')).toBeGreaterThan(0);
    expect(m.body.indexOf('problem 9')).toBeLessThan(m.body.indexOf('problem 8'));
  });
});
