// `npm start`: opens the Electron app, or web mode in the browser where the Electron binary is absent.
//
// better-sqlite3 is a native module. node_modules keeps the Node-ABI build (tests and the web host use
// it); Electron needs its own ABI, so a separate Electron build is kept in .electron-native/ and handed
// to the core through SANGATHAN_SQLITE_BINDING (better-sqlite3's `nativeBinding` option).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repo, 'package.json'));
const WEB_FALLBACK = 'so Sangathan Control Room is starting in web mode in your browser instead.';

function electronBinary() {
  try {
    // Resolves to the binary's path, and throws when the binary was never downloaded.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Returns the path of an Electron-ABI better_sqlite3.node, building it on first use, or throws. */
function ensureElectronSqlite() {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const abiFile = path.join(electronDir, 'abi_version');
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null;

  const outDir = path.join(repo, '.electron-native');
  const target = path.join(outDir, 'better_sqlite3.node');
  const stampFile = path.join(outDir, 'build.json');
  const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
  if (existsSync(target) && existsSync(stampFile) && JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp)) return target;

  console.log(`Preparing the SQLite module for Electron ${electronVersion} (first start only)…`);
  // Work on a copy: node_modules/better-sqlite3 must keep its Node-ABI build.
  const work = mkdtempSync(path.join(os.tmpdir(), 'sangathan-sqlite-electron-'));
  try {
    cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.startsWith(path.join(sqliteDir, 'build')) });
    // npm's own settings (nodedir, target, runtime) would silently make this a Node-ABI build.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(key)));
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');

    const prebuild = spawnSync(
      process.execPath,
      [require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] }), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform],
      { cwd: work, env, stdio: 'ignore', timeout: 180_000 },
    );
    if (prebuild.status !== 0 || !existsSync(built)) {
      // No published binary for this Electron: compile against Electron's headers (needs a C++ toolchain and the network).
      const gyp = spawnSync(
        process.execPath,
        [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
        { cwd: work, env, stdio: 'ignore', timeout: 900_000 },
      );
      if (gyp.status !== 0 || !existsSync(built)) throw new Error('no Electron build of better-sqlite3 could be downloaded or compiled');
    }
    if (abi) assertElectronAbi(built, abi);
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, target);
    writeFileSync(stampFile, JSON.stringify(stamp));
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Node must refuse the binary, naming Electron's module version: proof it is not a Node-ABI build in disguise. */
function assertElectronAbi(file, abi) {
  const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], { encoding: 'utf8' });
  if (probe.status === 0 || !probe.stderr.includes(`NODE_MODULE_VERSION ${abi}`)) {
    throw new Error('the SQLite module that was produced is not built for Electron');
  }
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startElectron(binary, binding) {
  const env = { ...process.env, SANGATHAN_SQLITE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  forwardSignals(spawn(binary, ['.'], { cwd: repo, env, stdio: 'inherit' }));
}

function openBrowser(url) {
  if (process.env.CI || process.env.SANGATHAN_NO_BROWSER) return;
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const opener = spawn(command, args, { stdio: 'ignore', detached: true });
  opener.on('error', () => undefined); // no desktop browser: the printed address is enough
  opener.unref();
}

function startWebMode() {
  const host = spawn(process.execPath, [path.join(repo, 'out/main/webHost.js'), ...process.argv.slice(2)], {
    cwd: repo,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let opened = false;
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = !opened && /\bat (http:\/\/\S+)/.exec(String(chunk))?.[1];
    if (url) {
      opened = true;
      openBrowser(url);
    }
  });
  forwardSignals(host);
}

const binary = electronBinary();
if (!binary) {
  console.log(`The Electron binary is not installed (offline install), ${WEB_FALLBACK}`);
  startWebMode();
} else {
  let binding = null;
  try {
    binding = ensureElectronSqlite();
  } catch (err) {
    console.log(`The SQLite module could not be prepared for Electron (${err instanceof Error ? err.message : String(err)}), ${WEB_FALLBACK}`);
  }
  if (binding) startElectron(binary, binding);
  else startWebMode();
}
