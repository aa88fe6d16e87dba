import Papa from 'papaparse';
import { compliancePct } from '../../../shared/domain/directives';
import { maskPhone, normalisePhone } from '../../../shared/domain/personalData';
import type {
  ExportResult,
  ImportCommitResult,
  ImportErrorReason,
  ImportPreview,
  ImportRowError,
  PartyOfficeList,
  PartyOfficeRow,
  ControlRoomRow,
  SpeakerLevel,
  SpeakerView,
  TeamMemberView,
  WhatsappGroupView,
} from '../../../shared/ipc/views';
import { getUnit, unitsOfLevel, type StoredUnit } from '../db/repositories/orgUnits';
import {
  controlRoomsByPc,
  listSpeakers,
  listTeamMembers,
  listWhatsappGroups,
  officeOfBlock,
  officesByBlock,
  speakerIdByPhone,
  type StoredOffice,
  type StoredSpeaker,
} from '../db/repositories/rosters';
import type { SqlValue } from '../db/schema';
import { beginChange, insertRow, newId, tombstoneRow, upsertRow, type WriteContext } from '../sync/writer';
import { AppError } from './AppError';
import { inChange, istDate, nowIso, requireUser, type ServiceContext } from './context';

/** The languages offered by default (the list); a speaker may carry any other, which then joins the filter. */
export const DEFAULT_SPEAKER_LANGUAGES = [
  'Hindi',
  'English',
  'Santali',
  'Nagpuri',
  'Khortha',
  'Ho',
  'Mundari',
  'Kurukh',
  'Bengali',
  'Urdu',
  'Odia',
] as const;

// --- party offices -------------------------------------------------------------------------------------

function officeRow(b: StoredUnit, o: StoredOffice | null | undefined): PartyOfficeRow {
  return {
    blockId: b.id,
    code: b.code,
    nameEn: b.nameEn,
    nameHi: b.nameHi,
    districtCode: b.districtCode,
    pcNo: b.pcNo,
    hqLat: b.lat,
    hqLon: b.lon,
    office: o ? { exists: o.exists, address: o.address, lat: o.lat, lon: o.lon, tenure: o.tenure, openedOn: o.openedOn } : null,
  };
}

export function blocksInScope(ctx: ServiceContext, scope: { pcNo?: number; districtCode?: string }): StoredUnit[] {
  return unitsOfLevel(ctx.db, 'block', scope.pcNo).filter((b) => !b.closed && (!scope.districtCode || b.districtCode === scope.districtCode));
}

export function listOffices(ctx: ServiceContext, scope: { pcNo?: number; districtCode?: string }): PartyOfficeList {
  const offices = officesByBlock(ctx.db);
  const rows = blocksInScope(ctx, scope).map((b) => officeRow(b, offices.get(b.id)));
  const withOffice = rows.filter((r) => r.office?.exists).length;
  return { rows, withOffice, total: rows.length, pct: compliancePct({ done: withOffice, total: rows.length }) };
}

export function setOffice(
  ctx: ServiceContext,
  input: {
    blockId: string;
    exists: boolean;
    address?: string;
    lat?: number;
    lon?: number;
    tenure?: 'owned' | 'rented';
    openedOn?: string;
  },
): PartyOfficeRow {
  const user = requireUser(ctx);
  const block = getUnit(ctx.db, input.blockId);
  if (!block || block.level !== 'block') throw new AppError('not_found', 'That block does not exist. Choose a block from the list.', 'blockId');
  if (input.openedOn && input.openedOn > istDate(ctx)) {
    throw new AppError('invalid_input', 'The opening date is in the future. Enter the day the office opened.', 'openedOn');
  }
  if ((input.lat === undefined) !== (input.lon === undefined)) {
    throw new AppError('invalid_input', 'Pick the office location on the map (both latitude and longitude).', 'lat');
  }
  const existing = officeOfBlock(ctx.db, block.id);
  const values: Record<string, SqlValue> = input.exists
    ? {
        block_id: block.id,
        has_office: 1,
        address: input.address || null,
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        tenure: input.tenure ?? null,
        opened_on: input.openedOn ?? null,
        ac_no: block.acNo,
        district_code: block.districtCode,
      }
    : { block_id: block.id, has_office: 0, address: null, lat: null, lon: null, tenure: null, opened_on: null, ac_no: block.acNo, district_code: block.districtCode };
  inChange(ctx, user.id, (w) => {
    if (existing) upsertRow(w, 'party_offices', existing.id, values, 'office.update');
    else insertRow(w, 'party_offices', newId(), values, 'office.create');
  });
  return officeRow(block, officeOfBlock(ctx.db, block.id));
}

