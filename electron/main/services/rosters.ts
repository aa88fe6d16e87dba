import Papa from 'papaparse';
import { compliancePct } from '../../../shared/domain/directives';
import { maskPhone, normalisePhone } from '../../../shared/domain/personalData';
import type {
  ExportResult,
  ImportCommitResult,
  ImportPreview,
  PartyOfficeList,
  PartyOfficeRow,
  ControlRoomRow,
  RosterKind,
  SpeakerLevel,
  SpeakerView,
  TeamCoverageView,
  TeamMemberView,
  WhatsappGroupView,
} from '../../../shared/ipc/views';
import { getUnit, unitsOfLevel, type StoredUnit } from '../db/repositories/orgUnits';
import {
  controlRoomsByPc,
  listSpeakers,
  listTeamMembers,
  teamCoverage,
  listWhatsappGroups,
  officeOfBlock,
  officesByBlock,
  speakerIdByPhone,
  type StoredOffice,
  type StoredSpeaker,
} from '../db/repositories/rosters';
import type { SqlValue } from '../db/schema';
import { insertRow, newId, tombstoneRow, upsertRow } from '../sync/writer';
import { AppError } from './AppError';
import { inChange, istDate, requireUser, type ServiceContext } from './context';
import { commitRosterImport, previewRosterImport } from './import/rosterImport';
import { CONTROL_ROOM_COLUMNS, OFFICE_COLUMNS, ROSTER_CSV, SPEAKER_COLUMNS, speakerValues, TEAM_COLUMNS, WHATSAPP_COLUMNS } from './rosterCsv';

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
    const values = speakerValues({
      nameEn: input.nameEn ?? null,
      nameHi: input.nameHi ?? null,
      phone,
      languages: input.languages,
      topics: input.topics,
      level: input.level,
      availability: input.availability ?? null,
      rating: input.rating ?? null,
    });
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

// --- CSV import: one pipeline, each roster's columns and row schema in rosterCsv.ts ------------------------

export function previewRosterCsv(ctx: ServiceContext, roster: RosterKind, text: string): ImportPreview {
  return previewRosterImport(ctx, ROSTER_CSV[roster], text);
}

/** All or nothing; an entry already on the roster (same phone, unit, block…) is updated, never added twice. */
export function commitRosterCsv(ctx: ServiceContext, roster: RosterKind, text: string): ImportCommitResult {
  return commitRosterImport(ctx, ROSTER_CSV[roster], text);
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
    return { fileName: `media-teams-${date}.csv`, text: csv([...TEAM_COLUMNS], data), rows: rows.length };
  }
  if (roster === 'whatsapp') {
    const rows = listWhatsappGroups(ctx.db);
    const data = rows.map((g) => [g.name, g.level, getUnit(ctx.db, g.unitId)?.code ?? '', g.purpose ?? '', g.admins.join('; '), g.memberCount ?? '', g.inviteLink ?? '', g.lastUpdate ?? '']);
    return { fileName: `whatsapp-groups-${date}.csv`, text: csv([...WHATSAPP_COLUMNS], data), rows: rows.length };
  }
  if (roster === 'controlRooms') {
    const rooms = controlRoomsByPc(ctx.db);
    const rows = listControlRooms(ctx);
    const data = rows.map((r) => [r.pcNo ?? '', r.nameEn, r.setUp ? 'yes' : 'no', r.address ?? '', r.openedOn ?? '', r.staff.map((s) => `${s.name} (${s.role}, ${s.shift})`).join('; '), (rooms.get(r.pcUnitId)?.phoneLines ?? []).join('; ')]);
    return { fileName: `control-rooms-${date}.csv`, text: csv([...CONTROL_ROOM_COLUMNS], data), rows: rows.length };
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
    return { fileName: `speakers-${date}.csv`, text: csv([...SPEAKER_COLUMNS], data), rows: rows.length };
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
  return { fileName: `party-offices-${date}.csv`, text: csv([...OFFICE_COLUMNS], data), rows: list.rows.length };
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

export function getTeamCoverage(ctx: ServiceContext): TeamCoverageView[] {
  return teamCoverage(ctx.db);
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
  input: { pcUnitId: string; setUp: boolean; address?: string; openedOn?: string; staff: { name: string; role: string; shift: string }[]; phoneLines?: string[] },
): ControlRoomRow {
  const user = requireUser(ctx);
  const pc = getUnit(ctx.db, input.pcUnitId);
  if (!pc || pc.level !== 'pc') throw new AppError('not_found', 'That Lok Sabha does not exist. Choose one from the list.', 'pcUnitId');
  if (input.openedOn && input.openedOn > istDate(ctx)) throw new AppError('invalid_input', 'The opening date is in the future.', 'openedOn');
  const existing = controlRoomsByPc(ctx.db).get(pc.id);
  // Keep the stored lines when the form did not send any: the renderer only ever sees them masked, so an edit
  // of the address must not wipe them. An explicit empty list removes them.
  const lines = input.phoneLines ? input.phoneLines.map((p) => p.replace(/[\s-]/g, '')) : (existing?.phoneLines ?? []);
  if (lines.some((p) => !/^\+?[0-9]{6,13}$/.test(p))) throw new AppError('invalid_input', 'A phone line is not a number (6 to 13 digits).', 'phoneLines');
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
