import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type CoreWithInternals } from '../../electron/main/core';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { setMeta } from '../../electron/main/db/repositories/meta';
import { beginChange, insertRow, newId, upsertRow, type WriteContext } from '../../electron/main/sync/writer';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/version';
import { STORAGE_KINDS, openRoom, startServer, type Room, type TestServer } from './harness';

/** A control room as the app runs it: its own core with the sync service, called through the dispatcher. */
interface AppRoom {
  core: CoreWithInternals;
  clockAt: { t: number };
  pulls: { n: number };
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  fail(name: CallName, input: unknown): Promise<{ code: string; message: string; field?: string }>;
  write<T>(fn: (w: WriteContext) => T): T;
}

function appRoom(server: TestServer, opts: { autoSync?: boolean } = {}): AppRoom {
  const clockAt = { t: server.clockAt.t };
  const pulls = { n: 0 };
  const countingFetch: typeof fetch = (input, init) => {
    if (String(input).endsWith('/sync/pull')) pulls.n++;
    return fetch(input, init);
  };
  const core = createCore({ dbPath: ':memory:', resourcesDir: 'resources', mode: 'web', now: () => clockAt.t, autoSync: opts.autoSync, fetch: countingFetch });
  return {
    core,
    clockAt,
    pulls,
    async call(name, input) {
      const r = await dispatch(core.handlers, name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    async fail(name, input) {
      const r = await dispatch(core.handlers, name, input);
      if (r.ok) throw new Error(`${name} succeeded`);
      return r.error;
    },
    write: (fn) => core.db.transaction(() => fn(beginChange(core.db, core.clock, 'tester', new Date(clockAt.t).toISOString())))(),
  };
}

const nameOf = (core: CoreWithInternals, id: string) => (core.db.prepare('SELECT name_en FROM people WHERE id = ?').get(id) as { name_en: string }).name_en;

// Real servers, several databases and first syncs: allow for a loaded machine.
describe.each(STORAGE_KINDS)('the sync service against a real state server on loopback (%s)', { timeout: 60_000 }, (kind) => {
  let server: TestServer;
  let room: AppRoom;
  let office: AppRoom;
  let other: Room;
  let personId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    room = appRoom(server, { autoSync: true });
    office = appRoom(server);
    other = await openRoom(server, { pcNo: 1 });
    await office.call('users.create', { name: 'State Office', role: 'state_admin' });
  });
  afterAll(async () => {
    room.core.close();
    office.core.close();
    other.core.close();
    if (server.app.server.listening) await server.close();
  });

  it('shows a computer that is not enrolled, with its local changes waiting', async () => {
    await room.call('users.create', { name: 'Asha Kumari', role: 'operator' });
    const s = await room.call('sync.status', {});
    expect(s.enrolled).toBe(false);
    expect(s.lastSyncAt).toBeNull();
    expect(s.waiting).toBeGreaterThan(0);
    expect(s.nextAutoSyncAt).toBeNull();
    const e = await room.fail('sync.now', {});
    expect(e.code).toBe('conflict');
  });

  it('refuses a mistyped code and a wrong address at the boundary, and an unknown code at the server', async () => {
    expect((await room.fail('sync.enrol', { serverUrl: server.url, code: 'ABC' })).field).toBe('code');
    expect((await room.fail('sync.enrol', { serverUrl: 'state server', code: 'ABCDE-23456' })).field).toBe('serverUrl');
    const unknown = await room.fail('sync.enrol', { serverUrl: server.url, code: 'ABCDE-23456' });
    expect(unknown.field).toBe('code');
    expect(unknown.message).toMatch(/not valid/);
    expect((await room.call('sync.status', {})).enrolled).toBe(false);
  });

  it('enrols with a one-time code typed loosely, runs the first sync and reports it', async () => {
    const reg = await server.register('pc', 1, 'Giridih control room');
    const typed = reg.code.toLowerCase().replace('-', ' ');
    const enrolled = await room.call('sync.enrol', { serverUrl: `${server.url}/`, code: typed });
    expect(enrolled.enrolled).toBe(true);
    expect(enrolled.device).toMatchObject({ name: 'Giridih control room', scope: 'pc', pcNo: 1 });
    expect(enrolled.serverUrl).toBe(server.url);
    // The first sync started on its own; "Sync now" joins it.
    const s = await room.call('sync.now', {});
    expect(s.lastError).toBeNull();
    expect(s.online).toBe(true);
    expect(s.lastSyncAt).not.toBeNull();
    expect(s.waiting).toBe(0);
    expect(s.running).toBe(false);
    expect(s.firstSync).toBe(false);
    expect(Date.parse(s.nextAutoSyncAt!) - room.clockAt.t).toBe(5 * 60_000);
    // The code was used once.
    const again = await office.fail('sync.enrol', { serverUrl: server.url, code: reg.code });
    expect(again.field).toBe('code');
  });

  it('counts a local edit as waiting until Sync now sends it, and never runs two syncs at once', async () => {
    personId = newId();
    room.write((w) => insertRow(w, 'people', personId, { name_en: 'Ravi', name_hi: null, phone: null, voter_id: null, ac_no: 3, district_code: null }, 'test'));
    expect((await room.call('sync.status', {})).waiting).toBe(1);
    const before = room.pulls.n;
    const [a, b] = await Promise.all([room.call('sync.now', {}), room.call('sync.now', {})]);
    expect(room.pulls.n - before).toBe(1);
    expect(a.waiting).toBe(0);
    expect(b.waiting).toBe(0);
    await other.client.sync();
    expect(nameOf(other.core, personId)).toBe('Ravi');
  });

  it('lists the value that lost to a newer edit elsewhere and restores it as a new local edit', async () => {
    room.write((w) => upsertRow(w, 'people', personId, { name_en: 'Ravi Kumar' }, 'test'));
    other.clockAt.t += 60_000;
    other.write((w) => upsertRow(w, 'people', personId, { name_en: 'Ravi Mahto' }, 'test'));
    await other.client.sync();
    const s = await room.call('sync.now', {});
    expect(s.openConflicts).toBe(1);
    expect(nameOf(room.core, personId)).toBe('Ravi Mahto');
    const [c] = await room.call('sync.conflicts', {});
    expect(c).toMatchObject({ table: 'people', rowId: personId, field: 'name_en', keptValue: 'Ravi Kumar', currentValue: 'Ravi Mahto', rowLabel: 'Ravi Mahto' });
    expect(c.lostAt).not.toBeNull();

    await room.call('sync.restoreConflict', { id: c.id });
    expect(nameOf(room.core, personId)).toBe('Ravi Kumar');
    expect(await room.call('sync.conflicts', {})).toEqual([]);
    expect((await room.call('sync.status', {})).waiting).toBe(1);
    expect((await room.fail('sync.restoreConflict', { id: c.id })).code).toBe('not_found');
    await room.call('sync.now', {});
    await other.client.sync();
    expect(nameOf(other.core, personId)).toBe('Ravi Kumar');
  });

  it('dismisses a conflict without changing the row', async () => {
    room.write((w) => upsertRow(w, 'people', personId, { name_en: 'R. Kumar' }, 'test'));
    other.clockAt.t += 120_000;
    other.write((w) => upsertRow(w, 'people', personId, { name_en: 'R. Mahto' }, 'test'));
    await other.client.sync();
    await room.call('sync.now', {});
    const [c] = await room.call('sync.conflicts', {});
    await room.call('sync.dismissConflict', { id: c.id });
    expect(await room.call('sync.conflicts', {})).toEqual([]);
    expect(nameOf(room.core, personId)).toBe('R. Mahto');
    expect((await room.call('sync.status', {})).waiting).toBe(0);
  });

  it('lets the state office register, list and revoke control rooms; a Lok Sabha room or an operator cannot', async () => {
    expect((await room.fail('syncAdmin.overview', {})).code).toBe('forbidden');
    expect((await office.fail('syncAdmin.overview', {})).code).toBe('conflict');
    const reg = await server.register('state', null, 'State office');
    await office.call('sync.enrol', { serverUrl: server.url, code: reg.code });
    await office.call('sync.now', {});

    const created = await office.call('syncAdmin.register', { name: 'Dhanbad control room', scope: 'pc', pcNo: 2 });
    expect(created.code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect((await office.fail('syncAdmin.register', { name: 'X', scope: 'pc', pcNo: 98 })).code).toBe('invalid_input');
    expect((await office.fail('syncAdmin.register', { name: 'X', scope: 'pc' })).field).toBe('pcNo');

    const o = await office.call('syncAdmin.overview', {});
    const names = o.devices.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Giridih control room', 'Dhanbad control room', 'State office']));
    // Every Lok Sabha is listed; the ones no control room has synced come first, Giridih (1) last.
    expect(o.freshness).toHaveLength(14);
    expect(o.freshness.slice(0, 13).every((f) => f.stale && f.lastSyncAt === null)).toBe(true);
    expect(o.freshness[13]).toMatchObject({ pcNo: 1, stale: false, devices: 2 });
    expect(o.freshness[13].lastChangeAt).not.toBeNull();
    expect(o.freshness.find((f) => f.pcNo === 2)?.devices).toBe(1);
    expect(o.conflicts.some((c) => c.rowId === personId && c.losingDevice === 'Giridih control room')).toBe(true);

    const operator = await office.call('users.create', { name: 'Operator', role: 'operator' });
    const adminId = (await office.call('session.get', {})).user!.id;
    await office.call('session.switch', { userId: operator.id });
    expect((await office.fail('syncAdmin.overview', {})).code).toBe('forbidden');
    await office.call('session.switch', { userId: adminId });
  });

  it('tells a revoked computer to ask for a new code and stops syncing on its own', async () => {
    const id = (await room.call('sync.status', {})).device!.id;
    await office.call('syncAdmin.revoke', { id });
    expect((await office.fail('syncAdmin.revoke', { id })).code).toBe('not_found');
    const s = await room.call('sync.now', {});
    expect(s.lastError?.code).toBe('revoked');
    expect(s.lastError?.message).toMatch(/new enrolment code/);
    expect(s.online).toBe(true);
    expect(s.nextAutoSyncAt).toBeNull();

    // A new code from the state office brings it back; nothing made here meanwhile is lost.
    room.write((w) => upsertRow(w, 'people', personId, { name_en: 'Ravi (while revoked)' }, 'test'));
    const reg = await server.register('pc', 1, 'Giridih control room, re-enrolled');
    await room.call('sync.enrol', { serverUrl: server.url, code: reg.code });
    const back = await room.call('sync.now', {});
    expect(back.lastError).toBeNull();
    expect(back.waiting).toBe(0);
    expect(back.nextAutoSyncAt).not.toBeNull();
    await other.client.sync();
    expect(nameOf(other.core, personId)).toBe('Ravi (while revoked)');
  });

  it('refuses to enrol a database holding demo data, so generated rows never reach the state server', async () => {
    const demo = appRoom(server);
    await demo.call('users.create', { name: 'Demo Operator', role: 'operator' });
    setMeta(demo.core.db, 'demo', JSON.stringify({ seed: 1, generatedAt: '2026-11-01T00:00:00.000Z' }));
    const reg = await server.register('pc', 1, 'Demo laptop');
    const e = await demo.fail('sync.enrol', { serverUrl: server.url, code: reg.code });
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/demo data/);
    expect((await demo.call('sync.status', {})).enrolled).toBe(false);
    // The code was not spent: a real control room can still use it.
    const real = appRoom(server);
    await real.call('users.create', { name: 'Real Operator', role: 'operator' });
    expect((await real.call('sync.enrol', { serverUrl: server.url, code: reg.code })).enrolled).toBe(true);
    await real.call('sync.now', {}); // the first sync, started on enrolment, ends before the database closes
    demo.core.close();
    real.core.close();
  });

  it('works offline when the server is gone, says so, and plans a quick retry; closing stops the timer', async () => {
    const fresh = appRoom(server, { autoSync: true });
    try {
      await fresh.call('users.create', { name: 'Asha Kumari', role: 'operator' });
      const reg = await server.register('pc', 1, 'Second Giridih room');
      await fresh.call('sync.enrol', { serverUrl: server.url, code: reg.code });
      await fresh.call('sync.now', {});
      await server.close();
      fresh.write((w) => upsertRow(w, 'people', personId, { name_en: 'Offline edit' }, 'test'));
      const s = await fresh.call('sync.now', {});
      expect(s.lastError?.code).toBe('unreachable');
      expect(s.online).toBe(false);
      expect(s.waiting).toBe(1);
      expect(Date.parse(s.nextAutoSyncAt!) - fresh.clockAt.t).toBe(30_000);
      fresh.core.sync.close();
      expect((await fresh.call('sync.status', {})).nextAutoSyncAt).toBeNull();
    } finally {
      fresh.core.close();
    }
  });
});

