import type { Db } from '../connection';

export interface StoredMeeting {
  id: string;
  heldOn: string;
  level: string;
  unitId: string;
  chair: string | null;
  mode: 'in_person' | 'virtual';
  attendees: { name: string; role: string }[];
  agenda: string | null;
  minutes: string | null;
}

interface MeetingRow {
  id: string;
  held_on: string;
  level: string;
  unit_id: string;
  chair: string | null;
  mode: string;
  attendees: string;
  agenda: string | null;
  minutes: string | null;
}

function parseAttendees(s: string): { name: string; role: string }[] {
  try {
    const v: unknown = JSON.parse(s);
    if (!Array.isArray(v)) return [];
    return v.map((a: { name?: unknown; role?: unknown }) => ({ name: String(a?.name ?? ''), role: String(a?.role ?? '') }));
  } catch {
    return [];
  }
}

const toMeeting = (r: MeetingRow): StoredMeeting => ({
  id: r.id,
  heldOn: r.held_on,
  level: r.level,
  unitId: r.unit_id,
  chair: r.chair,
  mode: r.mode as StoredMeeting['mode'],
  attendees: parseAttendees(r.attendees),
  agenda: r.agenda,
  minutes: r.minutes,
});

const MEETING_COLS = 'id, held_on, level, unit_id, chair, mode, attendees, agenda, minutes';

export function listMeetings(db: Db): StoredMeeting[] {
  return (db.prepare(`SELECT ${MEETING_COLS} FROM meetings WHERE deleted = 0 ORDER BY held_on DESC, id DESC`).all() as MeetingRow[]).map(toMeeting);
}

export function getMeeting(db: Db, id: string): StoredMeeting | null {
  const r = db.prepare(`SELECT ${MEETING_COLS} FROM meetings WHERE id = ? AND deleted = 0`).get(id) as MeetingRow | undefined;
  return r ? toMeeting(r) : null;
}

/** Meeting dates per unit (for the "a meeting held at this unit" rule). */
export function meetingsByUnit(db: Db): Map<string, { id: string; heldOn: string }[]> {
  const rows = db.prepare(`SELECT id, unit_id, held_on FROM meetings WHERE deleted = 0`).all() as { id: string; unit_id: string; held_on: string }[];
  const m = new Map<string, { id: string; heldOn: string }[]>();
  for (const r of rows) {
    const list = m.get(r.unit_id) ?? [];
    list.push({ id: r.id, heldOn: r.held_on });
    m.set(r.unit_id, list);
  }
  return m;
}

export interface StoredDirective {
  id: string;
  meetingId: string;
  textEn: string | null;
  textHi: string | null;
  targetLevel: 'district' | 'pc' | 'ac' | 'block';
  /** null = every unit of the level. */
  targetUnitIds: string[] | null;
  deadlineDate: string | null;
  deadlineDays: number | null;
  doneRule: 'manual' | 'party_office' | 'media_committee' | 'meeting_held';
}

interface DirectiveRow {
  id: string;
  meeting_id: string;
  text_en: string | null;
  text_hi: string | null;
  target_level: string;
  target_unit_ids: string | null;
  deadline_date: string | null;
  deadline_days: number | null;
  done_rule: string;
}

const toDirective = (r: DirectiveRow): StoredDirective => ({
  id: r.id,
  meetingId: r.meeting_id,
  textEn: r.text_en,
  textHi: r.text_hi,
  targetLevel: r.target_level as StoredDirective['targetLevel'],
  targetUnitIds: r.target_unit_ids ? (JSON.parse(r.target_unit_ids) as string[]) : null,
  deadlineDate: r.deadline_date,
  deadlineDays: r.deadline_days,
  doneRule: r.done_rule as StoredDirective['doneRule'],
});

const DIRECTIVE_COLS = 'd.id, d.meeting_id, d.text_en, d.text_hi, d.target_level, d.target_unit_ids, d.deadline_date, d.deadline_days, d.done_rule';

export function listDirectives(db: Db): StoredDirective[] {
  return (
    db
      .prepare(
        `SELECT ${DIRECTIVE_COLS} FROM directives d JOIN meetings m ON m.id = d.meeting_id AND m.deleted = 0
         WHERE d.deleted = 0 ORDER BY m.held_on DESC, d.id`,
      )
      .all() as DirectiveRow[]
  ).map(toDirective);
}

export function getDirective(db: Db, id: string): StoredDirective | null {
  const r = db.prepare(`SELECT ${DIRECTIVE_COLS} FROM directives d WHERE d.id = ? AND d.deleted = 0`).get(id) as DirectiveRow | undefined;
  return r ? toDirective(r) : null;
}

export interface StoredMark {
  id: string;
  directiveId: string;
  unitId: string;
  doneOn: string;
  note: string;
}

export function marksOfDirective(db: Db, directiveId: string): Map<string, StoredMark> {
  const rows = db
    .prepare(`SELECT id, directive_id, unit_id, done_on, note FROM directive_marks WHERE directive_id = ? AND deleted = 0`)
    .all(directiveId) as { id: string; directive_id: string; unit_id: string; done_on: string; note: string }[];
  return new Map(rows.map((r) => [r.unit_id, { id: r.id, directiveId: r.directive_id, unitId: r.unit_id, doneOn: r.done_on, note: r.note }]));
}

/** Media committees with their status and the Lok Sabha they sit in (for the media-committee rule). */
export function mediaCommitteesByPc(db: Db): Map<number, { status: string }[]> {
  const rows = db
    .prepare(
      `SELECT u.pc_no, c.status
       FROM committees c
       JOIN committee_kinds k ON k.id = c.kind_id AND k.category = 'media'
       JOIN org_units u ON u.id = c.unit_id
       WHERE c.deleted = 0 AND u.pc_no IS NOT NULL`,
    )
    .all() as { pc_no: number | null; status: string }[];
  const m = new Map<number, { status: string }[]>();
  for (const r of rows) {
    if (r.pc_no == null) continue;
    const list = m.get(r.pc_no) ?? [];
    list.push({ status: r.status });
    m.set(r.pc_no, list);
  }
  return m;
}
