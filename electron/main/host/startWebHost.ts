import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { createWebHost } from './webHost';

/**
 * CLI entry of web mode (built to out/main/webHost.js): the same core as the Electron app, served over
 * HTTP on 127.0.0.1 with the built renderer. Options: --port / PORT (default 5174, 0 = any free port),
 * --db / SANGATHAN_DB (default: the per-user data folder), --host (default 127.0.0.1).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      host: { type: 'string' },
      // Tests only (see README): start with the clock moved by N days and accept POST /__test/clock.
      'test-clock': { type: 'string' },
    },
    strict: true,
  });

  const port = parsePort(values.port ?? process.env.PORT ?? '5174');
  const dbPath = path.resolve(values.db ?? process.env.SANGATHAN_DB ?? defaultDatabasePath());
  mkdirSync(path.dirname(dbPath), { recursive: true });

  const resourcesDir = findUp(__dirname, 'resources', (dir) => existsSync(path.join(dir, 'jharkhand')));
  const rendererDir = findUp(__dirname, path.join('out', 'renderer'), (dir) => existsSync(path.join(dir, 'index.html')));
  if (!resourcesDir) throw new Error('The resources/ folder with the reference geography was not found next to the app.');
  if (!rendererDir) throw new Error('The built renderer (out/renderer) was not found: run `npm run build` first.');

  // The movable clock exists only when asked for on the command line — no environment variable, so a
  // stray setting cannot move a real control room's deadlines.
  let offsetMs = 0;
  const testClock =
    values['test-clock'] !== undefined
      ? {
          setOffsetDays(days: number) {
            offsetMs = days * 86_400_000;
          },
        }
      : undefined;
  if (testClock) {
    const days = Number(values['test-clock']);
    if (!Number.isFinite(days)) throw new Error(`--test-clock takes a number of days, not "${values['test-clock']}".`);
    testClock.setOffsetDays(days);
  }
  const core = createCore({ dbPath, resourcesDir, mode: 'web', now: testClock ? () => Date.now() + offsetMs : undefined, autoSync: true });
  const host = await createWebHost({ handlers: core.handlers, rendererDir, host: values.host ?? '127.0.0.1', port, testClock });
  console.log(`Sangathan Control Room (web mode) at ${host.url} — database: ${dbPath}${testClock ? ' — TEST CLOCK ENABLED' : ''}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Close the database even if the HTTP server is slow to drain, so WAL is checkpointed cleanly.
    host
      .close()
      .catch(() => undefined)
      .finally(() => {
        core.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`The port "${raw}" is not a number between 0 and 65535.`);
  }
  return port;
}

/** The same folder convention as the desktop app's user data, per operating system. */
function defaultDatabasePath(): string {
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'));
  return path.join(base, 'sangathan-control-room', 'sangathan.sqlite');
}

/**
 * Finds `relative` in `start` or one of its parents: the built file lives in out/main/, but the same
 * source also runs from electron/main/host/ under tsx.
 */
function findUp(start: string, relative: string, accept: (dir: string) => boolean): string | null {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate) && accept(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

main().catch((err: unknown) => {
  console.error(`Sangathan Control Room (web mode) could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
