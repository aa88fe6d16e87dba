import type { Db } from '../connection';

export interface StoredOffice {
  id: string;
  blockId: string;
  exists: boolean;
  address: string | null;
  lat: number | null;
  lon: number | null;
  tenure: 'owned' | 'rented' | null;
  openedOn: string | null;
}

interface OfficeRow {
  id: string;
  block_id: string;
  has_office: number;
  address: string | null;
  lat: number | null;
  lon: number | null;
  tenure: string | null;
  opened_on: string | null;
}

const toOffice = (r: OfficeRow): StoredOffice => ({
  id: r.id,
  blockId: r.block_id,
  exists: r.has_office === 1,
  address: r.address,
  lat: r.lat,
  lon: r.lon,
  tenure: r.tenure as StoredOffice['tenure'],
  openedOn: r.opened_on,
});

const OFFICE_COLS = 'id, block_id, has_office, address, lat, lon, tenure, opened_on';

export function officeOfBlock(db: Db, blockId: string): StoredOffice | null {
  const r = db.prepare(`SELECT ${OFFICE_COLS} FROM party_offices WHERE block_id = ? AND deleted = 0`).get(blockId) as OfficeRow | undefined;
  return r ? toOffice(r) : null;
}

/** Every live office row, keyed by block id (a few hundred rows state-wide). */
export function officesByBlock(db: Db): Map<string, StoredOffice> {
  const rows = db.prepare(`SELECT ${OFFICE_COLS} FROM party_offices WHERE deleted = 0`).all() as OfficeRow[];
  return new Map(rows.map((r) => [r.block_id, toOffice(r)]));
}

export interface StoredSpeaker {
  id: string;
  nameEn: string | null;
  nameHi: string | null;
  phone: string | null;
  languages: string[];
  topics: string[];
  level: 'state' | 'pc' | 'district';
  unitId: string | null;
  availability: string | null;
  rating: number | null;
  acNo: number | null;
  districtCode: string | null;
}

interface SpeakerRow {
  id: string;
  name_en: string | null;
  name_hi: string | null;
  phone: string | null;
  languages: string;
  topics: string;
  level: string;
  unit_id: string | null;
  availability: string | null;
  rating: number | null;
  ac_no: number | null;
  district_code: string | null;
}