describe.each(STORAGE_KINDS)('the state-wide comparison (%s)', { timeout: 60_000 }, (kind) => {
  it('brings every Lok Sabha’s headline figures to every control room, without the other Lok Sabha’s rows', async () => {
    const server = await startServer(kind);
    const rooms = [appRoom(server), appRoom(server)];
    try {
      for (const [i, r] of rooms.entries()) {
        await r.call('users.create', { name: `Operator ${i + 1}`, role: 'operator' });
        const reg = await server.register('pc', i + 1, `Control room ${i + 1}`);
        await r.call('sync.enrol', { serverUrl: server.url, code: reg.code });
        await r.call('sync.now', {});
      }
      const [giridih, dumka] = rooms;
      // Dumka's control room adds two mandals of one of its assembly constituencies and declares one's committee.
      const ac = dumka.core.db.prepare(`SELECT ac_no, district_code FROM org_units WHERE level = 'ac' AND pc_no = 2 ORDER BY ac_no LIMIT 1`).get() as { ac_no: number; district_code: string | null };
      const block = dumka.core.db.prepare(`SELECT id, block_code FROM org_units WHERE level = 'block' LIMIT 1`).get() as { id: string; block_code: string | null };
      const mandals = [newId(), newId()];
      const committeeId = newId();
      dumka.write((w) => {
        for (const [i, id] of mandals.entries()) {
          insertRow(w, 'org_units', id, { level: 'mandal', code: `M-T${i}`, name_en: `Mandal ${i}`, name_hi: `मंडल ${i}`, parent_id: block.id, district_code: ac.district_code, block_code: block.block_code, ac_no: ac.ac_no, pc_no: 2, closed: 0, source: 'local' }, 'test');
        }
        insertRow(w, 'committees', committeeId, { unit_id: mandals[0], kind_id: 'main', status: 'declared', declared_on: '2026-01-09', complete: 0, member_count: 0, ac_no: ac.ac_no, district_code: ac.district_code }, 'test');
      });
      await dumka.call('sync.now', {});
      const synced = await giridih.call('sync.now', {});

      const view = await giridih.call('sync.stateFigures', {});
      expect(view.ownPcNo).toBe(1);
      expect(view.asOf).toBe(synced.lastSyncAt);
      const row = view.rows.find((r) => r.pcNo === 2)!;
      expect(row.nameEn).toBe('Dumka');
      expect(row.kindNameEn).toBe('Main committee');
      expect(row.committees.find((c) => c.level === 'mandal')).toMatchObject({ expected: 2, declared: 1 });
      expect(view.rows.find((r) => r.pcNo === 1)!.committees.find((c) => c.level === 'mandal')).toMatchObject({ expected: 0, declared: 0 });
      // The figures came without the rows: Giridih's computer never pulled Dumka's mandals or committee.
      expect(giridih.core.db.prepare('SELECT count(*) AS n FROM committees WHERE id = ?').get(committeeId)).toEqual({ n: 0 });
      expect(giridih.core.db.prepare('SELECT count(*) AS n FROM org_units WHERE id = ?').get(mandals[0])).toEqual({ n: 0 });

      // Only a Lok Sabha control room reports figures, and only its own: a state device's report is refused.
      const state = await server.register('state', null, 'State laptop');
      const { token } = (await (
        await fetch(`${server.url}/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, code: state.code }) })
      ).json()) as { token: string };
      const refused = await fetch(`${server.url}/sync/figures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, figures: { ...row, pcNo: undefined, reportedAt: undefined, nameEn: undefined, nameHi: undefined } }),
      });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { message: string }).message).toMatch(/Only a Lok Sabha control room/);
    } finally {
      for (const r of rooms) r.core.close();
      await server.close();
    }
  });
});
