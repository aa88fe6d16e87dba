import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer, ensureStateDevice } from './app';
import { parseMinClientVersion } from './config';
import { loadGeography } from './geography';
import { PgStorage } from './storage/pgStorage';
import { SqliteStorage } from './storage/sqliteStorage';
import type { Storage } from './storage/Storage';
import { MIN_CLIENT_SCHEMA_VERSION } from '../shared/sync/version';

/**
 * `npm run server [-- --port 8787 --db ./state-server.sqlite]` — SQLite by default;
 * `--pg postgres://…` or DATABASE_URL for PostgreSQL; `--min-client-version <n>` or SANGATHAN_MIN_CLIENT_VERSION
 * turns away control rooms older than sync schema version n (told to update).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      host: { type: 'string', default: process.env.HOST ?? '0.0.0.0' },
      db: { type: 'string', default: process.env.SERVER_DB ?? 'state-server.sqlite' },
      pg: { type: 'string' },
      'admin-token': { type: 'string' },
      'min-client-version': { type: 'string', default: process.env.SANGATHAN_MIN_CLIENT_VERSION },
    },
  });
  // Checked before the storage opens: a wrong setting stops the start with a message, touching nothing.
  const minClientVersion = parseMinClientVersion(values['min-client-version']);
  const pgUrl = values.pg ?? process.env.DATABASE_URL;
  const storage: Storage = pgUrl ? new PgStorage(pgUrl) : new SqliteStorage(path.resolve(values.db!));
  await storage.init();
  const geography = loadGeography(path.resolve(__dirname, '..', 'resources'));
  const adminToken = values['admin-token'] ?? process.env.SANGATHAN_ADMIN_TOKEN;
  const app = buildServer({ storage, geography, adminToken, minClientVersion });
  const code = await ensureStateDevice(storage, Date.now);
  const address = await app.listen({ port: Number(values.port), host: values.host });
  console.log(`Sangathan state server listening on ${address} (storage: ${storage.kind}${pgUrl ? '' : `, ${path.resolve(values.db!)}`}; clients from sync schema version ${minClientVersion ?? MIN_CLIENT_SCHEMA_VERSION})`);
  if (code) console.log(`Enrolment code for the state office's own computer (shown once): ${code}`);
  const stop = async () => {
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`The state server could not start: ${err.message}`);
  process.exit(1);
});
