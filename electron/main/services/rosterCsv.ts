import { z } from 'zod';
import { isIsoDate } from '../../../shared/domain/directives';
import { normalisePhone } from '../../../shared/domain/personalData';
import type { RosterKind, SpeakerLevel } from '../../../shared/ipc/views';
import { getUnit, getUnitByCode, unitsOfLevel } from '../db/repositories/orgUnits';
import { controlRoomsByPc, listSpeakers, listTeamMembers, listWhatsappGroups, officesByBlock } from '../db/repositories/rosters';
import { istDate, type ServiceContext } from './context';
import { refuse, type RosterCsvSpec, type RowValues } from './import/rosterImport';

/**
 * The CSV form of each roster: the columns its export writes and its import reads, one zod schema per row, and
 * the key that recognises an entry already on the roster (so importing the same file twice adds nothing).
 */

const text = (max: number, label: string) => z.string().max(max, { error: `"${label}" is longer than ${max} characters.` });
const optional = (max: number, label: string) => text(max, label).transform((s) => s || null);

const list = (s: string): string[] =>
  s
    .split(/[;|]/)
    .map((x) => x.trim())
    .filter(Boolean);

const phone = (what: string) =>
  z.string().transform((s, ctx) => {
    if (!s) return null;
    // The message never repeats the number: phone numbers are personal data and errors get logged and shown.
    return normalisePhone(s) ?? refuse(ctx, 'invalid_phone', `the ${what} is not a 10-digit Indian mobile number.`);
  });

const date = (label: string) =>
  z.string().transform((s, ctx) => {
    if (!s) return null;
    return isIsoDate(s) ? s : refuse(ctx, 'invalid_date', `"${label}" is not a date in the form YYYY-MM-DD.`);
  });

const YES = new Set(['yes', 'y', '1', 'true', 'हाँ', 'हां']);
const NO = new Set(['no', 'n', '0', 'false', 'नहीं', '']);
const yesNo = (label: string) =>
  z.string().transform((s, ctx) => {
    const v = s.toLowerCase();
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    return refuse(ctx, 'invalid_yes_no', `write yes or no in "${label}".`);
  });

const number = (label: string, min: number, max: number, integer: boolean) =>
  z.string().transform((s, ctx) => {
    if (!s) return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      return refuse(ctx, integer ? 'invalid_number' : 'invalid_location', `"${label}" must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`);
    }
    return n;
  });

/** Checks across cells; `when` makes them run even when another cell of the row is refused, so every fault is listed at once. */
const always = () => true;
const nameRequired = (whose: string) => ({ path: ['name_en'], message: `enter ${whose} name in Hindi or English.`, params: { reason: 'required' }, when: always });
const bothCoordinates = (missing: 'lat' | 'lon') => ({ path: [missing], message: 'give both latitude and longitude, or neither.', params: { reason: 'invalid_location' }, when: always });

type Unit = NonNullable<ReturnType<typeof getUnitByCode>>;

function unitByCode(ctx: ServiceContext, code: string, field: string, levels: readonly string[]): Unit | { field: string; reason: 'unknown_unit' | 'level_mismatch'; message: string } {
  const unit = getUnitByCode(ctx.db, code);
  if (!unit) return { field, reason: 'unknown_unit', message: `no unit has the code "${code}". Use the codes of the unit export.` };
  if (!levels.includes(unit.level)) return { field, reason: 'level_mismatch', message: `"${code}" is a ${unit.level}; this roster takes a ${levels.join(', ')}.` };
  return unit;
}

const lower = (v: unknown) => String(v ?? '').toLowerCase();

// --- speakers --------------------------------------------------------------------------------------------

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

export function speakerValues(s: {
  nameEn: string | null;
  nameHi: string | null;
  phone: string | null;
  languages: string[];
  topics: string[];
  level: SpeakerLevel;
  availability: string | null;
  rating: number | null;
}): RowValues {
  return {
    name_en: s.nameEn || null,
    name_hi: s.nameHi || null,
    phone: s.phone,
    languages: JSON.stringify(s.languages),
    topics: JSON.stringify(s.topics),
    level: s.level,
    availability: s.availability || null,
    rating: s.rating,
  };
}

