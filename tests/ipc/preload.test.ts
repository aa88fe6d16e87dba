import { describe, expect, it, vi } from 'vitest';
import { CALL_NAME_LIST } from '../../shared/ipc/callNames';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke },
}));

await import('../../electron/preload/index');

describe('preload', () => {
  it('exposes only window.api, holding exactly the contract’s calls as functions', () => {
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CALL_NAME_LIST].sort());
    for (const name of CALL_NAME_LIST) expect(typeof api[name]).toBe('function');
  });

  it('turns each call into an invoke on its api: channel, passing the input through', async () => {
    const api = exposed.get('api') as Record<string, (input: unknown) => Promise<unknown>>;
    const result = await api['units.search']({ q: 'Dumka' });
    expect(invoke).toHaveBeenCalledWith('api:units.search', { q: 'Dumka' });
    expect(result).toEqual({ ok: true, value: { channel: 'api:units.search', input: { q: 'Dumka' } } });
  });
});
