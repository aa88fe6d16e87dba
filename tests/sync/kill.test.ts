import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/main/core';
import { countOutbox } from '../../electron/main/db/repositories/outbox';
import { SyncClient } from '../../electron/main/sync/syncClient';
import { insertRow, newId, upsertRow } from '../../electron/main/sync/writer';
import { STORAGE_KINDS, openRoom, snapshot, startServer, type Room, type TestServer } from './harness';

// Child processes and several control rooms: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const PC1 = 'ac_no BETWEEN 1 AND 6';
const LIMIT = 100;

function addPeople(room: Room, n: number, prefix: string): string[] {
  const ids: string[] = [];
  room.write((w) => {
    for (let i = 0; i < n; i++) {
      const id = newId();
      insertRow(w, 'people', id, { name_en: `${prefix} ${i}`, name_hi: null, phone: null, voter_id: null, ac_no: 1 + (i % 6), district_code: null }, 'test');
      ids.push(id);
    }
  });
  return ids;
}

/** Run a control room in its own process and SIGKILL it at its kill point; resolves with how it ended. */
function runUntilKilled(dbPath: string, nowMs: number, stop: string, renameId?: string): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/sync/killChild.ts'), dbPath, String(nowMs), stop, String(LIMIT), ...(renameId ? [renameId] : [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('KILL-POINT')) child.kill('SIGKILL');
  });
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ signal, out })));
}

