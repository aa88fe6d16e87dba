import { SYNC_SCHEMA_VERSION } from '../shared/sync/version';

/**
 * The oldest sync schema version the server still serves, from `--min-client-version` or
 * SANGATHAN_MIN_CLIENT_VERSION; undefined (the built-in MIN_CLIENT_SCHEMA_VERSION) when not given.
 * A value above the server's own schema version would turn every control room away, so it stops the start.
 */
export function parseMinClientVersion(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const v = Number(raw.trim());
  if (!Number.isInteger(v) || v < 1) {
    throw new Error(`The minimum client version must be a whole number of 1 or more (SANGATHAN_MIN_CLIENT_VERSION or --min-client-version), not "${raw}".`);
  }
  if (v > SYNC_SCHEMA_VERSION) {
    throw new Error(`The minimum client version ${v} is above this server's own sync schema version ${SYNC_SCHEMA_VERSION}: every control room would be told to update. Update the server first.`);
  }
  return v;
}
