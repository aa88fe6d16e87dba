// `npm run dist`: electron-builder with `npmRebuild: true` rebuilds better-sqlite3 for Electron *in place*,
// which would leave node_modules unusable for the tests and the web host. Keep a copy of the Node-ABI
// binary, restore it afterwards, and check that the packaged binary really is an Electron build (npm's
// `nodedir` setting can silently turn the rebuild into a Node-ABI one).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repo, 'package.json'));
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const nodeBinary = path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
const backupDir = mkdtempSync(path.join(os.tmpdir(), 'sangathan-dist-'));
const backup = path.join(backupDir, 'better_sqlite3.node');
if (existsSync(nodeBinary)) copyFileSync(nodeBinary, backup);

let status = 1;
try {
  const builder = spawnSync(
    process.execPath,
    [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)],
    { cwd: repo, stdio: 'inherit' },
  );
  status = builder.status ?? 1;
  if (status === 0) status = checkPackagedAbi();
} finally {
  if (existsSync(backup)) copyFileSync(backup, nodeBinary);
  rmSync(backupDir, { recursive: true, force: true });
}
process.exit(status);

function checkPackagedAbi() {
  const abiFile = path.join(path.dirname(require.resolve('electron/package.json')), 'abi_version');
  const packed = path.join(repo, 'release', `${process.platform === 'linux' ? 'linux' : process.platform}-unpacked`, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(abiFile) || !existsSync(packed)) return 0; // another platform's build: nothing to probe here
  const abi = readFileSync(abiFile, 'utf8').trim();
  const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', packed], { encoding: 'utf8' });
  if (probe.status !== 0 && probe.stderr.includes(`NODE_MODULE_VERSION ${abi}`)) return 0;
  console.error('The packaged better-sqlite3 is not built for Electron (check npm\'s nodedir setting and the network), so the installers would not open their database.');
  return 1;
}
