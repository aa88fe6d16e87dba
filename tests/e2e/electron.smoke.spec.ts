import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');

/** `require('electron')` throws when the binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1). */
function electronBinary(): string | null {
  try {
    const binary = createRequire(__filename)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const binaryPresent = binary !== null;

// Launches the repo as the app (package.json "main" = out/main/index.js, built by `npm run build`).
test('the Electron app opens its window', async () => {
  test.skip(!binaryPresent, 'Electron binary not installed on this machine (offline install); the web-mode scenarios cover the renderer');

  const userData = mkdtempSync(path.join(tmpdir(), 'sangathan-electron-'));
  const nativeBinding = path.join(repo, '.electron-native', 'better_sqlite3.node');
  const env: Record<string, string> = { ...(process.env as Record<string, string>), SANGATHAN_USER_DATA_DIR: userData };
  if (existsSync(nativeBinding)) env.SANGATHAN_SQLITE_BINDING = nativeBinding;
  const app = await electron.launch({ executablePath: binary ?? undefined, args: [repo], env });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Sangathan Control Room/);
    // The sandboxed page sees the contract and nothing of Node.
    expect(await window.evaluate(() => typeof (window as unknown as { api?: unknown }).api)).toBe('object');
    expect(await window.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
