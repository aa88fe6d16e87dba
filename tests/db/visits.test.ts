import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failsWith, makeCore, withUser, type TestCore } from './helpers';

let core: TestCore;
beforeEach(() => {
  core = makeCore();
});
afterEach(() => core.close());

const APRIL = [{ from: '2026-04-01', to: '2026-04-30', dayStartMin: 540, dayEndMin: 1080 }];

async function leader(c: TestCore, nameEn = 'Demo National Leader', tier: 'national' | 'state' = 'national') {
  return c.call('visits.saveLeader', {
    nameEn,
    tier,
    baseName: 'Ranchi airport',
    baseLat: 23.3143,
    baseLon: 85.3217,
    availability: APRIL,
    helicopter: null,
    road: { plainsKmh: 50, hillsKmh: 35 },
    maxEventsPerDay: 3,
    minGapMin: 15,
  });
}

async function venue(c: TestCore, nameEn: string, acNo: number, lat = 23.35, lon = 85.32) {
  return c.call('visits.saveVenue', {
    nameEn,
    lat,
    lon,
    acNo,
    capacity: 20000,
    helipad: false,
    terrain: 'plains',
    permission: 'granted',
    permissionAppliedOn: '2026-01-01',
    permissionGrantedOn: '2026-01-05',
    authorityLeadDays: null,
  });
}

