import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { loadGeography } from '../../server/geography';
import { PgStorage } from '../../server/storage/pgStorage';
import { SqliteStorage } from '../../server/storage/sqliteStorage';
import type { Storage } from '../../server/storage/Storage';
import { createCore, type CoreWithInternals } from '../../electron/main/core';
import { SyncClient, type SyncClientOptions } from '../../electron/main/sync/syncClient';
import { beginChange, type WriteContext } from '../../electron/main/sync/writer';
import type { RegisterDeviceResponse } from '../../shared/sync/protocol';

export const ADMIN = 'test-admin-token';
export const geography = loadGeography(path.resolve('resources'));

/** The storages the server suite runs on: SQLite always, PostgreSQL when TEST_PG_URL is set. */
export const STORAGE_KINDS: ('sqlite' | 'postgres')[] = process.env.TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestServer {
  url: string;
  app: FastifyInstance;
  storage: Storage;
  clockAt: { t: number };
  close(): Promise<void>;
  register(scope: 'pc' | 'state', pcNo: number | null, name?: string): Promise<RegisterDeviceResponse>;
  admin(pathName: string, body?: unknown): Promise<Response>;
}

let schemaCounter = 0;

export async function startServer(kind: 'sqlite' | 'postgres', start = Date.UTC(2026, 0, 10, 6)): Promise<TestServer> {
  let storage: Storage;
  if (kind === 'postgres') {
    storage = new PgStorage(process.env.TEST_PG_URL!, `t_${process.pid}_${Date.now()}_${schemaCounter++}`);
  } else {
    storage = new SqliteStorage(':memory:');
  }
  await storage.init();
  const clockAt = { t: start };
  const app = buildServer({ storage, geography, adminToken: ADMIN, logger: false, now: () => clockAt.t });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const admin = (p: string, body?: unknown) =>
    fetch(address + p, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    url: address,
    app,
    storage,
    clockAt,
    admin,
    async register(scope, pcNo, name = 'Control room') {
      const r = await admin('/admin/devices', { name, scope, pcNo });
      if (!r.ok) throw new Error(await r.text());
      return (await r.json()) as RegisterDeviceResponse;
    },
    async close() {
      await app.close();
      if (storage instanceof PgStorage) await storage.dropSchema();
      await storage.close();
    },
  };
}

export interface Room {
  core: CoreWithInternals;
  client: SyncClient;
  clockAt: { t: number };
  write<T>(fn: (w: WriteContext) => T): T;
}

/** A simulated control room: its own core (database, clock) and sync client, enrolled with the server. */
export async function openRoom(
  server: TestServer,
  opts: { scope?: 'pc' | 'state'; pcNo?: number | null; dbPath?: string; skewMs?: number; client?: SyncClientOptions; enrol?: boolean } = {},
): Promise<Room> {
  const clockAt = { t: server.clockAt.t + (opts.skewMs ?? 0) };
  const core = createCore({ dbPath: opts.dbPath ?? ':memory:', resourcesDir: 'resources', mode: 'web', now: () => clockAt.t });
  const client = new SyncClient(core.db, core.clock, () => clockAt.t, opts.client);
  if (opts.enrol !== false) {
    const scope = opts.scope ?? 'pc';
    const reg = await server.register(scope, scope === 'pc' ? (opts.pcNo ?? 1) : null);
    await client.enrol(server.url, reg.code);
  }
  return {
    core,
    client,
    clockAt,
    write: (fn) => core.db.transaction(() => fn(beginChange(core.db, core.clock, 'tester', new Date(clockAt.t).toISOString())))(),
  };
}

/** Every synced row of the tables a Lok Sabha room shares, as comparable text. */
export function snapshot(core: CoreWithInternals, tables: string[], where = '1 = 1'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    out[t] = (core.db.prepare(`SELECT * FROM ${t} WHERE ${where} ORDER BY id`).all() as Record<string, unknown>[]).map((r) => {
      const { updated_by: _u, ...rest } = r;
      return JSON.stringify(rest);
    });
  }
  return out;
}
