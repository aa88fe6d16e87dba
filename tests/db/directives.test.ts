import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/main/services/demo/generateDemo';
import { getUnitByCode } from '../../electron/main/db/repositories/orgUnits';
import { failsWith, makeCore, withUser, type TestCore } from './helpers';

function unitId(core: TestCore, code: string): string {
  const u = getUnitByCode(core.db, code);
  if (!u) throw new Error(`no unit ${code}`);
  return u.id;
}

async function bokaroBlocks(core: TestCore) {
  return (await core.call('offices.list', { districtCode: '355' })).rows;
}

describe('party offices', () => {
  it('one office per block; the completeness figure counts blocks with an office', async () => {
    const core = makeCore();
    await withUser(core);
    const before = await core.call('offices.list', {});
    expect(before.total).toBeGreaterThan(250);
    expect(before.withOffice).toBe(0);
    const [first] = await bokaroBlocks(core);
    const row = await core.call('offices.set', { blockId: first.blockId, exists: true, address: 'Main Road', lat: 23.7, lon: 86.0, tenure: 'rented', openedOn: '2026-01-05' });
    expect(row.office).toMatchObject({ exists: true, tenure: 'rented', lat: 23.7 });
    await core.call('offices.set', { blockId: first.blockId, exists: true, address: 'New Road', lat: 23.71, lon: 86.01, tenure: 'owned' });
    const after = await core.call('offices.list', { districtCode: '355' });
    expect(after.withOffice).toBe(1);
    expect(after.pct).toBe(Math.round(100 / after.total));
    const outbox = core.db.prepare(`SELECT count(*) AS n FROM outbox WHERE table_name = 'party_offices'`).get() as { n: number };
    expect(outbox.n).toBe(2);
    await failsWith(core.call('offices.set', { blockId: first.blockId, exists: true, openedOn: '2026-02-01' }), 'invalid_input');
  });
});

