import type { SimulatorOptions } from '../http/server';

/** Options that cross the process boundary (no clock object: move the clock through control.setClock). */
export type ProcessSimulatorOptions = Omit<SimulatorOptions, 'clock'>;

export type ParentMessage = { type: 'start'; options: ProcessSimulatorOptions };
export type ChildMessage = { type: 'ready'; url: string; apiKey: string; secureUrl?: string; caPem?: string } | { type: 'failed'; message: string };
