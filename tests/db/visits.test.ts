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
    expect(s.suggestions).toMatchObject([{ requestId: req.id, leaderId: l.id, venueId: v1.id, date: '2026-04-10', startMin: 540 }]);
    const first = s.suggestions[0];
    const visit = await core.call('visits.create', { leaderId: first.leaderId, venueId: first.venueId, requestId: first.requestId, date: first.date, startMin: first.startMin, durationMin: first.durationMin });
    expect(visit.status).toBe('proposed');

    let plan = await core.call('visits.plan', {});
    expect(plan.requests[0].visitId).toBe(visit.id);
    expect(plan.conflicts).toEqual([]);
    expect(plan.coverage.find((r) => r.pcNo === 8)).toMatchObject({ state: 'proposed', pollDate: '2026-05-13' });
    expect(plan.coverage[0].state).toBe('gap');

    // A second visit dropped on top of the first: double booking, explained.
    const other = await core.call('visits.create', { leaderId: l.id, venueId: v2.id, date: '2026-04-10', startMin: 600, durationMin: 60 });
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
});
