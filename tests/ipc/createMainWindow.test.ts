import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';

type Handler = (...args: unknown[]) => unknown;

interface FakeWindow {
  options: BrowserWindowConstructorOptions;
  loadedUrl: string | null;
  webContentsEvents: Map<string, Handler>;
  windowOpenHandler: Handler | null;
  headersListener: Handler | null;
}

const created: FakeWindow[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    private record: FakeWindow;
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loadedUrl: null, webContentsEvents: new Map(), windowOpenHandler: null, headersListener: null };
      created.push(this.record);
      const record = this.record;
      this.webContents = {
        on: (event: string, handler: Handler) => record.webContentsEvents.set(event, handler),
        setWindowOpenHandler: (handler: Handler) => {
          record.windowOpenHandler = handler;
        },
        session: {
          webRequest: {
            onHeadersReceived: (listener: Handler) => {
              record.headersListener = listener;
            },
          },
        },
      };
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.record.loadedUrl = url;
      return Promise.resolve();
    }
  }
  return { BrowserWindow };
});

const { createMainWindow } = await import('../../electron/main/windows/createMainWindow');

const APP_URL = 'file:///app/out/renderer/index.html';

describe('createMainWindow', () => {
  beforeEach(() => {
    created.length = 0;
    createMainWindow({ preloadPath: '/app/out/preload/index.js', appUrl: APP_URL });
  });

  it('runs the page isolated and sandboxed, without Node', () => {
    const prefs = created[0].options.webPreferences ?? {};
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });

  it('loads the app page and carries the product title', () => {
    expect(created[0].loadedUrl).toBe(APP_URL);
    expect(created[0].options.title).toBe('Sangathan Control Room');
  });

  it('blocks navigation away from the app', () => {
    const preventDefault = vi.fn();
    created[0].webContentsEvents.get('will-navigate')?.({ preventDefault }, 'https://evil.example/');
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it('blocks attaching a <webview>', () => {
    const preventDefault = vi.fn();
    created[0].webContentsEvents.get('will-attach-webview')?.({ preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies every new window', () => {
    const handler = created[0].windowOpenHandler;
    expect(handler).not.toBeNull();
    expect(handler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: APP_URL })).toEqual({ action: 'deny' });
  });

  it('replaces any Content-Security-Policy with a strict one on every response', () => {
    const callback = vi.fn();
    created[0].headersListener?.(
      { url: APP_URL, responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      callback,
    );
    const headers = callback.mock.calls[0][0].responseHeaders as Record<string, string[]>;
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    const csp = headers['Content-Security-Policy'][0];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });
});