describe('meetings and directives', () => {
  it('"open a party office in every block without one within 30 days": pending → done → overdue by the IST clock', async () => {
    const core = makeCore();
    await withUser(core, 'state_admin');
    const blocks = await bokaroBlocks(core);
    const targetUnitIds = blocks.map((b) => b.blockId);
    const meeting = await core.call('meetings.create', {
      heldOn: '2026-01-10',
      level: 'state',
      unitId: unitId(core, 'S-JH'),
      mode: 'in_person',
      chair: 'State president',
      attendees: [{ name: 'Bokaro LS in-charge', role: 'in-charge' }],
      directives: [{ textEn: 'Open a party office in every block without one', targetLevel: 'block', targetUnitIds, deadline: { type: 'days', days: 30 }, doneRule: 'party_office' }],
    });
    const d = meeting.directives[0];
    expect(d.deadlineDate).toBe('2026-02-09');
    expect(d.counts).toMatchObject({ total: blocks.length, done: 0, pending: blocks.length, overdue: 0 });

    await core.call('offices.set', { blockId: blocks[0].blockId, exists: true, address: 'Station Road' });
    let detail = await core.call('directives.get', { id: d.id });
    expect(detail.units.find((u) => u.unitId === blocks[0].blockId)?.status).toBe('done');
    expect(detail.counts.done).toBe(1);

    // 23:59 IST on the deadline day: still pending. One minute later: overdue.
    core.clockAt.t = Date.parse('2026-02-09T18:29:00Z');
    detail = await core.call('directives.get', { id: d.id });
    expect(detail.counts).toMatchObject({ done: 1, pending: blocks.length - 1, overdue: 0 });
    core.clockAt.t = Date.parse('2026-02-09T18:31:00Z');
    detail = await core.call('directives.get', { id: d.id });
    expect(detail.counts).toMatchObject({ done: 1, pending: 0, overdue: blocks.length - 1 });
    expect(detail.units.find((u) => u.status === 'overdue')?.daysOverdue).toBe(1);

    const compliance = await core.call('compliance.get', { scope: { type: 'district', districtCode: '355' } });
    expect(compliance.totals).toMatchObject({ total: blocks.length, done: 1, overdue: blocks.length - 1 });
    expect(compliance.overdue).toHaveLength(blocks.length - 1);
    expect(compliance.byDistrict.find((a) => a.featureId === 355)).toMatchObject({ expected: blocks.length, done: 1 });
  });

  it('the header reminder counts the tasks due within 7 days and overdue in a scope, as the compliance lists do', async () => {
    const core = makeCore();
    await withUser(core, 'state_admin');
    const blocks = await bokaroBlocks(core);
    const meeting = await core.call('meetings.create', {
      heldOn: '2026-01-10',
      level: 'state',
      unitId: unitId(core, 'S-JH'),
      mode: 'in_person',
      attendees: [],
      directives: [{ textEn: 'Open a party office in every Bokaro block', targetLevel: 'block', targetUnitIds: blocks.map((b) => b.blockId), deadline: { type: 'days', days: 30 }, doneRule: 'party_office' }],
    });
    const bokaro = { type: 'district', districtCode: '355' } as const;
    const remind = (scope: Parameters<typeof core.call<'compliance.reminders'>>[1]['scope']) => core.call('compliance.reminders', { scope });
    // Deadline 9 Feb: on 10 Jan nothing is due within a week.
    expect(await remind(bokaro)).toMatchObject({ dueSoon: 0, overdue: 0, withinDays: 7, today: '2026-01-10' });
    await core.call('offices.set', { blockId: blocks[0].blockId, exists: true });

    // 3 Feb (6 days left): every block still without an office is due soon — in Bokaro and state-wide, none elsewhere.
    core.clockAt.t = Date.parse('2026-02-03T06:00:00Z');
    const soon = await remind(bokaro);
    expect(soon).toMatchObject({ dueSoon: blocks.length - 1, overdue: 0 });
    expect(soon.dueSoon).toBe((await core.call('compliance.get', { scope: bokaro })).dueSoon.length);
    expect((await remind({ type: 'state' })).dueSoon).toBe(blocks.length - 1);
    expect(await remind({ type: 'district', districtCode: '364' })).toMatchObject({ dueSoon: 0, overdue: 0 });

    // After the deadline they are overdue, no longer due soon.
    core.clockAt.t = Date.parse('2026-02-10T06:00:00Z');
    const late = await remind(bokaro);
    const page = await core.call('compliance.get', { scope: bokaro });
    expect(late).toMatchObject({ dueSoon: 0, overdue: blocks.length - 1 });
    expect([late.dueSoon, late.overdue]).toEqual([page.dueSoon.length, page.overdue.length]);
    expect(meeting.directives).toHaveLength(1);
  });

  it('a directive for chosen units counts only those: an office in another block changes nothing; a unit of another level is refused', async () => {
    const core = makeCore();
    await withUser(core, 'state_admin');
    const [a, b, other] = (await bokaroBlocks(core)).filter((x) => x.hqLat != null);
    const meeting = await core.call('meetings.create', {
      heldOn: '2026-01-10',
      level: 'state',
      unitId: unitId(core, 'S-JH'),
      mode: 'virtual',
      attendees: [],
      directives: [{ textEn: 'Open an office in these two blocks', targetLevel: 'block', targetUnitIds: [a.blockId, b.blockId], deadline: { type: 'days', days: 10 }, doneRule: 'party_office' }],
    });
    const d = meeting.directives[0];
    expect(d.targetUnitIds).toEqual([a.blockId, b.blockId]);
    expect(d.counts).toMatchObject({ total: 2, pending: 2 });
    await core.call('offices.set', { blockId: other.blockId, exists: true });
    let detail = await core.call('directives.get', { id: d.id });
    expect(detail.units.map((u) => u.unitId).sort()).toEqual([a.blockId, b.blockId].sort());
    expect(detail.counts).toMatchObject({ total: 2, done: 0 });
    await core.call('offices.set', { blockId: b.blockId, exists: true });
    detail = await core.call('directives.get', { id: d.id });
    expect(detail.counts).toMatchObject({ total: 2, done: 1, pending: 1 });
    const compliance = await core.call('compliance.get', { scope: { type: 'district', districtCode: '355' } });
    expect(compliance.totals).toMatchObject({ total: 2, done: 1 });
    // The block layer of the map: the two chosen blocks at their HQ points, one done, one pending.
    expect(compliance.blocks.map((x) => [x.unitId, x.status]).sort()).toEqual(
      [
        [a.blockId, 'pending'],
        [b.blockId, 'done'],
      ].sort(),
    );
    core.clockAt.t = Date.parse('2026-01-21T00:00:00Z');
    const later = await core.call('compliance.get', { scope: { type: 'state' } });
    expect(later.blocks.find((x) => x.unitId === a.blockId)).toMatchObject({ status: 'overdue', lat: a.hqLat, lon: a.hqLon });

    await failsWith(
      core.call('meetings.create', {
        heldOn: '2026-01-10',
        level: 'state',
        unitId: unitId(core, 'S-JH'),
        mode: 'virtual',
        attendees: [],
        directives: [{ textEn: 'x', targetLevel: 'block', targetUnitIds: [unitId(core, 'D-355')], deadline: { type: 'days', days: 10 }, doneRule: 'party_office' }],
      }),
      'invalid_input',
    );
  });

  it('a meeting held at the unit after the directive counts; a manual mark needs evidence and counts', async () => {
    const core = makeCore();
    await withUser(core, 'state_admin');
    const bokaro = unitId(core, 'D-355');
    const dhanbad = unitId(core, 'D-356');
    const m = await core.call('meetings.create', {
      heldOn: '2026-01-10',
      level: 'state',
      unitId: unitId(core, 'S-JH'),
      mode: 'virtual',
      directives: [
        { textHi: 'ज़िला बैठक 15 दिन में', targetLevel: 'district', targetUnitIds: [bokaro, dhanbad], deadline: { type: 'days', days: 15 }, doneRule: 'meeting_held' },
        { textEn: 'Submit the progress report', targetLevel: 'district', targetUnitIds: [bokaro], deadline: { type: 'date', date: '2026-01-31' }, doneRule: 'manual' },
      ],
    });
    const [held, manual] = m.directives;
    await core.call('meetings.create', { heldOn: '2026-01-10', level: 'district', unitId: bokaro, mode: 'in_person' });
    const detail = await core.call('directives.get', { id: held.id });
    expect(detail.units.find((u) => u.unitId === bokaro)?.status).toBe('done');
    expect(detail.units.find((u) => u.unitId === dhanbad)?.status).toBe('pending');

    await failsWith(core.call('directives.mark', { directiveId: manual.id, unitId: bokaro, note: '' }), 'invalid_input');
    await failsWith(core.call('directives.mark', { directiveId: held.id, unitId: dhanbad, note: 'done' }), 'conflict');
    const marked = await core.call('directives.mark', { directiveId: manual.id, unitId: bokaro, note: 'Report sent by email on 12 Jan' });
    expect(marked.units[0]).toMatchObject({ status: 'done', evidence: 'Report sent by email on 12 Jan' });
  });

  it('a media committee declared anywhere in the Lok Sabha satisfies the Lok Sabha', async () => {
    const core = makeCore();
    await withUser(core, 'state_admin');
    const pc6 = unitId(core, 'PC-6');
    const m = await core.call('meetings.create', {
      heldOn: '2026-01-10',
      level: 'state',
      unitId: unitId(core, 'S-JH'),
      mode: 'in_person',
      directives: [{ textEn: 'Form a media committee', targetLevel: 'pc', deadline: { type: 'days', days: 15 }, doneRule: 'media_committee' }],
    });
    const d = m.directives[0];
    expect(d.counts.total).toBe(14);
    const committee = await core.call('committees.create', { unitId: unitId(core, 'AC-35'), kindId: 'media' });
    let status = (await core.call('directives.get', { id: d.id })).units.find((u) => u.unitId === pc6)?.status;
    expect(status).toBe('pending');
    await core.call('committees.setStatus', { committeeId: committee.id, status: 'declared' });
    status = (await core.call('directives.get', { id: d.id })).units.find((u) => u.unitId === pc6)?.status;
    expect(status).toBe('done');
  });

  it('directives are refused from an operator and for a rule that cannot be checked at the level', async () => {
    const core = makeCore();
    await withUser(core, 'operator');
    const base = { heldOn: '2026-01-10', level: 'state' as const, unitId: unitId(core, 'S-JH'), mode: 'in_person' as const };
    const directive = { textEn: 'x', targetLevel: 'district' as const, deadline: { type: 'days' as const, days: 5 }, doneRule: 'manual' as const };
    await failsWith(core.call('meetings.create', { ...base, directives: [directive] }), 'forbidden');
    const admin = await core.call('users.create', { name: 'State Office', role: 'state_admin' });
    await core.call('session.switch', { userId: admin.id });
    await failsWith(core.call('meetings.create', { ...base, directives: [{ ...directive, doneRule: 'party_office' }] }), 'invalid_input');
    await failsWith(core.call('meetings.create', { ...base, heldOn: '2026-02-10' }), 'invalid_input');
  });
});

