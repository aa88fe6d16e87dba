import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCoreProcess, type CoreProcessClient } from './coreProcessClient';
import { registerIpc } from './ipc/registerIpc';
import { createMainWindow } from './windows/createMainWindow';

// Lifecycle and wiring only: the database and services run in the core utility process (coreProcess.ts).

// Tests (the Playwright Electron smoke test) point the app at a fresh profile and database.
if (process.env.SANGATHAN_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.SANGATHAN_USER_DATA_DIR));

let mainWindow: BrowserWindow | null = null;
let core: CoreProcessClient | null = null;

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServerUrl ?? pathToFileURL(path.join(__dirname, '../renderer/index.html')).href;

function resourcesDir(): string {
  // Packaged: extraResources puts the folder next to app.asar. From the repo: out/main/ → resources/.
  return app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.resolve(__dirname, '../../resources');
}

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: path.join(__dirname, '../preload/index.js'),
    appUrl,
    devServerOrigin: devServerUrl ? new URL(devServerUrl).origin : undefined,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same SQLite file; focus the first instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    const coreClient = startCoreProcess(path.join(__dirname, 'coreProcess.js'), {
      dbPath: path.join(app.getPath('userData'), 'sangathan.sqlite'),
      resourcesDir: resourcesDir(),
      mode: 'electron',
      nativeBinding: process.env.SANGATHAN_SQLITE_BINDING || undefined,
      autoSync: true,
    });
    core = coreClient;
    registerIpc({ getMainWindow: () => mainWindow, appUrl, forward: (name, input) => coreClient.call(name, input) });
    openMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    // Let the core close SQLite cleanly (WAL checkpoint) before the app exits.
    event.preventDefault();
    quitting = true;
    void core.close().finally(() => app.quit());
  });
}