const speakerRow = z
  .object({
    name_en: optional(120, 'name_en'),
    name_hi: optional(120, 'name_hi'),
    phone: phone('phone'),
    languages: z.string().transform(list),
    topics: z.string().transform(list),
    level: z.string().transform((s, ctx) => SPEAKER_LEVEL_ALIASES[s.toLowerCase()] ?? refuse(ctx, 'invalid_speaker_level', 'the level must be state, pc (Lok Sabha) or district.')),
    availability: optional(200, 'availability'),
    rating: z.string().transform((s, ctx) => {
      if (!s) return null;
      const n = Number(s);
      return Number.isInteger(n) && n >= 1 && n <= 5 ? n : refuse(ctx, 'invalid_rating', 'the rating must be a whole number from 1 to 5.');
    }),
  })
  .refine((r) => Boolean(r.name_en || r.name_hi), nameRequired("the speaker's"));

export const speakersCsv: RosterCsvSpec<z.infer<typeof speakerRow>> = {
  roster: 'speakers',
  table: 'speakers',
  columns: SPEAKER_COLUMNS,
  requiredColumns: [['level'], ['name_en', 'name_hi']],
  rowSchema: speakerRow,
  toValues: (_ctx, r) => ({
    values: speakerValues({ nameEn: r.name_en, nameHi: r.name_hi, phone: r.phone, languages: r.languages, topics: r.topics, level: r.level, availability: r.availability, rating: r.rating }),
  }),
  // A speaker is recognised by phone number; one without a phone by name and level.
  identity: (v) => (v.phone ? { key: `phone:${String(v.phone)}`, field: 'phone' } : { key: `name:${lower(v.name_en)}|${lower(v.name_hi)}|${String(v.level)}`, field: 'name_en' }),
  existing: (ctx) => listSpeakers(ctx.db).map((s) => ({ id: s.id, values: speakerValues(s) })),
  actions: { create: 'speaker.create', update: 'speaker.update' },
};

// --- media / social-media team members ---------------------------------------------------------------------

export const TEAM_COLUMNS = ['team', 'unit_code', 'name_en', 'name_hi', 'role', 'phone', 'handles'] as const;
const TEAM_ALIASES: Record<string, 'media' | 'social_media'> = {
  media: 'media',
  'मीडिया': 'media',
  social_media: 'social_media',
  'social media': 'social_media',
  social: 'social_media',
  'सोशल मीडिया': 'social_media',
};
const TEAM_UNIT_LEVELS = ['state', 'pc', 'district', 'block'] as const;

/** "facebook:page; x:@handle" → { facebook: 'page', x: '@handle' }. */
export function parseHandles(s: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const item of list(s)) {
    const at = item.indexOf(':');
    const k = item.slice(0, at).trim().toLowerCase();
    const v = item.slice(at + 1).trim();
    if (at <= 0 || !k || !v) return null;
    out[k] = v;
  }
  return out;
}

const teamRow = z
  .object({
    team: z.string().transform((s, ctx) => TEAM_ALIASES[s.toLowerCase().replace(/_/g, ' ')] ?? TEAM_ALIASES[s.toLowerCase()] ?? refuse(ctx, 'invalid_team', 'the team must be media or social_media.')),
    unit_code: z.string().transform((s, ctx) => s || refuse(ctx, 'required', 'enter the code of the Lok Sabha, district or block the member works for.')),
    name_en: optional(120, 'name_en'),
    name_hi: optional(120, 'name_hi'),
    role: optional(80, 'role'),
    phone: phone('phone'),
    handles: z.string().transform((s, ctx) => parseHandles(s) ?? refuse(ctx, 'invalid_handles', 'write the handles as platform:handle, separated by ";" (e.g. "facebook:bjp.ranchi; x:@bjpranchi").')),
  })
  .refine((r) => Boolean(r.name_en || r.name_hi), nameRequired("the member's"));

