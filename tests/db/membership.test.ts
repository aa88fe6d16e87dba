import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listOutbox } from '../../electron/main/db/repositories/outbox';
import { recomputeFindings } from '../../electron/main/services/membership/findings';
import { beginChange } from '../../electron/main/sync/writer';
import { addBermoFixture, failsWith, makeCore, withUser, type TestCore } from './helpers';

async function setup(role: 'operator' | 'state_admin' = 'state_admin') {
  const core = makeCore();
  await withUser(core, role);
  addBermoFixture(core);
  await core.call('enrollers.add', { name: 'Ravi Kumar', phone: '9811111111', level: 'booth', unitCode: 'BT-35-0001', loginId: 'ENR-1' });
  await core.call('enrollers.add', { name: 'Sunita Devi', phone: '9822222222', level: 'booth', unitCode: 'BT-35-0002', loginId: 'ENR-2' });
  await core.call('enrollers.add', { name: 'Mahesh Singh', level: 'chief', unitCode: 'D-355', loginId: 'CH-355', appointedBy: 'State office' });
  return core;
}

async function importFile(core: TestCore, data: string, format: 'csv' | 'xlsx' = 'csv', source = 'Membership app') {
  const preview = await core.call('members.importPreview', { format, data, source });
  const { jobId } = await core.call('members.importStart', { fileName: `members.${format}`, format, data, source, mapping: preview.mapping });
  await core.memberImports.whenDone(jobId);
  const status = await core.call('jobs.get', { jobId });
  return { preview, status, jobId };
}

async function trainAll(core: TestCore) {
  const w = await core.call('workshops.add', { level: 'district', unitCode: 'D-355', heldOn: '05-01-2026', venue: 'Bokaro', trainer: 'Asha' });
  for (const e of w.enrollers) await core.call('workshops.setAttendance', { workshopId: w.id, enrollerId: e.enrollerId, attended: true });
  return w;
}

const MESSY =
  '\uFEFFसदस्यता संख्या,नाम,मोबाइल नंबर,EPIC No,लिंग,बूथ कोड,Enroller,दिनांक\r\n' +
  'M-1,Anita,9.876543210E+09,abc1234567,महिला,BT-35-0001,ENR-1,03/01/2026 10:15\r\n' +
  'M-2,Birsa,+91 91234 56780,,M,BT-35-0002,ENR-2,4.1.26\r\n' +
  'M-3,Chhotu,9.87654E+09,,M,BT-35-0001,ENR-1,05-01-2026\r\n' +
  'M-4,Dulari,9988776655,XY12,F,BT-99-9999,ENR-1,31/02/2026\r\n' +
  ',,,,,,,\r\n' +
  'M-5,Etwa,9090909090,,x,BT-35-0001,NOBODY,05-01-2026\r\n';

