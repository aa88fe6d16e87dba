// Starts the built web host for Playwright on a fresh database file under .tmp/e2e/.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const portIndex = process.argv.indexOf('--port');
const port = portIndex > 0 ? process.argv[portIndex + 1] : '5191';
const dir = path.join(repo, '.tmp', 'e2e');
const db = path.join(dir, 'e2e.sqlite');

mkdirSync(dir, { recursive: true });
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(db + suffix, { force: true });

const host = spawn(process.execPath, [path.join(repo, 'out/main/webHost.js'), '--port', port, '--db', db, '--test-clock', '0'], {
  cwd: repo,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