const teamValues = (m: { team: string; unitId: string; nameEn: string | null; nameHi: string | null; role: string | null; phone: string | null; handles: Record<string, string> }, unit: { acNo: number | null; districtCode: string | null } | null): RowValues => ({
  team: m.team,
  unit_id: m.unitId,
  name_en: m.nameEn || null,
  name_hi: m.nameHi || null,
  role: m.role || null,
  phone: m.phone,
  handles: JSON.stringify(Object.fromEntries(Object.entries(m.handles).sort(([a], [b]) => a.localeCompare(b)))),
  ac_no: unit?.acNo ?? null,
  district_code: unit?.districtCode ?? null,
});

export const teamsCsv: RosterCsvSpec<z.infer<typeof teamRow>> = {
  roster: 'teams',
  table: 'team_members',
  columns: TEAM_COLUMNS,
  requiredColumns: [['team'], ['unit_code'], ['name_en', 'name_hi']],
  rowSchema: teamRow,
  toValues: (ctx, r) => {
    const unit = unitByCode(ctx, r.unit_code, 'unit_code', TEAM_UNIT_LEVELS);
    if (!('id' in unit)) return unit;
    return { values: teamValues({ team: r.team, unitId: unit.id, nameEn: r.name_en, nameHi: r.name_hi, role: r.role, phone: r.phone, handles: r.handles }, unit) };
  },
  // A member is recognised within a team of a unit by phone, else by name.
  identity: (v) => ({
    key: `${String(v.team)}|${String(v.unit_id)}|${v.phone ? `phone:${String(v.phone)}` : `name:${lower(v.name_en)}|${lower(v.name_hi)}`}`,
    field: v.phone ? 'phone' : 'name_en',
  }),
  existing: (ctx) => listTeamMembers(ctx.db).map((m) => ({ id: m.id, values: teamValues(m, getUnit(ctx.db, m.unitId) ?? null) })),
  actions: { create: 'team.add', update: 'team.update' },
};

// --- WhatsApp groups -----------------------------------------------------------------------------------------

export const WHATSAPP_COLUMNS = ['name', 'level', 'unit_code', 'purpose', 'admins', 'member_count', 'invite_link', 'last_update'] as const;

const whatsappRow = z.object({
  name: z.string().transform((s, ctx) => (s.length > 120 ? refuse(ctx, 'too_long', '"name" is longer than 120 characters.') : s || refuse(ctx, 'required', 'enter the group name.'))),
  level: z.string(),
  unit_code: z.string().transform((s, ctx) => s || refuse(ctx, 'required', 'enter the code of the unit the group is for.')),
  purpose: optional(200, 'purpose'),
  admins: z.string().transform(list),
  member_count: number('member_count', 0, 100_000, true),
  invite_link: z.string().transform((s, ctx) => {
    if (!s) return null;
    return /^https:\/\/\S+$/.test(s) && s.length <= 300 ? s : refuse(ctx, 'invalid_link', 'the invite link must be a web address starting with https://.');
  }),
  last_update: date('last_update'),
});

const whatsappValues = (g: { name: string; unitId: string; purpose: string | null; admins: string[]; memberCount: number | null; inviteLink: string | null; lastUpdate: string | null }, unit: { level: string; acNo: number | null; districtCode: string | null } | null): RowValues => ({
  name: g.name,
  level: unit?.level ?? '',
  unit_id: g.unitId,
  purpose: g.purpose || null,
  admins: JSON.stringify(g.admins),
  member_count: g.memberCount,
  invite_link: g.inviteLink || null,
  last_update: g.lastUpdate,
  ac_no: unit?.acNo ?? null,
  district_code: unit?.districtCode ?? null,
});