// --- speakers ------------------------------------------------------------------------------------------

function speakerView(s: StoredSpeaker): SpeakerView {
  return {
    id: s.id,
    nameEn: s.nameEn,
    nameHi: s.nameHi,
    phoneMasked: maskPhone(s.phone),
    languages: s.languages,
    topics: s.topics,
    level: s.level,
    availability: s.availability,
    rating: s.rating,
  };
}

export function searchSpeakers(ctx: ServiceContext, input: { q: string; language?: string; level?: SpeakerLevel }): SpeakerView[] {
  const q = input.q.trim().toLowerCase();
  const lang = input.language?.toLowerCase();
  return listSpeakers(ctx.db)
    .filter((s) => !input.level || s.level === input.level)
    .filter((s) => !lang || s.languages.some((l) => l.toLowerCase() === lang))
    .filter(
      (s) =>
        q === '' ||
        (s.nameEn ?? '').toLowerCase().includes(q) ||
        (s.nameHi ?? '').includes(q) ||
        s.topics.some((t) => t.toLowerCase().includes(q)),
    )
    .map(speakerView);
}

interface SpeakerInput {
  id?: string;
  nameEn?: string;
  nameHi?: string;
  phone?: string;
  languages: string[];
  topics: string[];
  level: SpeakerLevel;
  availability?: string;
  rating?: number;
}

function speakerValues(s: Omit<SpeakerInput, 'phone'>, phone: string | null): Record<string, SqlValue> {
  return {
    name_en: s.nameEn || null,
    name_hi: s.nameHi || null,
    phone,
    languages: JSON.stringify(s.languages),
    topics: JSON.stringify(s.topics),
    level: s.level,
    availability: s.availability || null,
    rating: s.rating ?? null,
  };
}

export function saveSpeaker(ctx: ServiceContext, input: SpeakerInput): SpeakerView {
  const user = requireUser(ctx);
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.phone && !phone) throw new AppError('invalid_input', 'That is not a 10-digit Indian mobile number.', 'phone');
  const clash = phone ? speakerIdByPhone(ctx.db, phone) : null;
  if (clash && clash !== input.id) throw new AppError('conflict', 'A speaker with this phone number is already on the roster.', 'phone');
  const id = input.id ?? newId();
  if (input.id && !listSpeakers(ctx.db).some((s) => s.id === input.id)) {
    throw new AppError('not_found', 'That speaker is no longer on the roster. Reload the list.', 'id');
  }
  inChange(ctx, user.id, (w) => {
    // Keep the stored number when the form did not touch it (the renderer only ever sees it masked).
    const values = speakerValues(input, phone);
    if (input.id && !input.phone) delete values.phone;
    if (input.id) upsertRow(w, 'speakers', id, values, 'speaker.update');
    else insertRow(w, 'speakers', id, values, 'speaker.create');
  });
  const saved = listSpeakers(ctx.db).find((s) => s.id === id);
  if (!saved) throw new AppError('internal', 'The speaker could not be saved. Try again.');
  return speakerView(saved);
}

export function removeSpeaker(ctx: ServiceContext, input: { id: string }): { removed: boolean } {
  const user = requireUser(ctx);
  const removed = inChange(ctx, user.id, (w) => tombstoneRow(w, 'speakers', input.id, 'speaker.remove'));
  return { removed: removed !== null };
}

// --- speakers CSV: all or nothing, every bad row listed --------------------------------------------------

