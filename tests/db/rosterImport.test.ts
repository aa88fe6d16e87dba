import { describe, expect, it } from 'vitest';
import { failsWith, makeCore, withUser, type TestCore } from './helpers';

function codeOf(core: TestCore, level: string): string {
  const r = core.db.prepare(`SELECT code FROM org_units WHERE level = ? AND deleted = 0 AND closed = 0 ORDER BY code LIMIT 1`).get(level) as { code: string };
  return r.code;
}

const csv = (header: string, rows: string[]) => [header, ...rows].join('\n');

describe('roster CSV import (one pipeline for every roster)', () => {
  it('media teams: every bad row named with row, field and reason; all or nothing; the same file twice adds nothing', async () => {
    const core = makeCore();
    await withUser(core);
    const pc = codeOf(core, 'pc');
    const header = 'team,unit_code,name_en,name_hi,role,phone,handles';
    const bad = csv(header, [
      `media,${pc},Anil Mahto,,Convenor,9876500001,`,
      `press,NOPE,,,,12345,facebook`,
      `social_media,${pc},Rekha Devi,,Member,9876500002,facebook:rekha.devi; x:@rekha`,
      `media,${pc},Anil M.,,Convenor,9876500001,`,
    ]);
    const preview = await core.call('rosters.importPreview', { roster: 'teams', fileName: 't.csv', text: bad });
    expect(preview.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [3, 'team', 'invalid_team'],
      [3, 'name_en', 'required'],
      [3, 'phone', 'invalid_phone'],
      [3, 'handles', 'invalid_handles'],
      [5, 'phone', 'duplicate_row'],
    ]);
    expect(JSON.stringify(preview.errors)).not.toContain('12345');
    await failsWith(core.call('rosters.importCommit', { roster: 'teams', fileName: 't.csv', text: bad }), 'import_rejected');
    expect(await core.call('teams.list', { q: '' })).toHaveLength(0);

    const unknownUnit = await core.call('rosters.importPreview', { roster: 'teams', fileName: 't.csv', text: csv(header, ['media,NOPE,Anil,,,,']) });
    expect(unknownUnit.errors.map((e) => [e.row, e.field, e.reason])).toEqual([[2, 'unit_code', 'unknown_unit']]);

    const good = csv(header, [`media,${pc},Anil Mahto,,Convenor,9876500001,`, `social_media,${pc},Rekha Devi,,Member,9876500002,facebook:rekha.devi; x:@rekha`]);
    expect(await core.call('rosters.importCommit', { roster: 'teams', fileName: 't.csv', text: good })).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await core.call('rosters.importCommit', { roster: 'teams', fileName: 't.csv', text: good })).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    const members = await core.call('teams.list', { team: 'social_media', q: '' });
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ nameEn: 'Rekha Devi', handles: { facebook: 'rekha.devi', x: '@rekha' }, phoneMasked: '98••••••02' });

    // The export reads back in unchanged; a changed role updates the member found by phone.
    const exported = await core.call('rosters.export', { roster: 'teams' });
    expect(await core.call('rosters.importPreview', { roster: 'teams', fileName: 'e.csv', text: exported.text })).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 2, errors: [] });
    const changed = csv(header, [`media,${pc},Anil Mahto,,Co-convenor,9876500001,`]);
    expect(await core.call('rosters.importCommit', { roster: 'teams', fileName: 't.csv', text: changed })).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
  });

  it('WhatsApp groups: recognised by name within the unit; bad links, counts and dates are named', async () => {
    const core = makeCore();
    await withUser(core);
    const district = codeOf(core, 'district');
    const header = 'name,level,unit_code,purpose,admins,member_count,invite_link,last_update';
    const bad = csv(header, [`,district,${district},,,lots,http://x,2026-13-01`, `Karyakarta group,district,${district},Coordination,A; B,120,https://chat.whatsapp.com/abc,2026-02-01`]);
    const preview = await core.call('rosters.importPreview', { roster: 'whatsapp', fileName: 'w.csv', text: bad });
    expect(preview.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [2, 'name', 'required'],
      [2, 'member_count', 'invalid_number'],
      [2, 'invite_link', 'invalid_link'],
      [2, 'last_update', 'invalid_date'],
      [3, 'last_update', 'invalid_date'],
    ]);
    const good = csv(header, [`Karyakarta group,district,${district},Coordination,A; B,120,https://chat.whatsapp.com/abc,2026-01-09`]);
    expect(await core.call('rosters.importCommit', { roster: 'whatsapp', fileName: 'w.csv', text: good })).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await core.call('rosters.importCommit', { roster: 'whatsapp', fileName: 'w.csv', text: good.replace('KARYAKARTA', 'Karyakarta') })).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect((await core.call('whatsapp.list', { q: 'karyakarta' }))[0]).toMatchObject({ memberCount: 120, admins: ['A', 'B'], level: 'district' });
  });

  it('control rooms: one per Lok Sabha, staff and phone lines read in the export form', async () => {
    const core = makeCore();
    await withUser(core);
    const header = 'pc_no,lok_sabha,set_up,address,opened_on,staff,phone_lines';
    const bad = csv(header, ['99,,yes,,,,', '1,,maybe,,,,', '2,,yes,,,"Ravi (operator",06512-123']);
    const preview = await core.call('rosters.importPreview', { roster: 'controlRooms', fileName: 'c.csv', text: bad });
    expect(preview.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [2, 'pc_no', 'unknown_pc'],
      [3, 'set_up', 'invalid_yes_no'],
      [4, 'staff', 'invalid_staff'],
    ]);
    const good = csv(header, ['1,,yes,Party office,2026-01-02,"Ravi (operator, morning); Sita (data entry, evening)",0651-2233445', '2,,no,,,,']);
    // The second row says "not set up" for a Lok Sabha with nothing stored: nothing to write.
    expect(await core.call('rosters.importCommit', { roster: 'controlRooms', fileName: 'c.csv', text: good })).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    const exported = await core.call('rosters.export', { roster: 'controlRooms' });
    const again = await core.call('rosters.importPreview', { roster: 'controlRooms', fileName: 'e.csv', text: exported.text });
    expect(again).toMatchObject({ toInsert: 0, toUpdate: 0, errors: [] });
    const room = (await core.call('controlRooms.list', {})).find((r) => r.pcNo === 1);
    expect(room).toMatchObject({ setUp: true, staff: [{ name: 'Ravi', role: 'operator', shift: 'morning' }, { name: 'Sita', role: 'data entry', shift: 'evening' }] });
  });

  it('party offices: keyed by block; coordinates, tenure and the block level are checked', async () => {
    const core = makeCore();
    await withUser(core);
    const blocks = (await core.call('offices.list', { districtCode: '355' })).rows;
    const [a, b] = blocks;
    const district = codeOf(core, 'district');
    const header = 'block_code,block_name,has_office,address,lat,lon,tenure,opened_on';
    const bad = csv(header, [`${a.code},,yes,Main Road,23.7,,leased,2026-01-01`, `${district},,yes,,,,,`, `${b.code},,yes,,,,,2027-01-01`]);
    const preview = await core.call('rosters.importPreview', { roster: 'offices', fileName: 'o.csv', text: bad });
    expect(preview.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [2, 'lon', 'invalid_location'],
      [2, 'tenure', 'invalid_tenure'],
      [3, 'block_code', 'level_mismatch'],
      [4, 'opened_on', 'invalid_date'],
    ]);
    const good = csv(header, [`${a.code},,yes,Main Road,23.7,86.1,rented,2026-01-01`, `${b.code},,no,,,,,`]);
    expect(await core.call('rosters.importCommit', { roster: 'offices', fileName: 'o.csv', text: good })).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    const list = await core.call('offices.list', { districtCode: '355' });
    expect(list.withOffice).toBe(1);
    expect(list.rows.find((r) => r.blockId === a.blockId)?.office).toMatchObject({ exists: true, tenure: 'rented', lat: 23.7, lon: 86.1 });
    // The whole state's export (every block, most without an office) reads back as no change.
    const exported = await core.call('rosters.export', { roster: 'offices' });
    expect(await core.call('rosters.importPreview', { roster: 'offices', fileName: 'e.csv', text: exported.text })).toMatchObject({ toInsert: 0, toUpdate: 0, errors: [] });
  });

  it('refuses a file without the required columns or with a column twice, naming row 1', async () => {
    const core = makeCore();
    await withUser(core);
    const p = await core.call('rosters.importPreview', { roster: 'teams', fileName: 't.csv', text: 'team,unit_code,name_en,name_en\nmedia,X,A,B' });
    expect(p.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [1, 'name_en', 'duplicate_column'],
    ]);
    const q = await core.call('rosters.importPreview', { roster: 'teams', fileName: 't.csv', text: 'name_en\nA' });
    expect(q.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [1, 'team', 'missing_column'],
      [1, 'unit_code', 'missing_column'],
    ]);
    expect((await core.call('rosters.importPreview', { roster: 'offices', fileName: 'o.csv', text: '' })).errors[0].reason).toBe('empty_file');
  });
});