export const whatsappCsv: RosterCsvSpec<z.infer<typeof whatsappRow>> = {
  roster: 'whatsapp',
  table: 'whatsapp_groups',
  columns: WHATSAPP_COLUMNS,
  requiredColumns: [['name'], ['unit_code']],
  rowSchema: whatsappRow,
  toValues: (ctx, r) => {
    const unit = unitByCode(ctx, r.unit_code, 'unit_code', ['state', 'pc', 'district', 'ac', 'block', 'mandal', 'panchayat']);
    if (!('id' in unit)) return unit;
    if (r.last_update && r.last_update > istDate(ctx)) return { field: 'last_update', reason: 'invalid_date', message: 'the last update is in the future.' };
    return { values: whatsappValues({ name: r.name, unitId: unit.id, purpose: r.purpose, admins: r.admins, memberCount: r.member_count, inviteLink: r.invite_link, lastUpdate: r.last_update }, unit) };
  },
  // A group is recognised by its name within its unit.
  identity: (v) => ({ key: `${String(v.unit_id)}|${lower(v.name)}`, field: 'name' }),
  existing: (ctx) => listWhatsappGroups(ctx.db).map((g) => ({ id: g.id, values: whatsappValues(g, getUnit(ctx.db, g.unitId) ?? null) })),
  actions: { create: 'whatsapp.add', update: 'whatsapp.update' },
};

// --- control rooms ----------------------------------------------------------------------------------------------

export const CONTROL_ROOM_COLUMNS = ['pc_no', 'lok_sabha', 'set_up', 'address', 'opened_on', 'staff', 'phone_lines'] as const;

/** "Name (role, shift); Name (role, shift)" — the export's form; role and shift may be left out. */
export function parseStaff(s: string): { name: string; role: string; shift: string }[] | null {
  const out: { name: string; role: string; shift: string }[] = [];
  for (const item of list(s)) {
    const m = /^([^()]+?)\s*(?:\(([^,()]*)(?:,([^()]*))?\))?$/.exec(item);
    if (!m) return null;
    out.push({ name: m[1].trim(), role: (m[2] ?? '').trim(), shift: (m[3] ?? '').trim() });
  }
  return out;
}

const controlRoomRow = z.object({
  pc_no: z.string().transform((s, ctx) => {
    const n = Number(s);
    return s && Number.isInteger(n) ? n : refuse(ctx, 'unknown_pc', 'enter the Lok Sabha number (1 to 14).');
  }),
  lok_sabha: z.string(),
  set_up: yesNo('set_up'),
  address: optional(300, 'address'),
  opened_on: date('opened_on'),
  staff: z.string().transform((s, ctx) => parseStaff(s) ?? refuse(ctx, 'invalid_staff', 'write the staff as "Name (role, shift)", separated by ";".')),
  phone_lines: z.string().transform((s, ctx) => {
    const lines = list(s).map((p) => p.replace(/[\s-]/g, ''));
    return lines.every((p) => /^\+?[0-9]{6,13}$/.test(p)) ? lines : refuse(ctx, 'invalid_phone', 'a phone line is not a number (6 to 13 digits).');
  }),
});

const controlRoomValues = (r: { pcUnitId: string; setUp: boolean; address: string | null; openedOn: string | null; staff: { name: string; role: string; shift: string }[]; phoneLines: string[] }): RowValues => ({
  pc_unit_id: r.pcUnitId,
  set_up: r.setUp ? 1 : 0,
  address: r.address || null,
  opened_on: r.openedOn,
  staff: JSON.stringify(r.staff),
  phone_lines: JSON.stringify(r.phoneLines),
  ac_no: null,
  district_code: null,
});

export const controlRoomsCsv: RosterCsvSpec<z.infer<typeof controlRoomRow>> = {
  roster: 'controlRooms',
  table: 'control_rooms',
  columns: CONTROL_ROOM_COLUMNS,
  requiredColumns: [['pc_no'], ['set_up']],
  rowSchema: controlRoomRow,
  toValues: (ctx, r) => {
    const pc = unitsOfLevel(ctx.db, 'pc').find((u) => u.pcNo === r.pc_no);
    if (!pc) return { field: 'pc_no', reason: 'unknown_pc', message: `there is no Lok Sabha number ${r.pc_no}.` };
    if (r.opened_on && r.opened_on > istDate(ctx)) return { field: 'opened_on', reason: 'invalid_date', message: 'the opening date is in the future.' };
    return { values: controlRoomValues({ pcUnitId: pc.id, setUp: r.set_up, address: r.address, openedOn: r.opened_on, staff: r.staff, phoneLines: r.phone_lines }) };
  },
  identity: (v) => ({ key: String(v.pc_unit_id), field: 'pc_no' }),
  existing: (ctx) => [...controlRoomsByPc(ctx.db).values()].map((r) => ({ id: r.id, values: controlRoomValues(r) })),
  isBlank: (v) => v.set_up === 0 && v.address === null && v.opened_on === null && v.staff === '[]' && v.phone_lines === '[]',
  actions: { create: 'controlRoom.create', update: 'controlRoom.update' },
};