describe('membership import', () => {
  it('imports good rows of a messy CSV (Hindi headers, BOM, scientific phones, Indian dates) and lists every rejected row', async () => {
    const core = await setup();
    await trainAll(core);
    const { preview, status, jobId } = await importFile(core, MESSY);
    expect(preview.mapping).toEqual(['membership_id', 'name', 'phone', 'epic', 'gender', 'booth_code', 'enroller', 'enrolled_at']);
    expect(status.state).toBe('done');
    const r = status.result!;
    expect(r).toMatchObject({ rows: 5, inserted: 2, skipped: 0, rejected: 3 });
    const reasons = r.errors.map((e) => `${e.row}:${e.field}:${e.reason}`);
    expect(reasons).toEqual([
      '4:phone:phone_truncated',
      '5:epic:invalid_voter_id',
      '5:booth_code:unknown_unit',
      '5:enrolled_at:invalid_date',
      '7:gender:invalid_gender',
      '7:enroller:unknown_enroller',
    ]);
    const csv = await core.call('members.importErrors', { jobId });
    expect(csv.rows).toBe(6);
    expect(csv.text).toContain('row,field,reason,message');
    const dash = await core.call('membership.dashboard', { scope: { type: 'state' } });
    expect(dash.total.claimed).toBe(2);
    expect(dash.total.women).toBe(1);
    expect(dash.total.digital).toBe(2);
  });

  it('re-importing the same file adds nothing; the corrected file adds only what was missing', async () => {
    const core = await setup();
    await importFile(core, MESSY);
    const again = await importFile(core, MESSY);
    expect(again.status.result).toMatchObject({ inserted: 0, skipped: 2, rejected: 3 });
    const fixed = MESSY.replace('9.87654E+09', '9876540001').replace('XY12', 'XYZ1234567').replace('BT-99-9999', 'BT-35-0002').replace('31/02/2026', '28/02/2026').replace(',x,', ',M,').replace('NOBODY', 'ENR-1');
    const corrected = await importFile(core, fixed);
    expect(corrected.status.result).toMatchObject({ inserted: 3, skipped: 2, rejected: 0 });
    expect((await core.call('membership.dashboard', { scope: { type: 'state' } })).total.claimed).toBe(5);
  });

  it('a remembered mapping is offered for the same source', async () => {
    const core = await setup();
    const data = 'Col A,Col B\r\n9876543210,BT-35-0001\r\n';
    const p1 = await core.call('members.importPreview', { format: 'csv', data, source: 'District sheet' });
    expect(p1.mapping).toEqual([null, null]);
    const { jobId } = await core.call('members.importStart', { fileName: 'a.csv', format: 'csv', data, source: 'District sheet', mapping: ['phone', 'booth_code'] });
    await core.memberImports.whenDone(jobId);
    const p2 = await core.call('members.importPreview', { format: 'csv', data, source: 'District sheet' });
    expect(p2).toMatchObject({ mapping: ['phone', 'booth_code'], remembered: true });
  });

  it('reads an XLSX export: numeric phones, real date cells', async () => {
    const core = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Members');
    ws.addRow(['Membership ID', 'Name', 'Mobile', 'Booth', 'Enrolled on', 'Gender']);
    ws.addRow(['X-1', 'Anita', 9876543210, 'BT-35-0001', new Date(Date.UTC(2026, 0, 3, 10, 15)), 'F']);
    ws.addRow(['X-2', 'Bad', 12345, 'BT-35-0001', new Date(Date.UTC(2026, 0, 3, 10, 15)), 'F']);
    const b64 = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    const { status } = await importFile(core, b64, 'xlsx');
    expect(status.result).toMatchObject({ inserted: 1, rejected: 1 });
    expect(status.result!.errors[0]).toMatchObject({ row: 3, field: 'phone', reason: 'invalid_phone' });
    const dash = await core.call('membership.dashboard', { scope: { type: 'state' } });
    expect(dash.daily.map((d) => d.date)).toEqual(['2026-01-03']);
  });

  it('a cancelled import writes nothing, and other writes wait while it runs', async () => {
    const core = await setup();
    const lines = ['phone,booth_code'];
    for (let i = 0; i < 60_000; i++) lines.push(`${7000000000 + i * 3},BT-35-000${(i % 3) + 1}`);
    const data = lines.join('\n');
    const { jobId } = await core.call('members.importStart', { fileName: 'big.csv', format: 'csv', data, source: 'x', mapping: ['phone', 'booth_code'] });
    await failsWith(core.call('enrollers.add', { name: 'Late', level: 'booth', unitCode: 'BT-35-0003' }), 'conflict');
    // Wait for the first chunk to be written, then cancel.
    while ((await core.call('jobs.get', { jobId })).stage !== 'writing' || (await core.call('jobs.get', { jobId })).progress < 0.2) {
      await new Promise((r) => setImmediate(r));
    }
    await core.call('jobs.cancel', { jobId });
    await core.memberImports.whenDone(jobId);
    expect((await core.call('jobs.get', { jobId })).state).toBe('cancelled');
    expect(core.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
    expect(core.db.prepare(`SELECT count(*) AS n FROM outbox WHERE table_name IN ('members','member_imports')`).get()).toEqual({ n: 0 });
    // The totals triggers the import set aside are back, and a paper form counts at once.
    expect(core.db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'members_totals_%'`).get()).toEqual({ n: 3 });
    await core.call('members.add', { booth_code: 'BT-35-0001', phone: '9700000005' });
    expect((await core.call('membership.dashboard', { scope: { type: 'state' } })).total.claimed).toBe(1);
    await core.call('enrollers.add', { name: 'Late', level: 'booth', unitCode: 'BT-35-0003' });
  }, 30_000);
});

describe('findings, review and verification', () => {
  it('a duplicate phone across booths blocks both records until dismissed with a reason; the decision is audited', async () => {
    const core = await setup();
    await trainAll(core);
    await importFile(core, 'phone,booth,enroller\n9876543210,BT-35-0001,ENR-1\n9876543210,BT-35-0002,ENR-2\n9123456780,BT-35-0001,ENR-1\n');
    let dash = await core.call('membership.dashboard', { scope: { type: 'state' } });
    expect(dash.total).toMatchObject({ claimed: 3, verified: 1 });
    const { rows } = await core.call('findings.list', { status: 'open' });
    expect(rows.map((f) => f.rule)).toEqual(['duplicate_phone']);
    expect(rows[0].params.phone).toBe('9876543210'); // state admin sees it in full
    const members = await core.call('findings.members', { id: rows[0].id });
    expect(members.map((m) => m.boothCode).sort()).toEqual(['BT-35-0001', 'BT-35-0002']);
    await failsWith(core.call('findings.review', { id: rows[0].id, decision: 'dismissed' }), 'invalid_input');
    const reviewed = await core.call('findings.review', { id: rows[0].id, decision: 'dismissed', reason: 'Husband and wife share one phone' });
    expect(reviewed).toMatchObject({ status: 'dismissed', reviewedBy: 'Asha Kumari' });
    dash = await core.call('membership.dashboard', { scope: { type: 'state' } });
    expect(dash.total).toMatchObject({ claimed: 3, verified: 3 });
    const audit = core.db.prepare(`SELECT action, user_id FROM change_log WHERE table_name = 'membership_findings' ORDER BY seq DESC LIMIT 1`).get() as { action: string };
    expect(audit.action).toBe('finding.dismiss');
    // A later import keeps the decision.
    await importFile(core, 'phone,booth\n9000000001,BT-35-0003\n');
    expect((await core.call('findings.list', { status: 'dismissed' })).rows).toHaveLength(1);
  });

  it('an operator sees phones masked in findings', async () => {
    const core = await setup('operator');
    await importFile(core, 'phone,booth\n9876543210,BT-35-0001\n9876543210,BT-35-0002\n');
    const { rows } = await core.call('findings.list', {});
    expect(rows[0].params.phone).not.toContain('9876543210');
    const [m] = await core.call('findings.members', { id: rows[0].id });
    expect(m.phone).not.toBe('9876543210');
  });

  it('marking attendance takes an enroller off the untrained list and resolves their findings', async () => {
    const core = await setup();
    await importFile(core, 'phone,booth,enroller\n9876543210,BT-35-0001,ENR-1\n');
    expect((await core.call('enrollers.list', { untrainedOnly: true })).map((e) => e.loginId).sort()).toEqual(['CH-355', 'ENR-1', 'ENR-2']);
    expect((await core.call('findings.list', {})).rows.map((f) => f.rule)).toEqual(['enroller_untrained']);
    const w = await core.call('workshops.add', { level: 'booth', unitCode: 'BT-35-0001', heldOn: '2026-01-08' });
    expect(w.enrollers.map((e) => e.loginId)).toEqual(['ENR-1']);
    const after = await core.call('workshops.setAttendance', { workshopId: w.id, enrollerId: w.enrollers[0].enrollerId, attended: true });
    expect(after.attended).toBe(1);
    expect((await core.call('enrollers.list', { untrainedOnly: true })).map((e) => e.loginId).sort()).toEqual(['CH-355', 'ENR-2']);
    expect((await core.call('findings.list', {})).rows).toEqual([]);
    expect((await core.call('membership.dashboard', { scope: { type: 'state' } })).total.verified).toBe(1);
    const schedule = await core.call('workshops.schedule', {});
    expect(schedule.find((s) => s.districtCode === '355')).toMatchObject({ held: 1, enrollers: 3, trained: 1 });
  });

  it('paper forms: offline mode, checked at once, duplicates not added twice', async () => {
    const core = await setup();
    await trainAll(core);
    const a = await core.call('members.add', { booth_code: 'BT-35-0001', phone: '09876543210', name: 'Anita', gender: 'महिला', enroller: 'ENR-1' });
    expect(a).toMatchObject({ verified: true, duplicate: false });
    expect(await core.call('members.add', { booth_code: 'BT-35-0001', phone: '9876543210' })).toMatchObject({ duplicate: true });
    const b = await core.call('members.add', { booth_code: 'BT-35-0002', phone: '9876543210', enroller: 'ENR-2' });
    expect(b.verified).toBe(false);
    await failsWith(core.call('members.add', { booth_code: 'BT-35-0001', phone: '12345' }), 'invalid_input');
    const dash = await core.call('membership.dashboard', { scope: { type: 'state' } });
    expect(dash.total).toMatchObject({ claimed: 2, verified: 0, digital: 0 });
  });

  it('chief enrollers export as CSV and XLSX with full numbers; targets are set or derived', async () => {
    const core = await setup();
    const csv = await core.call('enrollers.exportChiefs', { format: 'csv' });
    expect(csv.rows).toBe(1);
    expect(csv.text).toContain('Mahesh Singh');
    const xlsx = await core.call('enrollers.exportChiefs', { format: 'xlsx', districtCode: '355' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64!, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(2).getCell(4).value).toBe('Mahesh Singh');
    await core.call('membership.setTarget', { unitCode: 'AC-35', target: 5000 });
    const dash = await core.call('membership.dashboard', { scope: { type: 'pc', pcNo: 6 } });
    expect(dash.byAc.find((a) => a.featureId === 35)?.target).toBe(5000);
    expect(dash.byAc.find((a) => a.featureId !== 35)!.target).toBeGreaterThan(0);
  });

  it('the outbox yields every imported member for the sync push, with its full row', async () => {
    const core = await setup();
    const before = listOutbox(core.db, 100_000).length;
    const lines = ['membership_id,phone,booth,enroller,gender'];
    for (let i = 0; i < 50; i++) lines.push(`OB-${i},98${String(10_000_000 + i * 37)},BT-35-000${1 + (i % 2)},ENR-${1 + (i % 2)},${i % 2 ? 'M' : 'F'}`);
    const { status } = await importFile(core, lines.join('\n'));
    expect(status.result!.inserted).toBe(50);
    const entries = listOutbox(core.db, 100_000).slice(before).filter((e) => e.tableName === 'members');
    expect(entries).toHaveLength(50);
    const pushed = entries.map((e) => JSON.parse(e.data) as Record<string, unknown>);
    expect(pushed.map((d) => d.membership_id).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `OB-${i}`).sort());
    for (const [i, d] of pushed.entries()) {
      expect(d.id).toBe(entries[i].rowId);
      expect(d.hlc).toBe(entries[i].hlc);
      expect(d).toMatchObject({ deleted: 0, mode: 'digital' });
      expect(typeof d.booth_id).toBe('string');
      expect(d).not.toHaveProperty('open_findings');
    }
  });
});

describe('incremental findings', () => {
  const snapshot = (core: TestCore) => ({
    findings: core.db.prepare(`SELECT key, status, member_count, params FROM membership_findings WHERE deleted = 0 ORDER BY key`).all(),
    links: core.db.prepare(`SELECT f.key, fm.member_id FROM finding_members fm JOIN membership_findings f ON f.id = fm.finding_id ORDER BY 1, 2`).all(),
    counts: core.db.prepare(`SELECT id, open_findings FROM members ORDER BY id`).all(),
  });

  it('imports, paper forms and attendance leave the same findings as recomputing everything', async () => {
    const core = await setup();
    // Duplicates across booths, a run of consecutive numbers, an untrained enroller, a wrong booth.
    await importFile(core, 'membership_id,phone,epic,booth,enroller\nI-1,9700000001,ABC1234567,BT-35-0001,ENR-1\nI-2,9700000002,,BT-35-0002,ENR-1\nI-3,9700000003,,BT-35-0002,ENR-2\n');
    await importFile(core, 'membership_id,phone,epic,booth,enroller,enrolled_at\nI-4,9700000004,ABC1234567,BT-35-0001,ENR-2,03-01-2026\nI-5,9700000001,,BT-35-0002,ENR-2,04-01-2026 11:30\n');
    await core.call('members.add', { booth_code: 'BT-35-0001', phone: '9700000005', enroller: 'ENR-1' });
    await core.call('members.add', { booth_code: 'BT-35-0002', phone: '9700000004', enroller: 'ENR-2' });
    const w = await core.call('workshops.add', { level: 'booth', unitCode: 'BT-35-0001', heldOn: '2026-01-08' });
    await core.call('workshops.setAttendance', { workshopId: w.id, enrollerId: w.enrollers[0].enrollerId, attended: true });
    const incremental = snapshot(core);
    expect((incremental.findings as { key: string }[]).map((f) => f.key.split(':')[0])).toEqual(
      expect.arrayContaining(['duplicate_phone', 'duplicate_epic', 'phone_run', 'enroller_untrained', 'enroller_wrong_booth']),
    );
    core.db.transaction(() => recomputeFindings(beginChange(core.db, core.clock, 'test', new Date().toISOString())))();
    expect(snapshot(core)).toEqual(incremental);
    // The dashboard's running totals agree with counting the members.
    expect(core.db.prepare(`SELECT booth_id, claimed, verified, digital, women FROM member_totals_booth WHERE claimed > 0 ORDER BY booth_id`).all()).toEqual(
      core.db
        .prepare(`SELECT booth_id, count(*) AS claimed, sum(open_findings = 0) AS verified, sum(mode = 'digital') AS digital, sum(gender IS 'F') AS women FROM members WHERE deleted = 0 GROUP BY booth_id ORDER BY booth_id`)
        .all(),
    );
    expect(core.db.prepare(`SELECT enroller_id, claimed, verified FROM member_totals_enroller WHERE claimed > 0 ORDER BY enroller_id`).all()).toEqual(
      core.db.prepare(`SELECT enroller_id, count(*) AS claimed, sum(open_findings = 0) AS verified FROM members WHERE deleted = 0 AND enroller_id IS NOT NULL GROUP BY 1 ORDER BY 1`).all(),
    );
    // Two import days, plus today for the paper forms.
    expect(core.db.prepare(`SELECT count(*) AS n FROM member_totals_day WHERE claimed > 0`).get()).toEqual({ n: 3 });
    expect(core.db.prepare(`SELECT pc, day, claimed, verified FROM member_totals_day WHERE claimed > 0 ORDER BY 1, 2`).all()).toEqual(
      core.db
        .prepare(`SELECT coalesce(pc_no, 0) AS pc, substr(enrolled_at, 1, 10) AS day, count(*) AS claimed, sum(open_findings = 0) AS verified FROM members WHERE deleted = 0 AND enrolled_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`)
        .all(),
    );
  });

  it('a finding outside the new records keeps its review; one they touch is recomputed', async () => {
    const core = await setup();
    await importFile(core, 'membership_id,phone,booth\nR-1,9811100001,BT-35-0001\nR-2,9811100001,BT-35-0002\nR-3,9822200002,BT-35-0001\nR-4,9822200002,BT-35-0002\n');
    const { rows } = await core.call('findings.list', { rule: 'duplicate_phone' });
    expect(rows).toHaveLength(2);
    await core.call('findings.review', { id: rows[0].id, decision: 'dismissed', reason: 'family phone' });
    await importFile(core, 'membership_id,phone,booth\nR-5,9822200002,BT-35-0001\n');
    const after = (await core.call('findings.list', { rule: 'duplicate_phone' })).rows;
    expect(after.find((f) => f.id === rows[0].id)).toMatchObject({ status: 'dismissed', memberCount: 2 });
    expect(after.find((f) => f.id === rows[1].id)?.memberCount).toBe(3);
  });

  it('a state admin changes the thresholds: every finding is recomputed, reviews kept; an operator may not', async () => {
    const core = await setup();
    const view = await core.call('membership.thresholds', {});
    expect(view).toMatchObject({ canEdit: true, values: view.defaults });
    expect(view.defaults.manyOnOnePhone).toBe(4);
    await importFile(core, 'membership_id,phone,booth\nT-1,9811100001,BT-35-0001\nT-2,9811100001,BT-35-0002\nT-3,9811100001,BT-35-0001\n');
    expect((await core.call('findings.list', {})).rows.map((f) => f.rule)).toEqual(['duplicate_phone']);
    const { jobId } = await core.call('membership.setThresholds', { ...view.defaults, manyOnOnePhone: 3 });
    await core.memberImports.whenDone(jobId);
    expect(await core.call('jobs.get', { jobId })).toMatchObject({ state: 'done', progress: 1, recomputed: { findingsOpen: 1 } });
    expect((await core.call('findings.list', {})).rows.map((f) => f.rule)).toEqual(['shared_phone']);
    expect((await core.call('membership.thresholds', {})).values.manyOnOnePhone).toBe(3);
    // Back to the default: the resolved duplicate finding comes back (on its own row, open again).
    const back = await core.call('membership.setThresholds', view.defaults);
    await core.memberImports.whenDone(back.jobId);
    expect((await core.call('jobs.get', { jobId: back.jobId })).state).toBe('done');
    expect((await core.call('findings.list', {})).rows.map((f) => `${f.rule}:${f.status}`)).toEqual(['duplicate_phone:open']);
    await failsWith(core.call('membership.setThresholds', { ...view.defaults, maxPerDay: 10, maxPerHour: 20 }), 'invalid_input');
    const op = await withUser(core, 'operator', 'Ramesh Oraon');
    await core.call('session.switch', { userId: op.id });
    expect((await core.call('membership.thresholds', {})).canEdit).toBe(false);
    await failsWith(core.call('membership.setThresholds', view.defaults), 'forbidden');
    await failsWith(core.call('membership.setTarget', { unitCode: 'AC-35', target: 10 }), 'forbidden');
  });

  it('the dashboard lists booths and enrollers lagging first', async () => {
    const core = await setup();
    await trainAll(core);
    await importFile(core, 'membership_id,phone,booth,enroller\nL-1,9811100001,BT-35-0001,ENR-1\nL-2,9811100002,BT-35-0001,ENR-1\nL-3,9811100003,BT-35-0002,ENR-2\nL-4,9811100003,BT-35-0002,ENR-2\n');
    const dash = await core.call('membership.dashboard', { scope: { type: 'pc', pcNo: 6 } });
    expect(dash.byBooth.length).toBeGreaterThan(2);
    const pct = (b: { verified: number; target: number }) => (b.target > 0 ? b.verified / b.target : 0);
    expect(pct(dash.byBooth[0])).toBeLessThanOrEqual(pct(dash.byBooth[dash.byBooth.length - 1]));
    expect(dash.byBooth.find((b) => b.code === 'BT-35-0001')).toMatchObject({ claimed: 2, verified: 2 });
    expect(dash.byEnroller.map((e) => e.loginId)).toEqual(['ENR-2', 'ENR-1']);
  });
});
