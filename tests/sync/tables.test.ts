import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { countOutbox } from '../../electron/main/db/repositories/outbox';
import { insertRow, newId, upsertRow } from '../../electron/main/sync/writer';
import type { SqlValue, SyncedTable } from '../../electron/main/db/schema';
import { SYNCED_TABLES } from '../../electron/main/db/schema';
import { STATE_OWNED_TABLES, SYNCED_TABLE_NAMES } from '../../shared/sync/protocol';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/version';
import { STORAGE_KINDS, openRoom, startServer, type Room, type TestServer } from './harness';

// Each simulated control room loads the reference geography; on a busy machine that alone takes seconds.
vi.setConfig({ testTimeout: 60_000 });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies checked field by field below
type J = any;

/** Every row a control room of Lok Sabha 1 writes, one or more per table family, with the bucket each belongs to. */
function writePc1Rows(room: Room): { table: SyncedTable; id: string; bucket: string }[] {
  const out: { table: SyncedTable; id: string; bucket: string }[] = [];
  const put = (table: SyncedTable, bucket: string, values: Record<string, SqlValue>, id = newId()) => {
    room.write((w) => insertRow(w, table, id, values, 'test'));
    out.push({ table, id, bucket });
    return id;
  };
  const pcUnit = 'ref-PC-1';
  const acUnit = 'ref-AC-3';
  const district = { id: 'ref-D-352', code: '352' };
  const block = (room.core.db.prepare(`SELECT id FROM org_units WHERE level = 'block' AND district_code = '352' ORDER BY id LIMIT 1`).get() as { id: string }).id;
  // Committees, office-bearers: a Lok Sabha committee (no assembly constituency) and an assembly one.
  const booth = put('org_units', 'ac:3', { level: 'booth', code: 'BT-T-1', name_en: 'Test booth', name_hi: null, parent_id: acUnit, district_code: '352', block_code: null, ac_no: 3, pc_no: 1, closed: 0, lat: null, lon: null, electors: 900, source: 'local' });
  const pcCommittee = put('committees', 'pc:1', { unit_id: pcUnit, kind_id: 'main', status: 'declared', declared_on: '2026-01-05', verified_on: null, declared_by: 'x', verified_by: null, complete: 0, member_count: 1, ac_no: null, district_code: null });
  put('committees', 'ac:3', { unit_id: acUnit, kind_id: 'main', status: 'not_formed', declared_on: null, verified_on: null, declared_by: null, verified_by: null, complete: 0, member_count: 0, ac_no: 3, district_code: '352' });
  const person = put('people', 'ac:3', { name_en: 'Ramesh', name_hi: null, phone: null, voter_id: null, ac_no: 3, district_code: '352' });
  put('appointments', 'pc:1', { committee_id: pcCommittee, person_id: person, role: 'president', ac_no: null, district_code: null });
  // Membership: a district workshop (district bucket), booth enrollers and members (assembly bucket).
  const enroller = put('enrollers', 'ac:3', { name: 'E', phone: null, level: 'booth', unit_id: booth, login_id: 'BLE-T1', appointed_by: null, ac_no: 3, district_code: '352' });
  const workshop = put('workshops', `district:${district.code}`, { level: 'district', unit_id: district.id, held_on: '2026-01-20', venue: null, trainer: null, ac_no: null, district_code: district.code });
  put('workshop_attendance', `district:${district.code}`, { workshop_id: workshop, enroller_id: enroller, invited: 1, attended: 0, ac_no: null, district_code: district.code });
  const imp = put('member_imports', 'pc:1', { file_name: 'm.csv', source: 'app', rows: 1, inserted: 1, skipped: 0, rejected: 0, scope_pc: 1, imported_at: '2026-01-10T06:00:00Z', ac_no: null, district_code: null });
  put('members', 'ac:3', { membership_id: 'MB1', name: 'M', phone: null, epic: null, gender: 'F', mode: 'digital', booth_id: booth, enroller_id: enroller, enrolled_at: '2026-01-09T10:00', import_id: imp, scope_pc: 1, pc_no: 1, ac_no: 3, district_code: '352' });
  put('membership_findings', 'ac:3', { rule: 'dup_phone', key: 'k1', status: 'open', params: '{}', member_count: 2, reason: null, reviewed_by: null, reviewed_at: null, ac_no: 3, district_code: '352' });
  put('membership_targets', 'pc:1', { unit_id: pcUnit, target: 50000, ac_no: null, district_code: null });
  // Visits: the room's own leader (its Lok Sabha's), a venue and the visit in the venue's constituency.
  const leader = put('leaders', 'pc:1', { name_en: 'L', name_hi: null, tier: 'state', base_name: 'Ranchi', base_lat: 23.3, base_lon: 85.3, availability: '[]', heli_cruise_kmh: null, heli_turnaround_min: null, heli_daylight_only: 1, road_plains_kmh: 50, road_hills_kmh: 30, max_events_per_day: 4, min_gap_min: 30, source: 'local', ac_no: null, district_code: null });
  const venue = put('venues', 'ac:3', { name_en: 'Ground', name_hi: null, lat: 24.9, lon: 87.8, pc_no: 1, capacity: 5000, helipad: 0, terrain: 'plains', permission: 'not_applied', permission_applied_on: null, permission_granted_on: null, authority_lead_days: null, source: 'local', ac_no: 3, district_code: '352' });
  put('visit_requests', 'pc:1', { pc_no: 1, leader_ids: JSON.stringify([leader]), priority: 2, preferred_from: '2026-02-01', preferred_to: '2026-02-10', venue_id: null, area_ac_no: null, duration_min: 60, requested_by: 'PC 1', note: null, status: 'open', ac_no: null, district_code: null });
  put('visits', 'ac:3', { leader_id: leader, venue_id: venue, request_id: null, date: '2026-02-03', start_min: 600, duration_min: 60, status: 'proposed', leg_override_min: null, leg_mode_override: null, pc_no: 1, ac_no: 3, district_code: '352' });
  // Rosters, meetings and directives.
  put('party_offices', `district:${district.code}`, { block_id: block, has_office: 1, address: 'Main road', lat: null, lon: null, tenure: 'rented', opened_on: null, ac_no: null, district_code: district.code });
  put('speakers', 'pc:1', { name_en: 'S', name_hi: null, phone: null, languages: '[]', topics: '[]', level: 'pc', unit_id: pcUnit, availability: null, rating: 4, ac_no: null, district_code: null });
  put('team_members', 'pc:1', { team: 'media', unit_id: pcUnit, name_en: 'T', name_hi: null, role: 'in-charge', phone: null, handles: '{}', ac_no: null, district_code: null });
  put('whatsapp_groups', 'ac:3', { name: 'AC 3 workers', level: 'ac', unit_id: acUnit, purpose: null, admins: '[]', member_count: 40, invite_link: null, last_update: null, ac_no: 3, district_code: '352' });
  put('control_rooms', 'pc:1', { pc_unit_id: pcUnit, set_up: 1, address: 'Office', opened_on: '2026-01-02', staff: '[]', phone_lines: '[]', ac_no: null, district_code: null });
  const meeting = put('meetings', 'pc:1', { held_on: '2026-01-08', level: 'pc', unit_id: pcUnit, chair: 'C', mode: 'in_person', attendees: '[]', agenda: null, minutes: null, ac_no: null, district_code: null });
  const directive = put('directives', 'pc:1', { meeting_id: meeting, text_en: 'Form every booth committee', text_hi: null, target_level: 'ac', target_unit_ids: null, deadline_date: '2026-02-01', deadline_days: null, done_rule: 'manual', ac_no: null, district_code: null });
  put('directive_marks', 'ac:3', { directive_id: directive, unit_id: acUnit, done_on: '2026-01-15', note: 'done', ac_no: 3, district_code: '352' });
  // Progress reports: the Lok Sabha in-charge's monthly narrative (the Lok Sabha's bucket, found through its unit).
  put('progress_reports', 'pc:1', { unit_id: pcUnit, period: '2026-01', narrative: 'Booth committees in AC 3 done', figures: '{}', author_name: 'In-charge', saved_at: '2026-01-31T10:00:00Z', ac_no: null, district_code: null });
  return out;
}

