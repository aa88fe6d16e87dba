import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, EVIDENCE_MAX_BYTES, sniffEvidenceType } from '../../shared/domain/evidence';
import { getUnitByCode } from '../../electron/main/db/repositories/orgUnits';
import { failsWith, makeCore, withUser, type TestCore } from './helpers';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const WEBP = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');

describe('evidence file checks', () => {
  it('knows photos and PDFs by their content, not their name', () => {
    expect(sniffEvidenceType(PNG)).toBe('image/png');
    expect(sniffEvidenceType(PDF)).toBe('application/pdf');
    expect(sniffEvidenceType(JPEG)).toBe('image/jpeg');
    expect(sniffEvidenceType(WEBP)).toBe('image/webp');
    expect(checkEvidenceFile('minutes.pdf', new TextEncoder().encode('just text'))).toMatchObject({ ok: false, reason: 'wrong_type' });
    expect(checkEvidenceFile('photo.jpg', PNG)).toEqual({ ok: true, mime: 'image/png' });
  });
  it('refuses an empty file and one over 5 MB, saying the limit', () => {
    expect(checkEvidenceFile('a.pdf', new Uint8Array(0))).toMatchObject({ ok: false, reason: 'empty' });
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set(PDF);
    const r = checkEvidenceFile('big.pdf', big);
    expect(r).toMatchObject({ ok: false, reason: 'too_large' });
    expect(!r.ok && r.message).toContain('5 MB');
    const edge = new Uint8Array(EVIDENCE_MAX_BYTES);
    edge.set(PDF);
    expect(checkEvidenceFile('edge.pdf', edge).ok).toBe(true);
  });
});

async function manualDirective(core: TestCore) {
  await withUser(core, 'state_admin');
  const state = getUnitByCode(core.db, 'S-JH');
  if (!state) throw new Error('no state unit');
  const m = await core.call('meetings.create', {
    heldOn: '2026-01-10',
    level: 'state',
    unitId: state.id,
    mode: 'in_person',
    attendees: [],
    directives: [{ textEn: 'Hold a district meeting and send the photo', targetLevel: 'district', deadline: { type: 'days', days: 15 }, doneRule: 'manual' }],
  });
  return m.directives[0];
}

describe('evidence attachments', () => {
  it('attaches a photo to a unit row of a manual directive, lists it and gives it back byte for byte', async () => {
    const core = makeCore();
    const d = await manualDirective(core);
    const bokaro = getUnitByCode(core.db, 'D-355');
    if (!bokaro) throw new Error('no district');
    const b64 = Buffer.from(PNG).toString('base64');
    const saved = await core.call('evidence.attach', { directiveId: d.id, unitId: bokaro.id, fileName: 'meeting.png', dataBase64: b64 });
    expect(saved).toMatchObject({ unitId: bokaro.id, fileName: 'meeting.png', mime: 'image/png', size: PNG.length });
    const list = await core.call('evidence.list', { directiveId: d.id });
    expect(list.map((e) => e.fileName)).toEqual(['meeting.png']);
    const file = await core.call('evidence.get', { id: saved.id });
    expect(file.dataBase64).toBe(b64);
    expect(file.mime).toBe('image/png');
  });

  it('refuses a file that is no photo or PDF, and a unit the directive does not apply to', async () => {
    const core = makeCore();
    const d = await manualDirective(core);
    const bokaro = getUnitByCode(core.db, 'D-355');
    const block = core.db.prepare(`SELECT id FROM org_units WHERE level = 'block' LIMIT 1`).get() as { id: string };
    if (!bokaro) throw new Error('no district');
    const err = await failsWith(
      core.call('evidence.attach', { directiveId: d.id, unitId: bokaro.id, fileName: 'notes.pdf', dataBase64: Buffer.from('plain text').toString('base64') }),
      'invalid_input',
    );
    expect(err.message).toContain('not a photo');
    await failsWith(core.call('evidence.attach', { directiveId: d.id, unitId: block.id, fileName: 'p.png', dataBase64: Buffer.from(PNG).toString('base64') }), 'invalid_input');
    expect(await core.call('evidence.list', { directiveId: d.id })).toEqual([]);
  });
});
