/** What the configuration check page says to an admin: pure, so it is tested without NetSuite. */
import type { ConfigResult, ReferenceSource } from './config';

const REFERENCE_LABELS: Record<ReferenceSource, string> = {
  externalIdElseTranId: 'External ID, else document number',
  tranId: 'Document number',
  poNumberElseTranId: 'Customer PO number, else document number (two orders on one PO are held for customer service)',
};

/** The host of an https URL (the rules have checked its shape). */
export const hostOf = (baseUrl: string): string => baseUrl.replace(/^https:\/\//i, '').split(/[/:]/)[0].toLowerCase();

/**
 * A script cannot read an API secret's allowed domains, and NetSuite refuses to send the secret to
 * any other host: the admin must check it where NetSuite keeps it.
 */
export function secretDomainHint(baseUrl: string, secretId: string): string {
  return `In Setup > Company > API Secrets, ${secretId} must list ${hostOf(baseUrl)} among its allowed domains (and allow the connector's scripts); otherwise NetSuite refuses to send the key and the connector raises a configuration exception.`;
}

export interface ConfigReport {
  ready: boolean;
  headline: string;
  settings: Array<{ label: string; value: string }>;
  problems: string[];
}

export function configReport(result: ConfigResult): ConfigReport {
  if (!result.ok) {
    return {
      ready: false,
      headline: `Not ready: ${result.problems.length} problem(s) to fix before the connector can talk to Scend.`,
      settings: [],
      problems: result.problems.map((p) => `${p.field}: ${p.message}`),
    };
  }
  const c = result.config;
  const warehouses = Object.entries(c.locations).map(([loc, wh]) => `location ${loc} → ${wh}`);
  const services = Object.entries(c.shipMethods).map(
    ([id, m]) => `ship method ${id} → ${m.courierService}${m.priorityDays === null ? '' : ` (despatch within ${m.priorityDays} day(s))`}`,
  );
  return {
    ready: true,
    headline: 'Ready: the connector is configured.',
    settings: [
      { label: 'Scend base URL', value: c.baseUrl },
      { label: 'API key secret', value: `${c.secretId} (the key itself stays in NetSuite API Secrets)` },
      { label: 'Check', value: secretDomainHint(c.baseUrl, c.secretId) },
      { label: 'ClientReference', value: REFERENCE_LABELS[c.referenceSource] },
      {
        label: 'Go-live date',
        value: c.goLiveDate
          ? `${c.goLiveDate}: orders dated before it are never sent to Scend`
          : 'none: every approved open order is sent, however old (set one before the first backlog run)',
      },
      { label: 'Warehouses', value: warehouses.join('; ') },
      { label: 'Courier services', value: services.join('; ') || 'none mapped' },
      { label: 'Default courier service', value: c.defaultCourierService ?? 'none' },
      { label: 'Despatch lead days', value: String(c.despatchLeadDays) },
      { label: 'Stalled after (hours)', value: String(c.stalledAfterHours) },
      { label: 'Max send attempts', value: String(c.maxAttempts) },
      { label: 'Cancel when Scend is unreachable', value: c.unreachablePolicy === 'refuse' ? 'Refuse the change' : 'Allow and raise an exception' },
      { label: 'Alert email', value: c.alertEmail ?? 'none' },
    ],
    problems: [],
  };
}
