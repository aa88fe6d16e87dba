import { utilityProcess, type UtilityProcess } from 'electron';
import type { CallError, CallName, CallResult } from '../../shared/ipc/contract';
import type { CoreOptions } from './core';
import type { FromCoreMessage, ToCoreMessage } from './coreProtocol';

export interface CoreProcessClient {
  /** Sends an already validated call to the core and resolves with its result (never rejects). */
  call(name: CallName, input: unknown): Promise<CallResult<unknown>>;
  /** Closes the database and ends the utility process. */
  close(): Promise<void>;
}

interface Child {
  proc: UtilityProcess;
  post(message: ToCoreMessage): void;
}

const STOPPED: CallError = {
  code: 'internal',
  message: 'The app’s database process stopped unexpectedly. Try again; if it repeats, restart the app.',
};

/**
 * Runs the core (database + services) in an Electron utility process so that long queries and imports
 * never freeze the window. If the process dies, pending calls get an error and the next call starts a
 * fresh process on the same database (committed work is safe: WAL).
 */
export function startCoreProcess(modulePath: string, options: CoreOptions): CoreProcessClient {
  let nextId = 1;
  let closing = false;
  const pending = new Map<number, (result: CallResult<unknown>) => void>();

  let child: Child | null = null;

  function settle(id: number, result: CallResult<unknown>): void {
    const resolve = pending.get(id);
    pending.delete(id);
    resolve?.(result);
  }

  function spawn(): Child {
    const proc = utilityProcess.fork(modulePath, [], { serviceName: 'Sangathan Control Room database', stdio: 'inherit' });
    // Messages wait for the process to be up; chaining on one promise keeps them in order.
    const spawned = new Promise<void>((resolve) => proc.once('spawn', () => resolve()));
    const post = (message: ToCoreMessage): void => {
      try {
        proc.postMessage(message);
      } catch {
        // The process is already gone: answer the call now rather than leave it waiting.
        if (message.type === 'call') settle(message.id, { ok: false, error: STOPPED });
      }
    };
    const started: Child = { proc, post: (message) => void spawned.then(() => post(message)) };
    proc.on('message', (message: FromCoreMessage) => {
      if (message.type === 'result') {
        settle(message.id, message.result);
      } else if (message.type === 'init-failed') {
        console.error(`[core] could not open the database: ${message.error.message}`);
      }
    });
    proc.on('exit', (code) => {
      if (child === started) child = null;
      if (!closing) console.error(`[core] utility process exited with code ${code}`);
      for (const resolve of pending.values()) resolve({ ok: false, error: STOPPED });
      pending.clear();
    });
    started.post({ type: 'init', options });
    return started;
  }

  child = spawn();

  return {
    call(name, input) {
      if (closing) return Promise.resolve({ ok: false, error: STOPPED });
      child ??= spawn();
      const id = nextId++;
      const target = child;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        target.post({ type: 'call', id, name, input });
      });
    },
    close() {
      closing = true;
      const target = child;
      if (!target) return Promise.resolve();
      const { proc } = target;
      return new Promise((resolve) => {
        // Give the core a moment to checkpoint and close SQLite, then make sure the process is gone.
        const timer = setTimeout(() => {
          proc.kill();
          resolve();
        }, 5000);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        target.post({ type: 'close' });
      });
    },
  };
}
