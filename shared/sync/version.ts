/** Schema version of the synced tables; carried by every sync request (the server arrives in a later issue). */
export const SYNC_SCHEMA_VERSION = 1;
