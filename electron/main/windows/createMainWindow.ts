import { BrowserWindow, type Session } from 'electron';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';

export interface MainWindowOptions {
  /** Built preload script (out/preload/index.js). */
  preloadPath: string;
  /** file:// URL of out/renderer/index.html, or the dev server's URL. */
  appUrl: string;
  /** Origin of the Vite dev server when running `electron-vite dev`; relaxes the CSP for its HMR client. */
  devServerOrigin?: string;
}

export const WINDOW_TITLE = 'Sangathan Control Room';

/**
 * The app window, locked down: isolated, sandboxed preload without Node, a strict CSP on every response,
 * no navigation away from the app, no new windows, no <webview>.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  applyContentSecurityPolicy(window.webContents.session, contentSecurityPolicy({ devServerOrigin: options.devServerOrigin }));

  const contents = window.webContents;
  // The renderer routes in-page (hash/state), so any real navigation is unexpected: a dropped file, a link, an attack.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.appUrl);
  return window;
}

function applyContentSecurityPolicy(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // Drop any policy a dev server may send so exactly ours applies.
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
