/**
 * Schema version of the synced tables; carried by every sync request. Synced tables only gain
 * columns, so a higher version means "knows more columns", never "reads the old ones differently".
 */
export const SYNC_SCHEMA_VERSION = 1;

/**
 * The oldest client the server accepts writes and reads from. Raise it when a change to the synced
 * tables would make an old client's writes wrong; such a client is told to update, nothing else.
 */
export const MIN_CLIENT_SCHEMA_VERSION = 1;