function rowOf(room: Room, table: string, id: string): Record<string, unknown> | undefined {
  const r = room.core.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!r) return undefined;
  const { updated_by: _u, ...rest } = r;
  return rest;
}

describe.each(STORAGE_KINDS)('every table syncs (%s)', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(async () => {
    await server.close();
  });

  it('covers every synced table of the app except the local user accounts', () => {
    const local = Object.keys(SYNCED_TABLES).filter((t) => !(SYNCED_TABLE_NAMES as readonly string[]).includes(t));
    expect(local).toEqual(['users']);
  });

  it('a Lok Sabha room’s rows of every table family reach the server, its sibling room and the state office, but not another Lok Sabha', async () => {
    const a1 = await openRoom(server, { pcNo: 1 });
    const a2 = await openRoom(server, { pcNo: 1 });
    const other = await openRoom(server, { pcNo: 2 });
    const state = await openRoom(server, { scope: 'state' });
    const rows = writePc1Rows(a1);
    const families = new Set(rows.map((r) => r.table));
    const expected = SYNCED_TABLE_NAMES.filter((t) => !STATE_OWNED_TABLES.includes(t) && t !== 'committee_kinds');
    expect([...families].sort()).toEqual([...expected].sort());

    const pushed = await a1.client.sync();
    expect(pushed.rejected).toBe(0);
    expect(countOutbox(a1.core.db)).toBe(0);
    for (const r of [a2, other, state]) await r.client.sync();

    const onServer = await server.storage.pull({ 'ac:3': 0, 'pc:1': 0, 'district:352': 0 }, 5000);
    const bucketOnServer = new Map(onServer.rows.map((r) => [r.id, r.bucket]));
    for (const r of rows) {
      expect({ table: r.table, bucket: bucketOnServer.get(r.id) }).toEqual({ table: r.table, bucket: r.bucket });
      const mine = rowOf(a1, r.table, r.id);
      expect(rowOf(a2, r.table, r.id)).toEqual(mine);
      expect(rowOf(state, r.table, r.id)).toEqual(mine);
      expect(rowOf(other, r.table, r.id)).toBeUndefined();
    }

    // The sibling's edit of a Lok Sabha-level row travels back.
    const cr = rows.find((r) => r.table === 'control_rooms')!;
    a2.clockAt.t += 1000;
    a2.write((w) => upsertRow(w, 'control_rooms', cr.id, { address: 'New office' }, 'test'));
    await a2.client.sync();
    await a1.client.sync();
    expect(rowOf(a1, 'control_rooms', cr.id)).toMatchObject({ address: 'New office' });
    for (const r of [a1, a2, other, state]) r.core.close();
  }, 60_000);

  it('state rows reach every room; a Lok Sabha room cannot change them', async () => {
    const state = await openRoom(server, { scope: 'state' });
    const pc1 = await openRoom(server, { pcNo: 1 });
    const pc2 = await openRoom(server, { pcNo: 2 });
    const poll = newId();
    const meeting = newId();
    const directive = newId();
    state.write((w) => {
      insertRow(w, 'poll_schedule', poll, { pc_no: 1, phase: 3, poll_date: '2026-05-10', ac_no: null, district_code: null }, 'test');
      upsertRow(w, 'planning_settings', 'state', { permission_lead_days: 9, road_factor: 1.3, big_rally_capacity: 8000, ac_no: null, district_code: null }, 'test');
      upsertRow(w, 'committee_kinds', 'cell_doctors', { name_en: 'Doctors’ cell (state)' }, 'test');
      insertRow(w, 'meetings', meeting, { held_on: '2026-01-08', level: 'state', unit_id: 'ref-S-JH', chair: 'President', mode: 'virtual', attendees: '[]', agenda: null, minutes: null, ac_no: null, district_code: null }, 'test');
      insertRow(w, 'directives', directive, { meeting_id: meeting, text_en: 'Every booth: a WhatsApp group', text_hi: null, target_level: 'ac', target_unit_ids: null, deadline_date: null, deadline_days: 14, done_rule: 'manual', ac_no: null, district_code: null }, 'test');
    });
    await state.client.sync();
    await pc1.client.sync();
    await pc2.client.sync();
    for (const room of [pc1, pc2]) {
      expect(rowOf(room, 'poll_schedule', poll)).toEqual(rowOf(state, 'poll_schedule', poll));
      expect(rowOf(room, 'planning_settings', 'state')).toMatchObject({ permission_lead_days: 9 });
      expect(rowOf(room, 'committee_kinds', 'cell_doctors')).toMatchObject({ name_en: 'Doctors’ cell (state)' });
      expect(rowOf(room, 'directives', directive)).toEqual(rowOf(state, 'directives', directive));
    }

    // A Lok Sabha room's change of state rows stays on that computer, listed as refused.
    pc1.write((w) => upsertRow(w, 'poll_schedule', poll, { poll_date: '2026-05-20' }, 'test'));
    pc1.write((w) => upsertRow(w, 'directives', directive, { text_en: 'Changed' }, 'test'));
    const r = await pc1.client.sync();
    expect(r.rejected).toBe(2);
    await pc2.client.sync();
    expect(rowOf(pc2, 'poll_schedule', poll)).toMatchObject({ poll_date: '2026-05-10' });
    expect(rowOf(pc2, 'directives', directive)).toMatchObject({ text_en: 'Every booth: a WhatsApp group' });
    for (const room of [state, pc1, pc2]) room.core.close();
  }, 60_000);

  it('refuses another Lok Sabha’s, another district’s and the state’s rows from a Lok Sabha device, changing nothing', async () => {
    const a = await openRoom(server, { pcNo: 1 });
    const token = a.client.device()!.token;
    const before = JSON.stringify(await server.storage.freshness());
    const op = (seq: number, table: string, data: Record<string, SqlValue>) => ({ seq, table, id: newId(), op: 'upsert', hlc: '001768024800000-00000-abc', baseHlc: null, fields: Object.keys(data), data });
    const body = {
      schemaVersion: SYNC_SCHEMA_VERSION,
      ops: [
        op(1, 'control_rooms', { pc_unit_id: 'ref-PC-2', pc_no: 2, address: 'x' }),
        op(2, 'workshops', { level: 'district', unit_id: 'ref-D-362', district_code: '362', held_on: '2026-01-01' }),
        op(3, 'visits', { pc_no: 2, ac_no: 8, status: 'proposed' }),
        op(4, 'poll_schedule', { pc_no: 1, phase: 1, poll_date: '2026-05-01' }),
        op(5, 'planning_settings', { permission_lead_days: 1 }),
        op(6, 'directives', { text_en: 'state-wide', done_rule: 'manual' }),
      ],
    };
    const res = await fetch(server.url + '/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const j: J = await res.json();
    expect(j.results.map((r: J) => r.status)).toEqual(Array(6).fill('rejected'));
    expect(j.results[0].reason).toMatch(/Lok Sabha constituency 2/);
    expect(j.results[1].reason).toMatch(/district 362/);
    expect(j.results[2].reason).toMatch(/assembly constituency 8/);
    expect(j.results[3].reason).toMatch(/Only the state office/);
    expect(j.results[5].reason).toMatch(/reference data/);
    expect(JSON.stringify(await server.storage.freshness())).toBe(before);
    a.core.close();
  }, 60_000);
});