// --- party offices -------------------------------------------------------------------------------------------

export const OFFICE_COLUMNS = ['block_code', 'block_name', 'has_office', 'address', 'lat', 'lon', 'tenure', 'opened_on'] as const;
const TENURES: Record<string, 'owned' | 'rented'> = { owned: 'owned', own: 'owned', 'अपना': 'owned', 'स्वयं का': 'owned', rented: 'rented', rent: 'rented', 'किराया': 'rented', 'किराये का': 'rented' };

const officeRow = z
  .object({
    block_code: z.string().transform((s, ctx) => s || refuse(ctx, 'required', 'enter the block code.')),
    block_name: z.string(),
    has_office: yesNo('has_office'),
    address: optional(300, 'address'),
    // Jharkhand lies within 21.9–25.4 °N, 83.3–87.9 °E; a wider box still catches swapped or mistyped values.
    lat: number('lat', 21, 26, false),
    lon: number('lon', 83, 88.5, false),
    tenure: z.string().transform((s, ctx) => (s ? (TENURES[s.toLowerCase()] ?? refuse(ctx, 'invalid_tenure', 'the tenure must be owned or rented.')) : null)),
    opened_on: date('opened_on'),
  })
  .refine((r) => !(typeof r.lat === 'number' && r.lon === null), bothCoordinates('lon'))
  .refine((r) => !(typeof r.lon === 'number' && r.lat === null), bothCoordinates('lat'));

const officeValues = (o: { blockId: string; exists: boolean; address: string | null; lat: number | null; lon: number | null; tenure: string | null; openedOn: string | null }, block: { acNo: number | null; districtCode: string | null } | null): RowValues =>
  o.exists
    ? { block_id: o.blockId, has_office: 1, address: o.address || null, lat: o.lat, lon: o.lon, tenure: o.tenure, opened_on: o.openedOn, ac_no: block?.acNo ?? null, district_code: block?.districtCode ?? null }
    : { block_id: o.blockId, has_office: 0, address: null, lat: null, lon: null, tenure: null, opened_on: null, ac_no: block?.acNo ?? null, district_code: block?.districtCode ?? null };

export const officesCsv: RosterCsvSpec<z.infer<typeof officeRow>> = {
  roster: 'offices',
  table: 'party_offices',
  columns: OFFICE_COLUMNS,
  requiredColumns: [['block_code'], ['has_office']],
  rowSchema: officeRow,
  toValues: (ctx, r) => {
    const block = unitByCode(ctx, r.block_code, 'block_code', ['block']);
    if (!('id' in block)) return block;
    if (r.has_office && r.opened_on && r.opened_on > istDate(ctx)) return { field: 'opened_on', reason: 'invalid_date', message: 'the opening date is in the future. Enter the day the office opened.' };
    return { values: officeValues({ blockId: block.id, exists: r.has_office, address: r.address, lat: r.lat, lon: r.lon, tenure: r.tenure, openedOn: r.opened_on }, block) };
  },
  identity: (v) => ({ key: String(v.block_id), field: 'block_code' }),
  existing: (ctx) => [...officesByBlock(ctx.db).values()].map((o) => ({ id: o.id, values: officeValues(o, getUnit(ctx.db, o.blockId) ?? null) })),
  isBlank: (v) => v.has_office === 0,
  actions: { create: 'office.create', update: 'office.update' },
};

/** Every roster's CSV form, by roster (`toValues` is a method, so each spec fits the common type). */
export const ROSTER_CSV: { [K in RosterKind]: RosterCsvSpec<unknown> } = {
  speakers: speakersCsv,
  teams: teamsCsv,
  whatsapp: whatsappCsv,
  controlRooms: controlRoomsCsv,
  offices: officesCsv,
};