describe('leader visits', () => {
  it('a scheduler records leaders, venues and a request, takes a suggestion, and sees the visit, its coverage and its conflicts', async () => {
    await withUser(core, 'scheduler', 'Ravi Scheduler');
    const l = await leader(core);
    const v1 = await venue(core, 'Morabadi Ground', 63);
    expect(v1).toMatchObject({ pcNo: 8, acNo: 63 });
    const v2 = await venue(core, 'Hatia Ground', 65, 23.29, 85.28);
    await core.call('visits.setPollDate', { pcNo: 8, phase: 2, pollDate: '2026-05-13' });
    const req = await core.call('visits.saveRequest', {
      pcNo: 8,
      leaderIds: [l.id],
      priority: 5,
      preferredFrom: '2026-04-10',
      preferredTo: '2026-04-10',
      venueId: v1.id,
      areaAcNo: null,
      durationMin: 90,
      requestedBy: 'Ranchi Lok Sabha in-charge',
      note: null,
    });

    const s = await core.call('visits.suggest', {});
    expect(s.unmet).toEqual([]);
    // 09:00 is the leader's day start; the first slot after the drive out from the base is 09:30.
    expect(s.suggestions).toMatchObject([{ requestId: req.id, leaderId: l.id, venueId: v1.id, date: '2026-04-10', startMin: 570 }]);
    const first = s.suggestions[0];
    const visit = await core.call('visits.create', { leaderId: first.leaderId, venueId: first.venueId, requestId: first.requestId, date: first.date, startMin: first.startMin, durationMin: first.durationMin });
    expect(visit.status).toBe('proposed');

    let plan = await core.call('visits.plan', {});
    expect(plan.requests[0].visitId).toBe(visit.id);
    expect(plan.conflicts).toEqual([]);
    expect(plan.coverage.find((r) => r.pcNo === 8)).toMatchObject({ state: 'proposed', pollDate: '2026-05-13' });
    expect(plan.coverage[0].state).toBe('gap');

    // A second visit dropped on top of the first: double booking, explained.
    const other = await core.call('visits.create', { leaderId: l.id, venueId: v2.id, date: '2026-04-10', startMin: 630, durationMin: 60 });
    plan = await core.call('visits.plan', {});
    expect(plan.conflicts.map((c) => c.kind)).toEqual(['double_booking']);
    // Moved to the afternoon: fine. Moved after polling: explained.
    await core.call('visits.update', { id: other.id, startMin: 14 * 60 });
    expect((await core.call('visits.plan', {})).conflicts).toEqual([]);
    await core.call('visits.update', { id: other.id, date: '2026-05-14' });
    expect((await core.call('visits.plan', {})).conflicts.map((c) => c.kind).sort()).toEqual(['after_polling', 'outside_availability']);

    // A new suggestion never re-proposes an answered request.
    expect((await core.call('visits.suggest', {})).suggestions).toEqual([]);

    // Status machine.
    await core.call('visits.update', { id: visit.id, status: 'confirmed' });
    await core.call('visits.update', { id: visit.id, status: 'held' });
    await failsWith(core.call('visits.update', { id: visit.id, startMin: 700 }), 'conflict');
    await failsWith(core.call('visits.update', { id: visit.id, status: 'proposed' }), 'conflict');

    // Every write went through the sync writer: stamped and in the outbox.
    const outbox = core.db.prepare(`SELECT table_name, count(*) AS n FROM outbox WHERE table_name IN ('leaders','venues','visit_requests','visits','poll_schedule') GROUP BY table_name`).all();
    expect(outbox).toEqual(
      expect.arrayContaining([
        { table_name: 'leaders', n: 1 },
        { table_name: 'venues', n: 2 },
        { table_name: 'visit_requests', n: 1 },
        { table_name: 'poll_schedule', n: 1 },
      ]),
    );
    const stamped = core.db.prepare(`SELECT ac_no, pc_no, district_code, hlc, updated_by FROM visits WHERE id = ?`).get(visit.id) as Record<string, unknown>;
    expect(stamped).toMatchObject({ ac_no: 63, pc_no: 8 });
    expect(stamped.hlc).toBeTruthy();
  });

  it('an operator reads the plan but cannot plan; an in-charge can file a request', async () => {
    await withUser(core, 'scheduler', 'Ravi Scheduler');
    const l = await leader(core);
    const op = await withUser(core, 'operator', 'Op');
    await core.call('session.switch', { userId: op.id });
    const plan = await core.call('visits.plan', {});
    expect(plan.canEdit).toBe(false);
    await failsWith(venue(core, 'X', 63), 'forbidden');
    const ic = await withUser(core, 'incharge', 'In-charge');
    await core.call('session.switch', { userId: ic.id });
    const r = await core.call('visits.saveRequest', { pcNo: 8, leaderIds: [l.id], priority: 3, preferredFrom: '2026-04-01', preferredTo: '2026-04-05', venueId: null, areaAcNo: 63, durationMin: 60, requestedBy: 'In-charge', note: null });
    expect(r.areaAcNo).toBe(63);
    await failsWith(core.call('visits.saveRequest', { pcNo: 8, leaderIds: [l.id], priority: 3, preferredFrom: '2026-04-01', preferredTo: '2026-04-05', venueId: null, areaAcNo: 1, durationMin: 60, requestedBy: 'x', note: null }), 'invalid_input');
  });

  it('rejects bad input with a field: a venue outside Jharkhand, dates in the wrong order', async () => {
    await withUser(core, 'state_admin');
    const e = await failsWith(venue(core, 'Far away', 63, 28.6, 77.2), 'invalid_input');
    expect(e.field).toBe('lat');
    const l = await leader(core);
    const e2 = await failsWith(core.call('visits.saveRequest', { pcNo: 8, leaderIds: [l.id], priority: 3, preferredFrom: '2026-04-09', preferredTo: '2026-04-05', venueId: null, areaAcNo: null, durationMin: 60, requestedBy: 'x', note: null }), 'invalid_input');
    expect(e2.field).toBe('preferredTo');
  });

  it('undo reverts a moved visit', async () => {
    await withUser(core, 'scheduler');
    const l = await leader(core);
    const v = await venue(core, 'Morabadi', 63);
    const visit = await core.call('visits.create', { leaderId: l.id, venueId: v.id, date: '2026-04-10', startMin: 600, durationMin: 60 });
    await core.call('visits.update', { id: visit.id, startMin: 720 });
    await core.call('history.undoLast', {});
    expect((await core.call('visits.plan', {})).visits[0].startMin).toBe(600);
  });

  it('a suggested tour is kept until each suggestion is accepted, edited or rejected; confirmed visits never move', async () => {
    await withUser(core, 'scheduler', 'Ravi Scheduler');
    const l = await leader(core);
    const v1 = await venue(core, 'Morabadi Ground', 63);
    const v2 = await venue(core, 'Hatia Ground', 65, 23.29, 85.28);
    const v3 = await venue(core, 'Kanke Ground', 64, 23.43, 85.32);
    const ask = (venueId: string, day: string, priority = 4) =>
      core.call('visits.saveRequest', { pcNo: 8, leaderIds: [l.id], priority, preferredFrom: day, preferredTo: day, venueId, areaAcNo: null, durationMin: 90, requestedBy: 'Ranchi in-charge', note: null });
    // A confirmed visit on the 12th at 10:00, answering its own request.
    const held = await ask(v1.id, '2026-04-12', 5);
    const confirmed = await core.call('visits.create', { leaderId: l.id, venueId: v1.id, requestId: held.id, date: '2026-04-12', startMin: 600, durationMin: 120 });
    await core.call('visits.update', { id: confirmed.id, status: 'confirmed' });
    const before = core.db.prepare(`SELECT * FROM visits WHERE id = ?`).get(confirmed.id);
    const r1 = await ask(v1.id, '2026-04-10');
    const r2 = await ask(v2.id, '2026-04-11');
    const r3 = await ask(v3.id, '2026-04-12', 3);
    const late = await ask(v2.id, '2026-06-01', 2);

    const run = await core.call('visits.suggest', {});
    expect(run.suggestions.map((x) => x.requestId).sort()).toEqual([r1.id, r2.id, r3.id].sort());
    expect(run.unmet).toMatchObject([{ requestId: late.id, reason: 'outside_availability' }]);
    // The confirmed visit is an input, never moved; the suggestion on its day fits around it.
    expect(core.db.prepare(`SELECT * FROM visits WHERE id = ?`).get(confirmed.id)).toEqual(before);
    const onTwelfth = run.suggestions.find((x) => x.requestId === r3.id)!;
    expect(onTwelfth.startMin).toBeGreaterThanOrEqual(12 * 60);

    // Stored: a reload (a fresh plan) still has them, with the unmet reason.
    let plan = await core.call('visits.plan', {});
    expect(plan.suggested?.suggestions.map((x) => x.id).sort()).toEqual(run.suggestions.map((x) => x.id).sort());
    expect(plan.suggested?.unmet.map((u) => u.reason)).toEqual(['outside_availability']);

    // Accept one as suggested, one edited (another time), reject the third.
    const s1 = run.suggestions.find((x) => x.requestId === r1.id)!;
    const s2 = run.suggestions.find((x) => x.requestId === r2.id)!;
    const a1 = await core.call('visits.acceptSuggestion', { id: s1.id });
    expect(a1).toMatchObject({ status: 'proposed', requestId: r1.id, date: s1.date, startMin: s1.startMin, venueId: v1.id });
    const a2 = await core.call('visits.acceptSuggestion', { id: s2.id, startMin: 15 * 60 });
    expect(a2).toMatchObject({ status: 'proposed', requestId: r2.id, startMin: 15 * 60 });
    const s3 = run.suggestions.find((x) => x.requestId === r3.id)!;
    expect((await core.call('visits.decideSuggestion', { id: s3.id, status: 'rejected' })).status).toBe('rejected');
    await failsWith(core.call('visits.acceptSuggestion', { id: s1.id }), 'not_found');

    plan = await core.call('visits.plan', {});
    expect(plan.suggested?.suggestions).toMatchObject([{ id: s3.id, status: 'rejected' }]);
    // A rejected one can be restored, then accepted.
    await core.call('visits.decideSuggestion', { id: s3.id, status: 'open' });
    await core.call('visits.acceptSuggestion', { id: s3.id });
    plan = await core.call('visits.plan', {});
    expect(plan.suggested?.suggestions).toEqual([]);
    expect(plan.suggested?.unmet.map((u) => u.requestId)).toEqual([late.id]);
    expect(plan.visits.filter((v) => v.status === 'proposed')).toHaveLength(3);

    // A new run replaces the stored one and still leaves the confirmed visit where it was.
    await core.call('visits.suggest', {});
    expect(core.db.prepare(`SELECT * FROM visits WHERE id = ?`).get(confirmed.id)).toEqual(before);

    // Editing a suggestion to a venue in another Lok Sabha is refused with the field named.
    const r4 = await ask(v2.id, '2026-04-13');
    const s4 = (await core.call('visits.suggest', {})).suggestions.find((x) => x.requestId === r4.id)!;
    const far = await venue(core, 'Jamshedpur Ground', 48, 22.8, 86.2);
    expect((await failsWith(core.call('visits.acceptSuggestion', { id: s4.id, venueId: far.id }), 'invalid_input')).field).toBe('venueId');
  });

  it('a visit carries its venue\'s assembly constituency, Lok Sabha and district, and follows the venue when moved', async () => {
    await withUser(core, 'scheduler');
    const l = await leader(core);
    const ranchi = await venue(core, 'Morabadi', 63);
    const jamshedpur = await venue(core, 'Gopal Maidan', 48, 22.8, 86.2);
    const v = await core.call('visits.create', { leaderId: l.id, venueId: ranchi.id, date: '2026-04-10', startMin: 660, durationMin: 60 });
    const row = () => core.db.prepare(`SELECT ac_no, pc_no, district_code FROM visits WHERE id = ?`).get(v.id) as { ac_no: number; pc_no: number; district_code: string | null };
    expect(row()).toEqual({ ac_no: 63, pc_no: ranchi.pcNo, district_code: ranchi.districtCode });
    expect(ranchi.districtCode).toBeTruthy();
    await core.call('visits.update', { id: v.id, venueId: jamshedpur.id });
    expect(row()).toEqual({ ac_no: 48, pc_no: jamshedpur.pcNo, district_code: jamshedpur.districtCode });
    expect(jamshedpur.districtCode).not.toBe(ranchi.districtCode);
  });

  it('a known leg time stays while a visit shifts within its day and goes when it moves to another day or place', async () => {
    await withUser(core, 'scheduler');
    const l = await leader(core);
    const ground = await venue(core, 'Morabadi', 63);
    const other = await venue(core, 'Hatia Ground', 65, 23.29, 85.28);
    const v = await core.call('visits.create', { leaderId: l.id, venueId: ground.id, date: '2026-04-10', startMin: 660, durationMin: 60 });
    expect(await core.call('visits.update', { id: v.id, legOverrideMin: 40 })).toMatchObject({ legOverrideMin: 40 });
    expect(await core.call('visits.update', { id: v.id, startMin: 690 })).toMatchObject({ legOverrideMin: 40 });
    expect(await core.call('visits.update', { id: v.id, date: '2026-04-11' })).toMatchObject({ legOverrideMin: null });
    await core.call('visits.update', { id: v.id, legOverrideMin: 25 });
    expect(await core.call('visits.update', { id: v.id, venueId: other.id, legOverrideMin: 30 })).toMatchObject({ legOverrideMin: 30 });
    expect(await core.call('visits.update', { id: v.id, venueId: ground.id })).toMatchObject({ legOverrideMin: null });
  });

  it('a suggestion is accepted only by a scheduler, and not once rejected', async () => {
    await withUser(core, 'scheduler');
    const l = await leader(core);
    const ground = await venue(core, 'Morabadi', 63);
    await core.call('visits.setPollDate', { pcNo: 8, phase: 2, pollDate: '2026-05-13' });
    await core.call('visits.saveRequest', { pcNo: 8, leaderIds: [l.id], priority: 3, preferredFrom: '2026-04-01', preferredTo: '2026-04-05', venueId: ground.id, areaAcNo: null, durationMin: 60, requestedBy: 'In-charge', note: null });
    const s = (await core.call('visits.suggest', {})).suggestions[0];
    await core.call('visits.decideSuggestion', { id: s.id, status: 'rejected' });
    expect((await failsWith(core.call('visits.acceptSuggestion', { id: s.id }), 'conflict')).message).toMatch(/rejected/);
    await core.call('visits.decideSuggestion', { id: s.id, status: 'open' });
    const op = await withUser(core, 'operator', 'Operator Two');
    await core.call('session.switch', { userId: op.id });
    await failsWith(core.call('visits.acceptSuggestion', { id: s.id }), 'forbidden');
  });

  it('a venue moved to another constituency takes its visits and requests along; not out of a requesting Lok Sabha', async () => {
    await withUser(core, 'scheduler');
    const l = await leader(core);
    const ground = await venue(core, 'Morabadi', 63);
    const v = await core.call('visits.create', { leaderId: l.id, venueId: ground.id, date: '2026-04-10', startMin: 660, durationMin: 60 });
    const req = await core.call('visits.saveRequest', { pcNo: 8, leaderIds: [l.id], priority: 3, preferredFrom: '2026-04-01', preferredTo: '2026-04-05', venueId: ground.id, areaAcNo: null, durationMin: 60, requestedBy: 'In-charge', note: null });
    const scope = (table: string, id: string) => core.db.prepare(`SELECT ac_no, district_code FROM ${table} WHERE id = ?`).get(id);
    const edit = (acNo: number) =>
      core.call('visits.saveVenue', {
        id: ground.id, nameEn: 'Morabadi', lat: 23.35, lon: 85.32, acNo, capacity: 20000, helipad: false, terrain: 'plains',
        permission: 'granted', permissionAppliedOn: '2026-01-01', permissionGrantedOn: '2026-01-05', authorityLeadDays: null,
      });
    // Kanke (64) is in Ranchi Lok Sabha too: the visit and the request follow the venue.
    const moved = await edit(64);
    expect(moved.acNo).toBe(64);
    expect(scope('visits', v.id)).toEqual({ ac_no: 64, district_code: moved.districtCode });
    expect(scope('visit_requests', req.id)).toEqual({ ac_no: 64, district_code: moved.districtCode });
    // Jamshedpur East (48) is in another Lok Sabha than the request's: refused, nothing changes.
    const e = await failsWith(edit(48), 'invalid_input');
    expect(e.field).toBe('acNo');
    expect(e.message).toMatch(/request from Lok Sabha constituency 8/);
    expect(scope('visits', v.id)).toEqual({ ac_no: 64, district_code: moved.districtCode });
  });

  it('leaders and venues are edited in place and removed only when nothing depends on them', async () => {
    await withUser(core, 'scheduler');
    const l = await leader(core);
    const edited = await core.call('visits.saveLeader', {
      id: l.id,
      nameEn: 'Renamed Leader',
      tier: 'state',
      baseName: 'Dhanbad',
      baseLat: 23.8,
      baseLon: 86.43,
      availability: [...APRIL, { from: '2026-05-01', to: '2026-05-05', dayStartMin: 420, dayEndMin: 1200 }],
      helicopter: { cruiseKmh: 200, turnaroundMin: 25, daylightOnly: false },
      road: { plainsKmh: 55, hillsKmh: 30 },
      maxEventsPerDay: 5,
      minGapMin: 30,
    });
    expect(edited).toMatchObject({ id: l.id, nameEn: 'Renamed Leader', tier: 'state', helicopter: { cruiseKmh: 200, turnaroundMin: 25, daylightOnly: false }, maxEventsPerDay: 5 });
    expect(edited.availability).toHaveLength(2);
    const v = await venue(core, 'Morabadi', 63);
    const visit = await core.call('visits.create', { leaderId: l.id, venueId: v.id, date: '2026-04-10', startMin: 660, durationMin: 60 });
    expect((await failsWith(core.call('visits.deleteLeader', { id: l.id }), 'conflict')).message).toMatch(/still has 1 planned visit/);
    await failsWith(core.call('visits.deleteVenue', { id: v.id }), 'conflict');
    await core.call('visits.update', { id: visit.id, status: 'cancelled' });
    await core.call('visits.deleteVenue', { id: v.id });
    expect((await core.call('visits.plan', {})).venues).toEqual([]);
    // Undo brings it back; the tombstone went through the sync writer.
    await core.call('history.undoLast', {});
    expect((await core.call('visits.plan', {})).venues.map((x) => x.id)).toEqual([v.id]);
    await core.call('visits.deleteLeader', { id: l.id });
    expect((await core.call('visits.plan', {})).leaders).toEqual([]);
  });
});
