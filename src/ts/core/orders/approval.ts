/** Which user event saves make an order "approved" (see netsuite-notes: approval in a user event). */
export type SaveKind = 'create' | 'edit' | 'xedit' | 'approve' | 'cancel' | 'delete' | 'other';

export function becameApproved(kind: SaveKind, oldStatus: string | undefined, newStatus: string): boolean {
  if (newStatus !== 'B') return false;
  if (kind === 'approve' || kind === 'create') return true;
  return (kind === 'edit' || kind === 'xedit') && oldStatus === 'A';
}

/** The change closes or cancels the order as a whole. */
export function closesOrder(kind: SaveKind, newStatus: string | undefined): boolean {
  return kind === 'cancel' || newStatus === 'C' || newStatus === 'H';
}