describe('speakers roster', () => {
  const csv = (rows: string[]) => ['name_en,name_hi,phone,languages,topics,level,availability,rating', ...rows].join('\n');

  it('imports all or nothing, lists each bad row with row, field and reason, and re-imports as a no-op', async () => {
    const core = makeCore();
    await withUser(core);
    const bad = csv(['Sunita Oraon,सुनीता उरांव,9876543210,Hindi; Kurukh,Women; Farmers,district,Weekends,4', 'Ravi Kumar,,12345,Hindi,Youth,block,,9']);
    const preview = await core.call('rosters.importPreview', { roster: 'speakers', fileName: 's.csv', text: bad });
    expect(preview.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [3, 'phone', 'invalid_phone'],
      [3, 'level', 'invalid_speaker_level'],
      [3, 'rating', 'invalid_rating'],
    ]);
    expect(JSON.stringify(preview.errors)).not.toContain('12345');
    await failsWith(core.call('rosters.importCommit', { roster: 'speakers', fileName: 's.csv', text: bad }), 'import_rejected');
    expect(await core.call('speakers.list', {})).toHaveLength(0);

    const good = csv(['Sunita Oraon,सुनीता उरांव,9876543210,Hindi; Kurukh,Women; Farmers,district,Weekends,4', 'Ravi Kumar,,,Hindi;Santali,Youth,pc,,']);
    expect(await core.call('rosters.importCommit', { roster: 'speakers', fileName: 's.csv', text: good })).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const list = await core.call('speakers.list', { language: 'kurukh' });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ phoneMasked: '98••••••10', languages: ['Hindi', 'Kurukh'], rating: 4 });
    const again = await core.call('rosters.importPreview', { roster: 'speakers', fileName: 's.csv', text: csv(['Sunita Oraon,सुनीता उरांव,9876543210,Hindi; Kurukh,Women; Farmers,district,Weekends,4']) });
    expect(again).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 1 });

    const exported = await core.call('rosters.export', { roster: 'speakers' });
    expect(exported.rows).toBe(2);
    expect(exported.text).toContain('9876543210');
  });
});

