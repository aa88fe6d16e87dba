import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreOptions } from '../../electron/main/core';

/*
 * The main-side client (coreProcessClient.ts) and the utility-process entry (coreProcess.ts) talk over
 * Electron's utilityProcess / parentPort. Here both run in one Node process: a fake `utilityProcess.fork`
 * delivers messages to a fake `process.parentPort`, so the real protocol code on both sides is exercised.
 */

const coreCalls: { name: string; input: unknown }[] = [];
let closeCount = 0;
let failInit: Error | null = null;
let releaseSlowCall: (() => void) | null = null;

vi.mock('../../electron/main/core', () => ({
  createCore: (options: CoreOptions) => {
    if (failInit) throw failInit;
    return {
      handlers: {
        'app.info': () => ({ mode: options.mode, databasePath: options.dbPath }),
        'units.search': async (input: unknown) => {
          coreCalls.push({ name: 'units.search', input });
          await new Promise<void>((resolve) => {
            releaseSlowCall = resolve;
          });
          return ['slow'];
        },
        'units.get': (input: { id: string }) => {
          coreCalls.push({ name: 'units.get', input });
          return { id: input.id };
        },
      },
      close: () => {
        closeCount += 1;
      },
    };
  },
}));

class FakeUtilityProcess extends EventEmitter {
  postMessage(message: unknown) {
    // Delivered asynchronously, like a real message port.
    setImmediate(() => parentPort.emit('message', { data: structuredClone(message) }));
  }
  kill() {
    this.emit('exit', 1);
    return true;
  }
}

const parentPort = new EventEmitter() as EventEmitter & { postMessage(message: unknown): void };
let current: FakeUtilityProcess | null = null;
let forks = 0;

vi.mock('electron', () => ({
  utilityProcess: {
    fork: () => {
      forks += 1;
      current = new FakeUtilityProcess();
      const proc = current;
      setImmediate(() => proc.emit('spawn'));
      return proc;
    },
  },
}));

const OPTIONS: CoreOptions = { dbPath: '/data/sangathan.sqlite', resourcesDir: '/app/resources', mode: 'electron' };

describe('core utility process protocol', () => {
  let exitSpy: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    vi.resetModules();
    coreCalls.length = 0;
    closeCount = 0;
    failInit = null;
    forks = 0;
    parentPort.removeAllListeners();
    parentPort.postMessage = (message: unknown) => setImmediate(() => current?.emit('message', structuredClone(message)));
    (process as unknown as { parentPort?: unknown }).parentPort = parentPort;
    exitSpy = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    await import('../../electron/main/coreProcess');
  });

  afterEach(() => {
    exitSpy.mockRestore();
    delete (process as unknown as { parentPort?: unknown }).parentPort;
  });

  async function startClient() {
    const { startCoreProcess } = await import('../../electron/main/coreProcessClient');
    return startCoreProcess('/app/out/main/coreProcess.js', OPTIONS);
  }

  it('opens the core with the given options and answers calls through dispatch', async () => {
    const client = await startClient();
    expect(await client.call('app.info', {})).toEqual({ ok: true, value: { mode: 'electron', databasePath: '/data/sangathan.sqlite' } });
    expect(await client.call('units.get', { id: 'u1' })).toEqual({ ok: true, value: { id: 'u1' } });
  });

  it('matches answers to requests by id, even when they come back out of order', async () => {
    const client = await startClient();
    const slow = client.call('units.search', { q: 'Ranchi' });
    await vi.waitFor(() => expect(releaseSlowCall).not.toBeNull());
    const fast = await client.call('units.get', { id: 'u2' });
    expect(fast).toEqual({ ok: true, value: { id: 'u2' } });
    releaseSlowCall?.();
    expect(await slow).toEqual({ ok: true, value: ['slow'] });
  });

  it('validates again inside the utility process', async () => {
    const client = await startClient();
    const result = await client.call('units.get', { id: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(coreCalls).toEqual([]);
  });

  it('answers every call with the reason when the database cannot be opened', async () => {
    const { AppError } = await import('../../electron/main/services/AppError');
    failInit = new AppError('newer_database', 'This database was written by a newer version of the app.');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = await startClient();
    expect(await client.call('app.info', {})).toEqual({
      ok: false,
      error: { code: 'newer_database', message: 'This database was written by a newer version of the app.' },
    });
    errors.mockRestore();
  });

  it('answers pending calls when the process dies, and starts a new one for the next call', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = await startClient();
    const pending = client.call('units.search', { q: 'Dumka' });
    await vi.waitFor(() => expect(coreCalls.length).toBe(1));
    current?.emit('exit', 9);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(forks).toBe(1);
    await client.call('app.info', {});
    expect(forks).toBe(2);
    errors.mockRestore();
  });

  it('closes the core before the process ends', async () => {
    const client = await startClient();
    await client.call('app.info', {});
    const closed = client.close();
    await vi.waitFor(() => expect(exitSpy).toHaveBeenCalledWith(0));
    current?.emit('exit', 0);
    await closed;
    expect(closeCount).toBe(1);
    expect(await client.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
