import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAME_LIST, IPC_CHANNEL_PREFIX } from '../../shared/ipc/callNames';
import type { Api, CallInput, CallName } from '../../shared/ipc/contract';

// Exactly the contract's calls, each a plain invoke; no other logic, and never ipcRenderer itself.
// CALL_NAME_LIST (not the contract) keeps zod out of the sandboxed preload.

type ListedCall = (typeof CALL_NAME_LIST)[number];

const invoker =
  <K extends CallName>(name: K) =>
  (input: CallInput<K>): ReturnType<Api[K]> =>
    ipcRenderer.invoke(IPC_CHANNEL_PREFIX + name, input) as ReturnType<Api[K]>;

const api = Object.fromEntries(CALL_NAME_LIST.map((name) => [name, invoker(name)])) as {
  [K in ListedCall]: ReturnType<typeof invoker<K>>;
};

// `satisfies` fails to compile if the list misses a contract call.
contextBridge.exposeInMainWorld('api', api satisfies Api);
