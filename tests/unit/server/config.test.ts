import { describe, expect, it } from 'vitest';
import { parseMinClientVersion } from '../../../server/config';
import { SYNC_SCHEMA_VERSION } from '../../../shared/sync/version';

describe('the state server’s minimum client version setting', () => {
  it('is the built-in one when not set', () => {
    expect(parseMinClientVersion(undefined)).toBeUndefined();
    expect(parseMinClientVersion(' ')).toBeUndefined();
  });

  it('takes a whole schema version up to the server’s own', () => {
    expect(parseMinClientVersion(String(SYNC_SCHEMA_VERSION))).toBe(SYNC_SCHEMA_VERSION);
    expect(parseMinClientVersion(' 1 ')).toBe(1);
  });

  it('stops the start on a value that is not a version, or one that would turn every control room away', () => {
    expect(() => parseMinClientVersion('two')).toThrow(/whole number/);
    expect(() => parseMinClientVersion('0')).toThrow(/whole number/);
    expect(() => parseMinClientVersion('1.5')).toThrow(/whole number/);
    expect(() => parseMinClientVersion(String(SYNC_SCHEMA_VERSION + 1))).toThrow(/above this server's own/);
  });
});
