/**
 * The client's hand-written enumerations (src/ts/scend/contract.ts) against docs/scend-openapi.yaml.
 * (Moved here from scend-sim: the simulator now reads its types from the YAML itself.)
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ERROR_CODES, MOVEMENT_REASONS, ORDER_STATUSES, RETURN_CONDITIONS, WEBHOOK_EVENTS } from '../../src/ts/scend/contract';

const doc = parse(readFileSync(path.resolve(__dirname, '../../docs/scend-openapi.yaml'), 'utf8'));

describe('the client reads the enumerations of docs/scend-openapi.yaml', () => {
  it('has every status, reason, event and condition; every error code but the simulator extension', () => {
    const s = doc.components.schemas;
    // DUPLICATE_ORDER: simulator extension.
    expect([...s.ErrorCode.enum].sort()).toEqual([...ERROR_CODES, 'DUPLICATE_ORDER'].sort());
    expect(s.OrderStatus.enum).toEqual([...ORDER_STATUSES]);
    expect(s.MovementReason.enum).toEqual([...MOVEMENT_REASONS]);
    expect(s.WebhookEvent.enum).toEqual([...WEBHOOK_EVENTS]);
    expect(s.ReturnLine.properties.Condition.enum).toEqual([...RETURN_CONDITIONS]);
  });
});
