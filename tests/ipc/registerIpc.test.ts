import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { CALL_NAME_LIST } from '../../shared/ipc/callNames';
import type { CallName, CallResult } from '../../shared/ipc/contract';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<CallResult<unknown>>;
const handled = new Map<string, Listener>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (handled.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handled.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => handled.delete(channel)),
  },
}));

const { registerIpc, isAppUrl } = await import('../../electron/main/ipc/registerIpc');

const APP_URL = 'file:///opt/sangathan/resources/app.asar/out/renderer/index.html';

function fakeWindow(url = APP_URL) {
  const mainFrame = { processId: 7, routingId: 1, url, parent: null };
  const window = {
    isDestroyed: () => false,
    webContents: { id: 42, mainFrame },
  };
  return { window: window as unknown as BrowserWindow, mainFrame };
}

function eventFrom(sender: { id: number }, frame: { processId: number; routingId: number; url: string } | null) {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

describe('registerIpc', () => {
  let forward: Mock<(name: CallName, input: unknown) => Promise<CallResult<unknown>>>;
  let win: ReturnType<typeof fakeWindow>;
  let unregister: () => void;

  beforeEach(() => {
    handled.clear();
    win = fakeWindow();
    forward = vi.fn(async (name: CallName): Promise<CallResult<unknown>> => ({ ok: true, value: { answeredBy: 'core', name } }));
    unregister = registerIpc({ getMainWindow: () => win.window, appUrl: APP_URL, forward });
  });

  const invoke = (name: string, payload: unknown, event = eventFrom({ id: 42 }, win.mainFrame)) => {
    const listener = handled.get(`api:${name}`);
    if (!listener) throw new Error(`no handler for api:${name}`);
    return listener(event, payload);
  };

  it('registers exactly one handler per contract call, on the api: channel', () => {
    expect([...handled.keys()].sort()).toEqual(CALL_NAME_LIST.map((n) => `api:${n}`).sort());
  });

  it('forwards a valid call from the app window to the core and returns its result', async () => {
    const result = await invoke('units.search', { q: 'Ranchi' });
    expect(result).toEqual({ ok: true, value: { answeredBy: 'core', name: 'units.search' } });
    // The core receives the validated input, with the schema's defaults filled in.
    expect(forward).toHaveBeenCalledWith('units.search', { q: 'Ranchi', limit: 50 });
  });

  it('answers an invalid payload with invalid_input without reaching the core', async () => {
    const result = await invoke('units.search', { q: 'Ranchi', limit: 'lots' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid_input');
    expect(!result.ok && result.error.field).toBe('limit');
    expect(forward).not.toHaveBeenCalled();
  });

  it('rejects unknown extra fields (strict schemas) without reaching the core', async () => {
    const result = await invoke('session.switch', { userId: 'u1', role: 'state_admin' });
    expect(!result.ok && result.error.code).toBe('invalid_input');
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses a call from another webContents', async () => {
    const result = await invoke('app.info', {}, eventFrom({ id: 99 }, win.mainFrame));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses a call from a sub-frame of the window', async () => {
    const subFrame = { processId: 7, routingId: 5, url: APP_URL };
    const result = await invoke('app.info', {}, eventFrom({ id: 42 }, subFrame));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses a call when the window shows a foreign page', async () => {
    win.mainFrame.url = 'https://evil.example/index.html';
    const result = await invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame is already gone, and any call when there is no window', async () => {
    expect(await invoke('app.info', {}, eventFrom({ id: 42 }, null))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    handled.clear();
    registerIpc({ getMainWindow: () => null, appUrl: APP_URL, forward });
    expect(await invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('passes the core’s error results through unchanged', async () => {
    forward.mockResolvedValueOnce({ ok: false, error: { code: 'not_found', message: 'No unit with id u9.', field: 'id' } });
    const result = await invoke('units.get', { id: 'u9' });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No unit with id u9.', field: 'id' } });
  });

  it('unregisters every handler', () => {
    unregister();
    expect(handled.size).toBe(0);
  });
});

describe('isAppUrl', () => {
  it('accepts only the same file for a file:// app', () => {
    expect(isAppUrl(`${APP_URL}#/dashboard`, APP_URL)).toBe(true);
    expect(isAppUrl('file:///tmp/evil/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('https://example.org/out/renderer/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/some/route', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});