const parseList = (s: string | null): string[] => {
  try {
    const v: unknown = JSON.parse(s ?? '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

const toSpeaker = (r: SpeakerRow): StoredSpeaker => ({
  id: r.id,
  nameEn: r.name_en,
  nameHi: r.name_hi,
  phone: r.phone,
  languages: parseList(r.languages),
  topics: parseList(r.topics),
  level: r.level as StoredSpeaker['level'],
  unitId: r.unit_id,
  availability: r.availability,
  rating: r.rating,
  acNo: r.ac_no,
  districtCode: r.district_code,
});

export function listSpeakers(db: Db): StoredSpeaker[] {
  return (
    db
      .prepare(
        `SELECT id, name_en, name_hi, phone, languages, topics, level, unit_id, availability, rating, ac_no, district_code
         FROM speakers WHERE deleted = 0 ORDER BY coalesce(name_en, name_hi), id`,
      )
      .all() as SpeakerRow[]
  ).map(toSpeaker);
}

export function speakerIdByPhone(db: Db, phone: string): string | null {
  const r = db.prepare(`SELECT id FROM speakers WHERE phone = ? AND deleted = 0`).get(phone) as { id: string } | undefined;
  return r?.id ?? null;
}

// --- media / social-media teams, WhatsApp groups, control rooms -----------------------------------------

export interface StoredTeamMember {
  id: string;
  team: 'media' | 'social_media';
  unitId: string;
  nameEn: string | null;
  nameHi: string | null;
  role: string | null;
  phone: string | null;
  handles: Record<string, string>;
}

function parseObject(s: string | null): Record<string, string> {
  try {
    const v: unknown = JSON.parse(s ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : {};
  } catch {
    return {};
  }
}

export interface StoredTeamCoverage {
  level: 'pc' | 'district' | 'block';
  total: number;
  media: number;
  socialMedia: number;
  both: number;
}

/** Per level (Lok Sabha, district, block): open units, and those with a media team, a social-media team, both. */
export function teamCoverage(db: Db): StoredTeamCoverage[] {
  return db
    .prepare(
      `WITH has AS (
         SELECT u.level,
                EXISTS (SELECT 1 FROM team_members t WHERE t.unit_id = u.id AND t.team = 'media' AND t.deleted = 0) AS media,
                EXISTS (SELECT 1 FROM team_members t WHERE t.unit_id = u.id AND t.team = 'social_media' AND t.deleted = 0) AS social
         FROM org_units u
         WHERE u.level IN ('pc', 'district', 'block') AND u.deleted = 0 AND u.closed = 0
       )
       SELECT level, count(*) AS total, sum(media) AS media, sum(social) AS socialMedia, sum(media AND social) AS both
       FROM has GROUP BY level
       ORDER BY CASE level WHEN 'pc' THEN 0 WHEN 'district' THEN 1 ELSE 2 END`,
    )
    .all() as StoredTeamCoverage[];
}

export function listTeamMembers(db: Db): StoredTeamMember[] {
  const rows = db
    .prepare(`SELECT id, team, unit_id, name_en, name_hi, role, phone, handles FROM team_members WHERE deleted = 0 ORDER BY team, coalesce(name_en, name_hi), id`)
    .all() as { id: string; team: string; unit_id: string; name_en: string | null; name_hi: string | null; role: string | null; phone: string | null; handles: string }[];
  return rows.map((r) => ({
    id: r.id,
    team: r.team as StoredTeamMember['team'],
    unitId: r.unit_id,
    nameEn: r.name_en,
    nameHi: r.name_hi,
    role: r.role,
    phone: r.phone,
    handles: parseObject(r.handles),
  }));
}

export interface StoredWhatsappGroup {
  id: string;
  name: string;
  level: string;
  unitId: string;
  purpose: string | null;
  admins: string[];
  memberCount: number | null;
  inviteLink: string | null;
  lastUpdate: string | null;
}

export function listWhatsappGroups(db: Db): StoredWhatsappGroup[] {
  const rows = db
    .prepare(`SELECT id, name, level, unit_id, purpose, admins, member_count, invite_link, last_update FROM whatsapp_groups WHERE deleted = 0 ORDER BY name, id`)
    .all() as { id: string; name: string; level: string; unit_id: string; purpose: string | null; admins: string; member_count: number | null; invite_link: string | null; last_update: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level,
    unitId: r.unit_id,
    purpose: r.purpose,
    admins: parseList(r.admins),
    memberCount: r.member_count,
    inviteLink: r.invite_link,
    lastUpdate: r.last_update,
  }));
}

export interface StoredControlRoom {
  id: string;
  pcUnitId: string;
  setUp: boolean;
  address: string | null;
  openedOn: string | null;
  staff: { name: string; role: string; shift: string }[];
  phoneLines: string[];
}

export function controlRoomsByPc(db: Db): Map<string, StoredControlRoom> {
  const rows = db
    .prepare(`SELECT id, pc_unit_id, set_up, address, opened_on, staff, phone_lines FROM control_rooms WHERE deleted = 0`)
    .all() as { id: string; pc_unit_id: string; set_up: number; address: string | null; opened_on: string | null; staff: string; phone_lines: string }[];
  return new Map(
    rows.map((r) => {
      let staff: StoredControlRoom['staff'] = [];
      try {
        const v: unknown = JSON.parse(r.staff);
        if (Array.isArray(v)) staff = v.map((s: { name?: unknown; role?: unknown; shift?: unknown }) => ({ name: String(s?.name ?? ''), role: String(s?.role ?? ''), shift: String(s?.shift ?? '') }));
      } catch {
        staff = [];
      }
      return [r.pc_unit_id, { id: r.id, pcUnitId: r.pc_unit_id, setUp: r.set_up === 1, address: r.address, openedOn: r.opened_on, staff, phoneLines: parseList(r.phone_lines) }];
    }),
  );
}