export const SPEAKER_COLUMNS = ['name_en', 'name_hi', 'phone', 'languages', 'topics', 'level', 'availability', 'rating'] as const;
const SPEAKER_LEVEL_ALIASES: Record<string, SpeakerLevel> = {
  state: 'state',
  'प्रदेश': 'state',
  'राज्य': 'state',
  pc: 'pc',
  'lok sabha': 'pc',
  'लोकसभा': 'pc',
  district: 'district',
  'जिला': 'district',
  'ज़िला': 'district',
};

const errAt = (row: number, field: string, reason: ImportErrorReason, message: string): ImportRowError => ({ row, field, reason, message });
const splitList = (s: string): string[] =>
  s
    .split(/[;|]/)
    .map((x) => x.trim())
    .filter(Boolean);

interface SpeakerPlan {
  errors: ImportRowError[];
  rows: number;
  columns: string[];
  sample: Record<string, string>[];
  writes: { id: string | null; values: Record<string, SqlValue> }[];
  unchanged: number;
}

function planSpeakers(ctx: ServiceContext, text: string): SpeakerPlan {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'),
  });
  const columns = (parsed.meta.fields ?? []).filter((f) => (SPEAKER_COLUMNS as readonly string[]).includes(f));
  const errors: ImportRowError[] = [];
  if ((parsed.meta.fields ?? []).length === 0) {
    return { errors: [errAt(1, '', 'empty_file', 'The file is empty. Put the column names in row 1 and the data below.')], rows: 0, columns, sample: [], writes: [], unchanged: 0 };
  }
  for (const required of ['level']) {
    if (!columns.includes(required)) errors.push(errAt(1, required, 'missing_column', `Row 1: the column "${required}" is missing. Add it to the header row.`));
  }
  if (!columns.includes('name_en') && !columns.includes('name_hi')) {
    errors.push(errAt(1, 'name_en', 'missing_column', 'Row 1: add a "name_en" or "name_hi" column.'));
  }
  if (errors.length > 0) return { errors, rows: parsed.data.length, columns, sample: [], writes: [], unchanged: 0 };

  const existing = new Map(listSpeakers(ctx.db).map((s) => [s.id, s]));
  const seenPhones = new Map<string, number>();
  const writes: SpeakerPlan['writes'] = [];
  let unchanged = 0;
  parsed.data.forEach((cells, i) => {
    const row = i + 2;
    const get = (c: string) => (cells[c] ?? '').trim();
    const rowErrors: ImportRowError[] = [];
    const nameEn = get('name_en');
    const nameHi = get('name_hi');
    if (!nameEn && !nameHi) rowErrors.push(errAt(row, 'name_en', 'required', `Row ${row}: enter the speaker's name in Hindi or English.`));
    const level = SPEAKER_LEVEL_ALIASES[get('level').toLowerCase()];
    if (!level) rowErrors.push(errAt(row, 'level', 'invalid_speaker_level', `Row ${row}: the level must be state, pc (Lok Sabha) or district.`));
    let phone: string | null = null;
    if (get('phone')) {
      phone = normalisePhone(get('phone'));
      // The message never repeats the number: phone numbers are personal data and errors get logged and shown.
      if (!phone) rowErrors.push(errAt(row, 'phone', 'invalid_phone', `Row ${row}: the phone is not a 10-digit Indian mobile number.`));
      else if (seenPhones.has(phone)) {
        rowErrors.push(errAt(row, 'phone', 'duplicate_row', `Row ${row}: the same phone number is already on row ${seenPhones.get(phone)}.`));
      } else seenPhones.set(phone, row);
    }
    let rating: number | null = null;
    if (get('rating')) {
      rating = Number(get('rating'));
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
        rowErrors.push(errAt(row, 'rating', 'invalid_rating', `Row ${row}: the rating must be a whole number from 1 to 5.`));
      }
    }
    for (const [field, max] of [['name_en', 120], ['name_hi', 120], ['availability', 200]] as const) {
      if (get(field).length > max) rowErrors.push(errAt(row, field, 'too_long', `Row ${row}: "${field}" is longer than ${max} characters.`));
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    const values = speakerValues(
      {
        nameEn,
        nameHi,
        languages: splitList(get('languages')),
        topics: splitList(get('topics')),
        level: level as SpeakerLevel,
        availability: get('availability'),
        rating: rating ?? undefined,
      },
      phone,
    );
    const id = phone ? speakerIdByPhone(ctx.db, phone) : null;
    const before = id ? existing.get(id) : undefined;
    const beforeValues = before
      ? speakerValues(
          { ...before, nameEn: before.nameEn ?? undefined, nameHi: before.nameHi ?? undefined, availability: before.availability ?? undefined, rating: before.rating ?? undefined },
          before.phone,
        )
      : null;
    if (beforeValues && JSON.stringify(beforeValues) === JSON.stringify(values)) unchanged++;
    else writes.push({ id, values });
  });
  return { errors, rows: parsed.data.length, columns, sample: parsed.data.slice(0, 10), writes, unchanged };
}

