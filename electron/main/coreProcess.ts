import type { CallError } from '../../shared/ipc/contract';
import { createCore, type Core } from './core';
import type { FromCoreMessage, ToCoreMessage } from './coreProtocol';
import { dispatch } from './ipc/dispatch';
import { AppError } from './services/AppError';

/**
 * Entry of the Electron utility process that owns the database (built to out/main/coreProcess.js).
 * Queries, roll-ups and imports run here, so the window's main process never waits on SQLite.
 * It runs the same `createCore` + `dispatch` as the Node web host.
 */

/** The part of Electron's `process.parentPort` used here (typed locally: this file never imports electron). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: FromCoreMessage): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  throw new Error('coreProcess.js must be started with Electron utilityProcess.fork().');
}
const port: ParentPort = parentPort;

let core: Core | null = null;
let initError: CallError | null = null;

port.on('message', (event) => {
  const message = event.data as ToCoreMessage;
  switch (message.type) {
    case 'init':
      try {
        core = createCore(message.options);
        port.postMessage({ type: 'ready' });
      } catch (err) {
        // e.g. a database written by a newer version: the renderer shows this message on every call.
        const error: CallError =
          err instanceof AppError
            ? { code: err.code, message: err.message, field: err.field }
            : { code: 'internal' as const, message: `The database could not be opened: ${err instanceof Error ? err.message : String(err)}` };
        if (!(err instanceof AppError)) console.error('[core] start failed:', err instanceof Error ? err.stack : err);
        initError = error;
        port.postMessage({ type: 'init-failed', error });
      }
      return;
    case 'call': {
      const { id, name, input } = message;
      if (!core) {
        port.postMessage({
          type: 'result',
          id,
          result: { ok: false, error: initError ?? { code: 'internal', message: 'The database is not open yet.' } },
        });
        return;
      }
      void dispatch(core.handlers, name, input).then((result) => port.postMessage({ type: 'result', id, result }));
      return;
    }
    case 'close':
      try {
        core?.close();
      } finally {
        core = null;
        port.postMessage({ type: 'closed' });
        process.exit(0);
      }
  }
});
