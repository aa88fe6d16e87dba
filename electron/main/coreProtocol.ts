import type { CallError, CallResult } from '../../shared/ipc/contract';
import type { CoreOptions } from './core';

/**
 * Messages between the Electron main process and the core's utility process (coreProcess.ts).
 * Requests carry an id; the utility process answers each with the same id, in any order.
 */
export type ToCoreMessage =
  | { type: 'init'; options: CoreOptions }
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'close' };

export type FromCoreMessage =
  | { type: 'ready' }
  | { type: 'init-failed'; error: CallError }
  | { type: 'result'; id: number; result: CallResult<unknown> }
  | { type: 'closed' };
