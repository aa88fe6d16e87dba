import { describe, expect, it } from 'vitest';
import { CALL_NAME_LIST, IPC_CHANNEL_PREFIX } from '../../shared/ipc/callNames';
import { contract } from '../../shared/ipc/contract';

describe('CALL_NAME_LIST', () => {
  it('lists exactly the contract’s calls, in order, without duplicates', () => {
    expect([...CALL_NAME_LIST]).toEqual(Object.keys(contract));
    expect(new Set(CALL_NAME_LIST).size).toBe(CALL_NAME_LIST.length);
  });

  it('uses the api: channel prefix the preload and main agree on', () => {
    expect(IPC_CHANNEL_PREFIX).toBe('api:');
  });
});
