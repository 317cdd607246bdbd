/** NetSuite's error names a write can end with, and how to read one off anything thrown. */
export const DUPLICATE_RECORD = 'DUP_RCRD';
export const RECORD_CHANGED = 'RCRD_HAS_BEEN_CHANGED';

export const errorName = (e: unknown): string => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');
