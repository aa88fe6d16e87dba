/**
 * Directives issued in review meetings and the compliance rules over them. Pure: the state works in
 * India Standard Time, so "today" and every deadline are IST calendar dates (YYYY-MM-DD), and a
 * deadline day counts as on time until IST midnight at its end.
 */

export const DIRECTIVE_TARGET_LEVELS = ['district', 'pc', 'ac', 'block'] as const;
export type DirectiveTargetLevel = (typeof DIRECTIVE_TARGET_LEVELS)[number];

/**
 * What counts as done. `manual`: an operator marks a unit done with evidence. The others are computed
 * from the data and can never be typed:
 * - `party_office`: the block has a party office (exists = yes) in the office roster;
 * - `media_committee`: a media committee is declared (or verified) at the Lok Sabha unit itself or at any
 *   unit inside it (its ACs, blocks, mandals …) — a Lok Sabha "has" a media committee wherever it sits;
 * - `meeting_held`: a meeting was recorded at the unit on or after the directive's meeting date.
 */
export const DONE_RULES = ['manual', 'party_office', 'media_committee', 'meeting_held'] as const;
export type DoneRule = (typeof DONE_RULES)[number];

export const COMPLIANCE_STATUSES = ['pending', 'done', 'overdue'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export const MEETING_MODES = ['in_person', 'virtual'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const MEETING_LEVELS = ['state', 'pc', 'district', 'block', 'mandal', 'panchayat'] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];

export type Deadline = { type: 'date'; date: string } | { type: 'days'; days: number };

const IST_OFFSET_MS = 330 * 60 * 1000;
const DAY_MS = 86_400_000;

/** The IST calendar date of an instant. */
export function istDateOf(ms: number): string {
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10);
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Calendar arithmetic on YYYY-MM-DD (UTC noon avoids any DST-style surprises; IST has none anyway). */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T12:00:00Z`) + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / DAY_MS);
}

/** The last day on which the directive is on time: a fixed date, or the meeting date + N days. */
export function deadlineDate(deadline: Deadline, meetingDate: string): string {
  return deadline.type === 'date' ? deadline.date : addDays(meetingDate, deadline.days);
}

export interface UnitCompliance {
  status: ComplianceStatus;
  /** Days past the deadline (0 unless overdue). */
  daysOverdue: number;
  /** Days left until the deadline (negative when overdue). */
  daysLeft: number;
}

/** Status of one unit: done wins; otherwise overdue from the day after the deadline (IST), else pending. */
export function complianceOf(done: boolean, deadline: string, today: string): UnitCompliance {
  const daysLeft = daysBetween(today, deadline);
  if (done) return { status: 'done', daysOverdue: 0, daysLeft };
  if (daysLeft < 0) return { status: 'overdue', daysOverdue: -daysLeft, daysLeft };
  return { status: 'pending', daysOverdue: 0, daysLeft };
}

/** How far ahead the due-soon list and the header's reminder look. */
export const DUE_SOON_DAYS = 7;

/** A pending item whose deadline is within `withinDays` days (the in-app reminder). */
export function isDueSoon(c: UnitCompliance, withinDays = DUE_SOON_DAYS): boolean {
  return c.status === 'pending' && c.daysLeft <= withinDays;
}

/**
 * The units a directive applies to: every unit of its level (`targetUnitIds` null) or only the chosen ones —
 * chosen ids that are not live units of the level (closed, removed, another level) count for nothing — and of
 * those, the ones inside the scope being looked at.
 */
export function selectTargetUnits<U extends { id: string }>(unitsOfLevel: readonly U[], targetUnitIds: readonly string[] | null, inScope: (u: U) => boolean = () => true): U[] {
  const wanted = targetUnitIds ? new Set(targetUnitIds) : null;
  return unitsOfLevel.filter((u) => (!wanted || wanted.has(u.id)) && inScope(u));
}

/** One colour for a unit several directives apply to: any overdue makes it overdue, else any pending, else done. */
export function worstStatus(statuses: readonly ComplianceStatus[]): ComplianceStatus {
  if (statuses.includes('overdue')) return 'overdue';
  if (statuses.includes('pending')) return 'pending';
  return 'done';
}

/** done ÷ all, as a whole percentage; null when nothing is targeted. */
export function compliancePct(counts: { done: number; total: number }): number | null {
  return counts.total === 0 ? null : Math.round((100 * counts.done) / counts.total);
}

// --- the pure part of each computed "done" rule -------------------------------------------------------

/** `party_office`: the block's office row says an office exists. */
export function partyOfficeDone(office: { exists: boolean } | null | undefined): boolean {
  return Boolean(office?.exists);
}

/** `media_committee`: any media committee in the Lok Sabha declared or verified (not dissolved, not merely planned). */
export function mediaCommitteeDone(committees: readonly { status: string }[]): boolean {
  return committees.some((c) => c.status === 'declared' || c.status === 'verified');
}

/**
 * `meeting_held`: a meeting at the unit held on or after the directive's meeting and not in the future;
 * the meeting that issued the directive does not count for itself.
 */
export function meetingHeldDone(
  meetings: readonly { id: string; heldOn: string }[],
  directive: { meetingId: string; meetingDate: string },
  today: string,
): boolean {
  return meetings.some((m) => m.id !== directive.meetingId && m.heldOn >= directive.meetingDate && m.heldOn <= today);
}