describe('demo data', () => {
  it('seeds the standing directives, party offices and speakers, with compliance in every state', async () => {
    const core = makeCore();
    const admin = await withUser(core, 'state_admin');
    await generateDemo({ db: core.db, clock: core.clock, userId: admin.id, seed: 7, now: core.clockAt.t, scale: 0.02, resourcesDir: 'resources' });
    const meetings = await core.call('meetings.list', {});
    const review = meetings.find((m) => m.level === 'state');
    expect(review?.directives.map((d) => d.doneRule).sort()).toEqual(
      ['manual', 'manual', 'manual', 'manual', 'manual', 'manual', 'manual', 'media_committee', 'meeting_held', 'party_office'].sort(),
    );
    // Teams for every district and for every block: two directives, each marked for units of its own level.
    const teams = review!.directives.filter((d) => /media and social-media team/.test(d.textEn ?? ''));
    expect(teams.map((d) => d.targetLevel).sort()).toEqual(['block', 'district']);
    const offices = await core.call('offices.list', {});
    expect(offices.withOffice).toBeGreaterThan(0);
    expect(offices.withOffice).toBeLessThan(offices.total);
    expect((await core.call('speakers.list', {})).length).toBe(40);
    const compliance = await core.call('compliance.get', { scope: { type: 'state' } });
    expect(compliance.totals.done).toBeGreaterThan(0);
    expect(compliance.totals.overdue).toBeGreaterThan(0);
    expect(compliance.totals.pending).toBeGreaterThan(0);
    expect(compliance.byPc.filter((p) => p.pct !== null)).toHaveLength(14);
  }, 60_000);
});

describe('media teams, WhatsApp groups and control rooms', () => {
  it('keep their rows with masked phones, and export them', async () => {
    const core = makeCore();
    await withUser(core);
    const pc = unitId(core, 'PC-6');
    const member = await core.call('teams.add', { team: 'social_media', unitId: pc, nameEn: 'Priya Mahto', role: 'Convenor', phone: '+91 98765 43213', handles: { x: '@priya', facebook: 'priya.m' } });
    expect(member).toMatchObject({ phoneMasked: '98••••••13', handles: { x: '@priya' }, unitNameEn: expect.stringMatching(/Giridih/i) });
    await failsWith(core.call('teams.add', { team: 'media', unitId: pc, nameEn: 'X', phone: '123', handles: {} }), 'invalid_input');
    expect(await core.call('teams.list', { team: 'media' })).toHaveLength(0);

    await core.call('whatsapp.add', { name: 'Bermo booth presidents', unitId: unitId(core, 'B-3064'), purpose: 'Booth coordination', admins: ['Priya Mahto'], memberCount: 212, inviteLink: 'https://chat.whatsapp.com/abc' });
    await failsWith(core.call('whatsapp.add', { name: 'X', unitId: pc, inviteLink: 'http://evil.example' }), 'invalid_input');
    const groups = await core.call('whatsapp.list', { level: 'block' });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ memberCount: 212, lastUpdate: '2026-01-10' });

    expect((await core.call('controlRooms.list', {})).filter((r) => r.setUp)).toHaveLength(0);
    const room = await core.call('controlRooms.set', { pcUnitId: pc, setUp: true, address: 'Station Road', openedOn: '2026-01-02', staff: [{ name: 'Ravi', role: 'operator', shift: '08:00–14:00' }], phoneLines: ['9876543214'] });
    expect(room).toMatchObject({ setUp: true, phoneLinesMasked: ['98••••••14'], staff: [{ shift: '08:00–14:00' }] });
    expect(JSON.stringify(await core.call('controlRooms.list', {}))).not.toContain('9876543214');

    for (const roster of ['teams', 'whatsapp', 'controlRooms'] as const) {
      expect((await core.call('rosters.export', { roster })).rows).toBeGreaterThan(0);
    }
  });
});
