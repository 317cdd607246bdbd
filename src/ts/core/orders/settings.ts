/** The part of the connector config the order handoff reads. */
import type { ConnectorConfig } from '../config';

export type OrderSettings = Pick<
  ConnectorConfig,
  'referenceSource' | 'defaultCourierService' | 'despatchLeadDays' | 'locations' | 'shipMethods' | 'goLiveDate'
>;
export type RetrySettings = Pick<ConnectorConfig, 'maxAttempts' | 'stalledAfterHours'>;
export type CancelSettings = Pick<ConnectorConfig, 'unreachablePolicy'>;