export function previewSpeakersImport(ctx: ServiceContext, text: string): ImportPreview {
  const p = planSpeakers(ctx, text);
  return {
    kind: 'speakers',
    rows: p.rows,
    toInsert: p.writes.filter((w) => w.id === null).length,
    toUpdate: p.writes.filter((w) => w.id !== null).length,
    unchanged: p.unchanged,
    errors: p.errors.sort((a, b) => a.row - b.row),
    sample: p.sample,
    columns: p.columns,
  };
}

/** All or nothing: re-checked inside the transaction; a speaker is recognised by phone number, so a re-import changes nothing. */
export function commitSpeakersImport(ctx: ServiceContext, text: string): ImportCommitResult {
  const user = requireUser(ctx);
  return ctx.db.transaction(() => {
    const p = planSpeakers(ctx, text);
    if (p.errors.length > 0) {
      const n = new Set(p.errors.map((e) => e.row)).size;
      throw new AppError('import_rejected', `${n} ${n === 1 ? 'row has' : 'rows have'} errors; nothing was imported. Fix them and import again.`);
    }
    const w: WriteContext = beginChange(ctx.db, ctx.clock, user.id, nowIso(ctx));
    let inserted = 0;
    let updated = 0;
    for (const x of p.writes) {
      if (x.id) {
        upsertRow(w, 'speakers', x.id, x.values, 'speaker.update');
        updated++;
      } else {
        insertRow(w, 'speakers', newId(), x.values, 'speaker.create');
        inserted++;
      }
    }
    return { inserted, updated, unchanged: p.unchanged };
  })();
}

/**
 * Export a roster as CSV in the columns the import takes (speakers) or the office list. Phones are exported in
 * full, as the committee export does: the file is the party's own roster and the import recognises people by them.
 */
