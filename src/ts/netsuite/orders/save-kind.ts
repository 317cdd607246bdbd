/** N/record's user event types as the core's SaveKind. */
import type { SaveKind } from '../../core/orders/approval';

const KINDS: Record<string, SaveKind> = { create: 'create', edit: 'edit', xedit: 'xedit', approve: 'approve', cancel: 'cancel', delete: 'delete' };

export const saveKindOf = (type: string): SaveKind => KINDS[String(type).toLowerCase()] ?? 'other';
