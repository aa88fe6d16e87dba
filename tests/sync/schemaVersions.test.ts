import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/main/core';
import { SYNCED_TABLES } from '../../electron/main/db/schema';
import { getCursors } from '../../electron/main/db/repositories/sync';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { SyncClient, SyncError } from '../../electron/main/sync/syncClient';
import { insertRow, newId, upsertRow } from '../../electron/main/sync/writer';
import type { EnrolResponse } from '../../shared/sync/protocol';
import { STORAGE_KINDS, openRoom, startServer, type TestServer } from './harness';

/**
 * Schema versions across an upgrade. The sync schema version this copy of the app speaks is a constant;
 * here it can be moved, as installing an older or newer build would, and the people table can learn a
 * column the way a later migration would add one.
 */
const version = vi.hoisted(() => ({ v: 1 }));
vi.mock('../../shared/sync/version', async (original) => {
  const m = await original<typeof import('../../shared/sync/version')>();
  return {
    ...m,
    get SYNC_SCHEMA_VERSION() {
      return version.v;
    },
  };
});

vi.setConfig({ testTimeout: 60_000 });

describe.each(STORAGE_KINDS)('schema versions (server on %s)', (kind) => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer(kind);
    dir = mkdtempSync(path.join(os.tmpdir(), 'sync-versions-'));
  });
  afterAll(async () => {
    version.v = 1;
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a newer client’s unknown column through an older client’s edit, and replays it to that client after its upgrade', async () => {
    const dbPath = path.join(dir, 'older.sqlite');
    const older = await openRoom(server, { pcNo: 1, dbPath });
    await older.client.sync();

    // A computer running a newer build (sync schema 2) knows people.nickname and creates a person with one.
    const reg = await server.register('pc', 1, 'Newer laptop');
    const enrolled = (await (
      await fetch(`${server.url}/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ schemaVersion: 2, code: reg.code }) })
    ).json()) as EnrolResponse;
    const id = newId();
    const push = await fetch(`${server.url}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` },
      body: JSON.stringify({
        schemaVersion: 2,
        ops: [
          {
            seq: 1,
            table: 'people',
            id,
            op: 'upsert',
            hlc: `${String(server.clockAt.t).padStart(15, '0')}-00000-newer`,
            baseHlc: null,
            fields: ['name_en', 'ac_no', 'nickname', 'deleted'],
            data: { name_en: 'Lata', ac_no: 3, nickname: 'Lalli', deleted: 0 },
          },
        ],
      }),
    });
    expect(((await push.json()) as { results: { status: string }[] }).results[0].status).toBe('applied');

    // The older computer gets the person without the column it does not know, and edits the name.
    await older.client.sync();
    expect(older.core.db.prepare('SELECT name_en FROM people WHERE id = ?').get(id)).toEqual({ name_en: 'Lata' });
    older.clockAt.t += 60_000;
    older.write((w) => upsertRow(w, 'people', id, { name_en: 'Lata Devi' }, 'test'));
    await older.client.sync();
    const onServer = (await server.storage.pull({ 'ac:3': 0 }, 5000)).rows.find((r) => r.id === id)!;
    expect(onServer.data).toMatchObject({ name_en: 'Lata Devi', nickname: 'Lalli' });
    expect(Object.keys(getCursors(older.core.db, 1)).length).toBeGreaterThan(0);
    older.core.close();

    // The older computer is upgraded: its build speaks schema 2 and its migration adds the column.
    version.v = 2;
    const people = SYNCED_TABLES.people as unknown as string[];
    people.push('nickname');
    try {
      const upgraded = createCore({ dbPath, resourcesDir: 'resources', mode: 'web', now: () => older.clockAt.t });
      upgraded.db.exec('ALTER TABLE people ADD COLUMN nickname TEXT');
      // Cursors written under schema 1 no longer count: the next pull starts over and fills the new column.
      expect(getCursors(upgraded.db, 2)).toEqual({});
      await new SyncClient(upgraded.db, upgraded.clock, () => older.clockAt.t).sync();
      expect(upgraded.db.prepare('SELECT name_en, nickname FROM people WHERE id = ?').get(id)).toEqual({ name_en: 'Lata Devi', nickname: 'Lalli' });
      expect(Object.keys(getCursors(upgraded.db, 2)).length).toBeGreaterThan(0);
      upgraded.close();
    } finally {
      people.pop();
      version.v = 1;
    }
  });

  it('refuses a client below the server’s minimum version, telling the operator to update, and keeps its changes', async () => {
    const core = createCore({ dbPath: ':memory:', resourcesDir: 'resources', mode: 'web', now: () => server.clockAt.t });
    const call = async (name: string, input: unknown) => {
      const r = await dispatch(core.handlers, name as never, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as never;
    };
    await call('users.create', { name: 'Old build operator', role: 'operator' });
    const reg = await server.register('pc', 1, 'Old build');
    await call('sync.enrol', { serverUrl: server.url, code: reg.code });
    await call('sync.now', {});
    core.db.transaction(() => {
      const w = { db: core.db, clock: core.clock, userId: 'tester', groupId: newId(), at: new Date(server.clockAt.t).toISOString() };
      insertRow(w, 'people', newId(), { name_en: 'Waiting', name_hi: null, phone: null, voter_id: null, ac_no: 2, district_code: null }, 'test');
    })();

    // The state server now needs schema 1 or newer; this build speaks 0 (as an old installation would).
    version.v = 0;
    try {
      const status = (await call('sync.now', {})) as { lastError: { code: string; message: string } | null; waiting: number };
      expect(status.lastError?.code).toBe('update_required');
      expect(status.lastError?.message).toMatch(/too old to sync .* Install the update from the state office/);
      expect(status.waiting).toBe(1);
      const err = await new SyncClient(core.db, core.clock, () => server.clockAt.t).sync().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncError);
      expect((err as SyncError).code).toBe('update_required');
    } finally {
      version.v = 1;
    }
    core.close();
  });
});
