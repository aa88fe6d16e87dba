import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAME_LIST, IPC_CHANNEL_PREFIX } from '../../../shared/ipc/callNames';
import type { CallName, CallResult, Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../services/AppError';
import { dispatch } from './dispatch';

export interface RegisterIpcOptions {
  /** The one window allowed to call; null while it does not exist. */
  getMainWindow(): BrowserWindow | null;
  /** The URL the app's page is loaded from: file:// of out/renderer/index.html, or the dev server's URL. */
  appUrl: string;
  /** Runs a validated call in the core (the utility process) and returns its result. */
  forward(name: CallName, input: unknown): Promise<CallResult<unknown>>;
}

const FORBIDDEN: CallResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call is only answered for the app’s own window.' },
};

/**
 * One `ipcMain.handle('api:<call>')` per contract call. Each request is checked in main before the core
 * sees it: the sender must be the main window's top frame showing our page, and the payload must pass
 * the contract's schema (via `dispatch`, the same path as the web host). Returns an unregister function.
 */
export function registerIpc(options: RegisterIpcOptions): () => void {
  const handlers = forwardingHandlers(options.forward);
  for (const name of CALL_NAME_LIST) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + name, async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event, options.getMainWindow(), options.appUrl)) return FORBIDDEN;
      return dispatch(handlers, name, payload);
    });
  }
  return () => {
    for (const name of CALL_NAME_LIST) ipcMain.removeHandler(IPC_CHANNEL_PREFIX + name);
  };
}

/** Handlers that hand the validated input to the core and turn its error results back into AppErrors. */
function forwardingHandlers(forward: RegisterIpcOptions['forward']): Handlers {
  const entries = CALL_NAME_LIST.map((name) => [
    name,
    async (input: unknown) => {
      const result = await forward(name, input);
      if (result.ok) return result.value;
      throw new AppError(result.error.code, result.error.message, result.error.field);
    },
  ]);
  return Object.fromEntries(entries) as Handlers;
}

export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, appUrl: string): boolean {
  if (!window || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender.id !== contents.id) return false;
  // senderFrame is null when the frame navigated away or was destroyed before the message arrived.
  const frame = event.senderFrame;
  if (!frame) return false;
  const mainFrame = contents.mainFrame;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
  return isAppUrl(frame.url, appUrl);
}

/** Same page as the app: for file:// the same file, for the dev server the same origin. */
export function isAppUrl(url: string, appUrl: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(appUrl);
  } catch {
    return false;
  }
  if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
  return actual.origin === expected.origin;
}
