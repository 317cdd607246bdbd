/** What the configuration check page says to an admin: pure, so it is tested without NetSuite. */
import type { ConfigResult } from './config';

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
      { label: 'ClientReference', value: c.referenceSource === 'tranId' ? 'Document number' : 'External ID, else document number' },
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