export function exportRoster(ctx: ServiceContext, roster: 'speakers' | 'offices' | 'teams' | 'whatsapp' | 'controlRooms'): ExportResult {
  const date = istDate(ctx);
  const csv = (fields: string[], data: (string | number)[][]) => '\uFEFF' + Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });
  if (roster === 'teams') {
    const rows = listTeamMembers(ctx.db);
    const data = rows.map((m) => [m.team, getUnit(ctx.db, m.unitId)?.code ?? '', m.nameEn ?? '', m.nameHi ?? '', m.role ?? '', m.phone ?? '', Object.entries(m.handles).map(([k, v]) => `${k}:${v}`).join('; ')]);
    return { fileName: `media-teams-${date}.csv`, text: csv(['team', 'unit_code', 'name_en', 'name_hi', 'role', 'phone', 'handles'], data), rows: rows.length };
  }
  if (roster === 'whatsapp') {
    const rows = listWhatsappGroups(ctx.db);
    const data = rows.map((g) => [g.name, g.level, getUnit(ctx.db, g.unitId)?.code ?? '', g.purpose ?? '', g.admins.join('; '), g.memberCount ?? '', g.inviteLink ?? '', g.lastUpdate ?? '']);
    return { fileName: `whatsapp-groups-${date}.csv`, text: csv(['name', 'level', 'unit_code', 'purpose', 'admins', 'member_count', 'invite_link', 'last_update'], data), rows: rows.length };
  }
  if (roster === 'controlRooms') {
    const rooms = controlRoomsByPc(ctx.db);
    const rows = listControlRooms(ctx);
    const data = rows.map((r) => [r.pcNo ?? '', r.nameEn, r.setUp ? 'yes' : 'no', r.address ?? '', r.openedOn ?? '', r.staff.map((s) => `${s.name} (${s.role}, ${s.shift})`).join('; '), (rooms.get(r.pcUnitId)?.phoneLines ?? []).join('; ')]);
    return { fileName: `control-rooms-${date}.csv`, text: csv(['pc_no', 'lok_sabha', 'set_up', 'address', 'opened_on', 'staff', 'phone_lines'], data), rows: rows.length };
  }
  if (roster === 'speakers') {
    const rows = listSpeakers(ctx.db);
    const data = rows.map((s) => [
      s.nameEn ?? '',
      s.nameHi ?? '',
      s.phone ?? '',
      s.languages.join('; '),
      s.topics.join('; '),
      s.level,
      s.availability ?? '',
      s.rating ?? '',
    ]);
    const text = '\uFEFF' + Papa.unparse({ fields: [...SPEAKER_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
    return { fileName: `speakers-${date}.csv`, text, rows: rows.length };
  }
  const list = listOffices(ctx, {});
  const data = list.rows.map((r) => [
    r.code,
    r.nameEn,
    r.office?.exists ? 'yes' : 'no',
    r.office?.address ?? '',
    r.office?.lat ?? '',
    r.office?.lon ?? '',
    r.office?.tenure ?? '',
    r.office?.openedOn ?? '',
  ]);
  const text =
    '\uFEFF' +
    Papa.unparse(
      { fields: ['block_code', 'block_name', 'has_office', 'address', 'lat', 'lon', 'tenure', 'opened_on'], data },
      { escapeFormulae: true, newline: '\r\n' },
    );
  return { fileName: `party-offices-${date}.csv`, text, rows: list.rows.length };
}

// --- media / social-media teams, WhatsApp groups, control rooms -----------------------------------------

function unitNames(ctx: ServiceContext, unitId: string): { unitNameEn: string; unitNameHi: string | null } {
  const u = getUnit(ctx.db, unitId);
  return { unitNameEn: u?.nameEn ?? '', unitNameHi: u?.nameHi ?? null };
}

export function listTeam(ctx: ServiceContext, input: { team?: 'media' | 'social_media'; q: string }): TeamMemberView[] {
  const q = input.q.trim().toLowerCase();
  return listTeamMembers(ctx.db)
    .filter((m) => !input.team || m.team === input.team)
    .filter((m) => q === '' || (m.nameEn ?? '').toLowerCase().includes(q) || (m.nameHi ?? '').includes(q) || Object.values(m.handles).some((h) => h.toLowerCase().includes(q)))
    .map((m) => ({
      id: m.id,
      team: m.team,
      unitId: m.unitId,
      ...unitNames(ctx, m.unitId),
      nameEn: m.nameEn,
      nameHi: m.nameHi,
      role: m.role,
      phoneMasked: maskPhone(m.phone),
      handles: m.handles,
    }));
}

export function addTeamMember(
  ctx: ServiceContext,
  input: { team: 'media' | 'social_media'; unitId: string; nameEn?: string; nameHi?: string; role?: string; phone?: string; handles: Record<string, string> },
): TeamMemberView {
  const user = requireUser(ctx);
  const unit = getUnit(ctx.db, input.unitId);
  if (!unit) throw new AppError('not_found', 'That unit does not exist. Choose the Lok Sabha, district or block the team belongs to.', 'unitId');
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.phone && !phone) throw new AppError('invalid_input', 'That is not a 10-digit Indian mobile number.', 'phone');
  const id = newId();
  inChange(ctx, user.id, (w) =>
    insertRow(
      w,
      'team_members',
      id,
      {
        team: input.team,
        unit_id: unit.id,
        name_en: input.nameEn || null,
        name_hi: input.nameHi || null,
        role: input.role || null,
        phone,
        handles: JSON.stringify(input.handles),
        ac_no: unit.acNo,
        district_code: unit.districtCode,
      },
      'team.add',
    ),
  );
  const saved = listTeam(ctx, { q: '' }).find((m) => m.id === id);
  if (!saved) throw new AppError('internal', 'The team member could not be saved. Try again.');
  return saved;
}

export function listWhatsapp(ctx: ServiceContext, input: { q: string; level?: string }): WhatsappGroupView[] {
  const q = input.q.trim().toLowerCase();
  return listWhatsappGroups(ctx.db)
    .filter((g) => !input.level || g.level === input.level)
    .filter((g) => q === '' || g.name.toLowerCase().includes(q) || (g.purpose ?? '').toLowerCase().includes(q))
    .map((g) => ({ ...g, ...unitNames(ctx, g.unitId) }));
}

export function addWhatsappGroup(
  ctx: ServiceContext,
  input: { name: string; unitId: string; purpose?: string; admins: string[]; memberCount?: number; inviteLink?: string; lastUpdate?: string },
): WhatsappGroupView {
  const user = requireUser(ctx);
  const unit = getUnit(ctx.db, input.unitId);
  if (!unit) throw new AppError('not_found', 'That unit does not exist. Choose the unit the group is for.', 'unitId');
  const id = newId();
  inChange(ctx, user.id, (w) =>
    insertRow(
      w,
      'whatsapp_groups',
      id,
      {
        name: input.name,
        level: unit.level,
        unit_id: unit.id,
        purpose: input.purpose || null,
        admins: JSON.stringify(input.admins),
        member_count: input.memberCount ?? null,
        invite_link: input.inviteLink || null,
        last_update: input.lastUpdate ?? istDate(ctx),
        ac_no: unit.acNo,
        district_code: unit.districtCode,
      },
      'whatsapp.add',
    ),
  );
  const saved = listWhatsapp(ctx, { q: '' }).find((g) => g.id === id);
  if (!saved) throw new AppError('internal', 'The group could not be saved. Try again.');
  return saved;
}

export function listControlRooms(ctx: ServiceContext): ControlRoomRow[] {
  const rooms = controlRoomsByPc(ctx.db);
  return unitsOfLevel(ctx.db, 'pc').map((pc) => {
    const r = rooms.get(pc.id);
    return {
      pcUnitId: pc.id,
      pcNo: pc.pcNo,
      nameEn: pc.nameEn,
      nameHi: pc.nameHi,
      setUp: r?.setUp ?? false,
      address: r?.address ?? null,
      openedOn: r?.openedOn ?? null,
      staff: r?.staff ?? [],
      phoneLinesMasked: (r?.phoneLines ?? []).map((p) => maskPhone(p) ?? ''),
    };
  });
}

export function setControlRoom(
  ctx: ServiceContext,
  input: { pcUnitId: string; setUp: boolean; address?: string; openedOn?: string; staff: { name: string; role: string; shift: string }[]; phoneLines: string[] },
): ControlRoomRow {
  const user = requireUser(ctx);
  const pc = getUnit(ctx.db, input.pcUnitId);
  if (!pc || pc.level !== 'pc') throw new AppError('not_found', 'That Lok Sabha does not exist. Choose one from the list.', 'pcUnitId');
  if (input.openedOn && input.openedOn > istDate(ctx)) throw new AppError('invalid_input', 'The opening date is in the future.', 'openedOn');
  const lines = input.phoneLines.map((p) => p.replace(/[\s-]/g, ''));
  if (lines.some((p) => !/^\+?[0-9]{6,13}$/.test(p))) throw new AppError('invalid_input', 'A phone line is not a number (6 to 13 digits).', 'phoneLines');
  const existing = controlRoomsByPc(ctx.db).get(pc.id);
  const values: Record<string, SqlValue> = {
    pc_unit_id: pc.id,
    set_up: input.setUp ? 1 : 0,
    address: input.address || null,
    opened_on: input.openedOn ?? null,
    staff: JSON.stringify(input.staff),
    phone_lines: JSON.stringify(lines),
    ac_no: null,
    district_code: null,
  };
  inChange(ctx, user.id, (w) => {
    if (existing) upsertRow(w, 'control_rooms', existing.id, values, 'controlRoom.update');
    else insertRow(w, 'control_rooms', newId(), values, 'controlRoom.create');
  });
  const row = listControlRooms(ctx).find((r) => r.pcUnitId === pc.id);
  if (!row) throw new AppError('internal', 'The control room could not be saved. Try again.');
  return row;
}