describe.each(STORAGE_KINDS)('a control room process killed during sync (server on %s)', (kind) => {
  let server: TestServer;
  let dir: string;
  let writer: Room;
  beforeAll(async () => {
    server = await startServer(kind);
    dir = mkdtempSync(path.join(os.tmpdir(), 'sync-sigkill-'));
    writer = await openRoom(server);
    addPeople(writer, 450, 'Seed');
    await writer.client.sync();
  });
  afterAll(async () => {
    writer.core.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const reopen = (file: string) => createCore({ dbPath: file, resourcesDir: 'resources', mode: 'web', now: () => server.clockAt.t });
  const people = (core: { db: { prepare(s: string): { get(): unknown } } }) => (core.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;

  for (const stop of ['mid-page:3', 'after-page:2']) {
    it(`the first sync killed ${stop.startsWith('mid') ? 'half-way through writing a page' : 'between two pages'} resumes from the last page written`, async () => {
      const file = path.join(dir, `first-${stop.replace(':', '-')}.sqlite`);
      const room = await openRoom(server, { dbPath: file });
      room.core.close();
      const run = await runUntilKilled(file, server.clockAt.t, stop);
      expect(run.signal, run.out).toBe('SIGKILL');

      const core = reopen(file);
      // Whole pages only: the page being written when the process died left nothing behind.
      expect(people(core)).toBe(2 * LIMIT);
      const progress: number[] = [];
      await new SyncClient(core.db, core.clock, () => server.clockAt.t, { pullLimit: LIMIT, onProgress: (p) => progress.push(p.done) }).sync();
      expect(progress[0]).toBe(LIMIT);
      expect(snapshot(core, ['people'], PC1)).toEqual(snapshot(writer.core, ['people'], PC1));
      core.close();
    });
  }

  it('a pull killed half-way through a page loses no committed local change, and both rooms converge after the restart', async () => {
    const file = path.join(dir, 'pull.sqlite');
    const room = await openRoom(server, { dbPath: file, client: { pullLimit: LIMIT } });
    await room.client.sync();
    const target = (room.core.db.prepare('SELECT id FROM people ORDER BY id LIMIT 1').get() as { id: string }).id;
    room.core.close();
    // Meanwhile another room adds and changes people: the next pull has several pages to write.
    server.clockAt.t += 60_000;
    writer.clockAt.t += 60_000;
    addPeople(writer, 350, 'Later');
    const other = (writer.core.db.prepare('SELECT id FROM people WHERE id <> ? ORDER BY id LIMIT 1').get(target) as { id: string }).id;
    writer.write((w) => upsertRow(w, 'people', other, { name_hi: 'बाद में' }, 'test'));
    await writer.client.sync();

    // The room commits a rename, syncs, and dies while writing the second page of the pull.
    const run = await runUntilKilled(file, server.clockAt.t, 'mid-page:2', target);
    expect(run.signal, run.out).toBe('SIGKILL');
    expect(run.out).toContain('COMMITTED');

    const core = reopen(file);
    expect(core.db.prepare('SELECT name_en FROM people WHERE id = ?').get(target)).toEqual({ name_en: 'Renamed before the crash' });
    await new SyncClient(core.db, core.clock, () => server.clockAt.t, { pullLimit: LIMIT }).sync();
    expect(countOutbox(core.db)).toBe(0);
    await writer.client.sync();
    expect(writer.core.db.prepare('SELECT name_en FROM people WHERE id = ?').get(target)).toEqual({ name_en: 'Renamed before the crash' });
    expect(snapshot(core, ['people'], PC1)).toEqual(snapshot(writer.core, ['people'], PC1));
    expect(people(core)).toBe(800);
    core.close();
  });

  for (const stop of ['after-push:2', 'mid-answers:2']) {
    it(`a push killed ${stop.startsWith('after') ? 'after the server answered a batch' : 'while storing the answers to a batch'} loses no committed change, applies nothing twice, and the rooms converge`, async () => {
      const file = path.join(dir, `push-${stop.replace(':', '-')}.sqlite`);
      const room = await openRoom(server, { dbPath: file });
      await room.client.sync();
      server.clockAt.t += 60_000;
      room.clockAt.t = server.clockAt.t;
      const ids = (room.core.db.prepare('SELECT id FROM people ORDER BY id LIMIT 250').all() as { id: string }[]).map((r) => r.id);
      room.write((w) => {
        for (const id of ids) upsertRow(w, 'people', id, { name_en: `Pushed ${stop}` }, 'test');
      });
      room.core.close();

      // Batches of LIMIT: the server applies batch 2, and the process dies before its answers are kept.
      const run = await runUntilKilled(file, server.clockAt.t, stop);
      expect(run.signal, run.out).toBe('SIGKILL');
      const second = new Set(ids.slice(LIMIT, 2 * LIMIT));
      const serverRows = async () =>
        (await server.storage.pull(Object.fromEntries([1, 2, 3, 4, 5, 6].map((ac) => [`ac:${ac}`, 0])), 100_000)).rows
          .filter((r) => second.has(r.id))
          .map((r) => ({ id: r.id, data: r.data, hlc: r.hlc, deleted: r.deleted }))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
      expect((await serverRows()).every((r) => r.data.name_en === `Pushed ${stop}`)).toBe(true);

      let core = reopen(file);
      // Every committed rename is still here; the first batch's answers were kept, the second's were not.
      expect(core.db.prepare('SELECT count(*) AS n FROM people WHERE name_en = ?').get(`Pushed ${stop}`)).toEqual({ n: 250 });
      expect(countOutbox(core.db)).toBe(ids.length - LIMIT);
      core.close();

      // Meanwhile another room changes some of the rows of that batch, after seeing them.
      writer.clockAt.t = server.clockAt.t + 1000;
      await writer.client.sync();
      const later = ids.slice(LIMIT, LIMIT + 10);
      writer.write((w) => {
        for (const id of later) upsertRow(w, 'people', id, { name_en: 'Changed after the crash' }, 'test');
      });
      await writer.client.sync();
      const rowsBefore = await serverRows();
      const conflictsBefore = (await server.storage.conflicts(null, 0, 100_000)).length;

      // Restarted, the room sends batch 2 again: answered from the receipts, it changes no row and records
      // no conflict (applied again, each retried rename would lose to the newer one and be kept as a conflict).
      core = reopen(file);
      await new SyncClient(core.db, core.clock, () => server.clockAt.t, { pullLimit: LIMIT, pushBatch: LIMIT }).sync();
      expect(countOutbox(core.db)).toBe(0);
      expect(await serverRows()).toEqual(rowsBefore);
      expect((await server.storage.conflicts(null, 0, 100_000)).length).toBe(conflictsBefore);
      await writer.client.sync();
      expect(snapshot(core, ['people'], PC1)).toEqual(snapshot(writer.core, ['people'], PC1));
      expect(core.db.prepare(`SELECT count(*) AS n FROM people WHERE name_en = 'Changed after the crash' AND id IN (${later.map(() => '?').join(',')})`).get(...later)).toEqual({ n: 10 });
      expect(core.db.prepare('SELECT count(*) AS n FROM people WHERE name_en = ?').get(`Pushed ${stop}`)).toEqual({ n: 240 });
      core.close();
    });
  }
});
