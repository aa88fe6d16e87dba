import {
  complianceOf,
  compliancePct,
  deadlineDate,
  DUE_SOON_DAYS,
  isDueSoon,
  mediaCommitteeDone,
  meetingHeldDone,
  partyOfficeDone,
  selectTargetUnits,
  worstStatus,
  type Deadline,
  type DirectiveTargetLevel,
  type DoneRule,
  type MeetingLevel,
  type MeetingMode,
} from '../../../shared/domain/directives';
import type {
  AreaFigure,
  BlockCompliance,
  ComplianceCounts,
  ComplianceData,
  ComplianceItem,
  ComplianceReminders,
  DirectiveDetail,
  DirectiveUnitStatus,
  DirectiveView,
  MeetingView,
} from '../../../shared/ipc/views';
import {
  getDirective,
  getMeeting,
  listDirectives,
  listMeetings,
  marksOfDirective,
  mediaCommitteesByPc,
  meetingsByUnit,
  type StoredDirective,
  type StoredMeeting,
  type StoredMark,
} from '../db/repositories/meetings';
import { getUnit, unitsOfLevel, type StoredUnit } from '../db/repositories/orgUnits';
import { officesByBlock, type StoredOffice } from '../db/repositories/rosters';
import { insertRow, newId, upsertRow } from '../sync/writer';
import { AppError } from './AppError';
import { inChange, istDate, requireUser, type ServiceContext } from './context';

export type ComplianceScope = { type: 'state' } | { type: 'pc'; pcNo: number } | { type: 'district'; districtCode: string };

/** Which done rules make sense at which target level: the computed ones read data that exists only there. */
const RULE_LEVELS: Record<DoneRule, readonly DirectiveTargetLevel[]> = {
  manual: ['district', 'pc', 'ac', 'block'],
  party_office: ['block'],
  media_committee: ['pc'],
  meeting_held: ['district', 'pc', 'ac', 'block'],
};

interface DirectiveInput {
  textEn?: string;
  textHi?: string;
  targetLevel: DirectiveTargetLevel;
  targetUnitIds?: string[];
  deadline: Deadline;
  doneRule: DoneRule;
}

export interface MeetingInput {
  heldOn: string;
  level: MeetingLevel;
  unitId: string;
  chair?: string;
  mode: MeetingMode;
  attendees: { name: string; role: string }[];
  agenda?: string;
  minutes?: string;
  directives: DirectiveInput[];
}

/** The data the computed rules read, loaded once per request (a few thousand rows at most). */
class RuleData {
  private offices?: Map<string, StoredOffice>;
  private media?: Map<number, { status: string }[]>;
  private meetings?: Map<string, { id: string; heldOn: string }[]>;
  private marks = new Map<string, Map<string, StoredMark>>();
  private units = new Map<string, StoredUnit[]>();
  private meetingDates = new Map<string, string>();
  constructor(
    private readonly ctx: ServiceContext,
    readonly today: string,
  ) {}

  unitsOf(level: DirectiveTargetLevel): StoredUnit[] {
    let list = this.units.get(level);
    if (!list) {
      list = unitsOfLevel(this.ctx.db, level).filter((u) => !u.closed);
      this.units.set(level, list);
    }
    return list;
  }
  meetingDate(id: string): string {
    let d = this.meetingDates.get(id);
    if (d === undefined) {
      d = getMeeting(this.ctx.db, id)?.heldOn ?? this.today;
      this.meetingDates.set(id, d);
    }
    return d;
  }
  done(d: StoredDirective, unit: StoredUnit): { done: boolean; evidence: string | null } {
    switch (d.doneRule) {
      case 'party_office':
        this.offices ??= officesByBlock(this.ctx.db);
        return { done: partyOfficeDone(this.offices.get(unit.id)), evidence: null };
      case 'media_committee':
        this.media ??= mediaCommitteesByPc(this.ctx.db);
        return { done: mediaCommitteeDone(unit.pcNo == null ? [] : (this.media.get(unit.pcNo) ?? [])), evidence: null };
      case 'meeting_held':
        this.meetings ??= meetingsByUnit(this.ctx.db);
        return {
          done: meetingHeldDone(this.meetings.get(unit.id) ?? [], { meetingId: d.meetingId, meetingDate: this.meetingDate(d.meetingId) }, this.today),
          evidence: null,
        };
      case 'manual': {
        let marks = this.marks.get(d.id);
        if (!marks) {
          marks = marksOfDirective(this.ctx.db, d.id);
          this.marks.set(d.id, marks);
        }
        const m = marks.get(unit.id);
        return { done: Boolean(m && m.doneOn <= this.today), evidence: m?.note ?? null };
      }
    }
  }
}

/** ACs of the state: which districts a Lok Sabha touches and which Lok Sabhas a district touches. */
function scopeFilter(ctx: ServiceContext, scope: ComplianceScope | undefined): (u: StoredUnit) => boolean {
  if (!scope || scope.type === 'state') return () => true;
  const acs = unitsOfLevel(ctx.db, 'ac');
  if (scope.type === 'pc') {
    const districts = new Set(acs.filter((a) => a.pcNo === scope.pcNo).map((a) => a.districtCode));
    return (u) => (u.level === 'district' ? districts.has(u.districtCode) : u.pcNo === scope.pcNo);
  }
  const pcs = new Set(acs.filter((a) => a.districtCode === scope.districtCode).map((a) => a.pcNo));
  return (u) => (u.level === 'pc' ? pcs.has(u.pcNo) : u.districtCode === scope.districtCode);
}

function deadlineOf(d: StoredDirective): Deadline {
  return d.deadlineDate ? { type: 'date', date: d.deadlineDate } : { type: 'days', days: d.deadlineDays ?? 0 };
}

function evaluate(data: RuleData, d: StoredDirective, inScope: (u: StoredUnit) => boolean): { view: DirectiveView; units: (DirectiveUnitStatus & { unit: StoredUnit })[] } {
  const meetingDate = data.meetingDate(d.meetingId);
  const last = deadlineDate(deadlineOf(d), meetingDate);
  const units = selectTargetUnits(data.unitsOf(d.targetLevel), d.targetUnitIds, inScope).map((u) => {
    const { done, evidence } = data.done(d, u);
    const c = complianceOf(done, last, data.today);
    return {
      unit: u,
      unitId: u.id,
      code: u.code,
      nameEn: u.nameEn,
      nameHi: u.nameHi,
      districtCode: u.districtCode,
      pcNo: u.pcNo,
      status: c.status,
      daysOverdue: c.daysOverdue,
      daysLeft: c.daysLeft,
      evidence,
    };
  });
  const counts = countOf(units);
  return {
    view: {
      id: d.id,
      meetingId: d.meetingId,
      meetingDate,
      textEn: d.textEn,
      textHi: d.textHi,
      targetLevel: d.targetLevel,
      targetUnitIds: d.targetUnitIds,
      deadline: deadlineOf(d),
      deadlineDate: last,
      doneRule: d.doneRule,
      counts,
    },
    units,
  };
}

function countOf(units: readonly { status: string }[]): ComplianceCounts {
  const done = units.filter((u) => u.status === 'done').length;
  const overdue = units.filter((u) => u.status === 'overdue').length;
  return { total: units.length, done, overdue, pending: units.length - done - overdue, pct: compliancePct({ done, total: units.length }) };
}

function meetingView(ctx: ServiceContext, m: StoredMeeting, data: RuleData): MeetingView {
  const unit = getUnit(ctx.db, m.unitId);
  return {
    id: m.id,
    heldOn: m.heldOn,
    level: m.level,
    unitId: m.unitId,
    unitNameEn: unit?.nameEn ?? '',
    unitNameHi: unit?.nameHi ?? null,
    chair: m.chair,
    mode: m.mode,
    attendees: m.attendees,
    agenda: m.agenda,
    minutes: m.minutes,
    directives: listDirectives(ctx.db)
      .filter((d) => d.meetingId === m.id)
      .map((d) => evaluate(data, d, () => true).view),
  };
}

export function getMeetings(ctx: ServiceContext): MeetingView[] {
  const data = new RuleData(ctx, istDate(ctx));
  return listMeetings(ctx.db).map((m) => meetingView(ctx, m, data));
}

const MEETING_UNIT_LEVEL: Record<MeetingLevel, string> = {
  state: 'state',
  pc: 'pc',
  district: 'district',
  block: 'block',
  mandal: 'mandal',
  panchayat: 'panchayat',
};

export function createMeeting(ctx: ServiceContext, input: MeetingInput): MeetingView {
  const user = requireUser(ctx);
  const unit = getUnit(ctx.db, input.unitId);
  if (!unit) throw new AppError('not_found', 'That unit does not exist. Choose where the meeting was held.', 'unitId');
  if (unit.level !== MEETING_UNIT_LEVEL[input.level]) {
    throw new AppError('invalid_input', `A ${input.level} meeting is held at a ${input.level} unit; ${unit.nameEn} is a ${unit.level}.`, 'unitId');
  }
  if (input.heldOn > istDate(ctx)) throw new AppError('invalid_input', 'The meeting date is in the future. Record a meeting once it is held.', 'heldOn');
  if (input.directives.length > 0 && user.role === 'operator') {
    // Directives are written by the state office and the in-charges (DESIGN: "directives are written by the state office only" on sync).
    throw new AppError('forbidden', 'Only a state admin or an in-charge can record directives. Switch user, or record the meeting without them.');
  }
  input.directives.forEach((d, i) => {
    if (!RULE_LEVELS[d.doneRule].includes(d.targetLevel)) {
      throw new AppError('invalid_input', `Directive ${i + 1}: this "done" rule cannot be checked for ${d.targetLevel} units.`, `directives.${i}.doneRule`);
    }
    if (d.deadline.type === 'date' && d.deadline.date < input.heldOn) {
      throw new AppError('invalid_input', `Directive ${i + 1}: the deadline is before the meeting.`, `directives.${i}.deadline`);
    }
    for (const uid of d.targetUnitIds ?? []) {
      const u = getUnit(ctx.db, uid);
      if (!u || u.level !== d.targetLevel) {
        throw new AppError('invalid_input', `Directive ${i + 1}: one of the chosen units is not a ${d.targetLevel}.`, `directives.${i}.targetUnitIds`);
      }
    }
  });
  const id = newId();
  inChange(ctx, user.id, (w) => {
    insertRow(
      w,
      'meetings',
      id,
      {
        held_on: input.heldOn,
        level: input.level,
        unit_id: unit.id,
        chair: input.chair || null,
        mode: input.mode,
        attendees: JSON.stringify(input.attendees),
        agenda: input.agenda || null,
        minutes: input.minutes || null,
        ac_no: unit.acNo,
        district_code: unit.districtCode,
      },
      'meeting.create',
    );
    for (const d of input.directives) {
      insertRow(
        w,
        'directives',
        newId(),
        {
          meeting_id: id,
          text_en: d.textEn || null,
          text_hi: d.textHi || null,
          target_level: d.targetLevel,
          target_unit_ids: d.targetUnitIds ? JSON.stringify(d.targetUnitIds) : null,
          deadline_date: d.deadline.type === 'date' ? d.deadline.date : null,
          deadline_days: d.deadline.type === 'days' ? d.deadline.days : null,
          done_rule: d.doneRule,
          ac_no: unit.acNo,
          district_code: unit.districtCode,
        },
        'directive.create',
      );
    }
  });
  const m = getMeeting(ctx.db, id);
  if (!m) throw new AppError('internal', 'The meeting could not be saved. Try again.');
  return meetingView(ctx, m, new RuleData(ctx, istDate(ctx)));
}

export function getDirectiveDetail(ctx: ServiceContext, input: { id: string; scope?: ComplianceScope }): DirectiveDetail {
  const d = getDirective(ctx.db, input.id);
  if (!d) throw new AppError('not_found', 'That directive no longer exists. Reload the list.', 'id');
  const data = new RuleData(ctx, istDate(ctx));
  const { view, units } = evaluate(data, d, scopeFilter(ctx, input.scope));
  return { ...view, today: data.today, units: units.map(({ unit: _unit, ...rest }) => rest) };
}

/** Manual mark with evidence; only for directives whose "done" is a manual mark — computed ones follow the data. */
export function markDirectiveDone(ctx: ServiceContext, input: { directiveId: string; unitId: string; note: string }): DirectiveDetail {
  const user = requireUser(ctx);
  const d = getDirective(ctx.db, input.directiveId);
  if (!d) throw new AppError('not_found', 'That directive no longer exists. Reload the list.', 'directiveId');
  if (d.doneRule !== 'manual') {
    throw new AppError('conflict', 'This directive is checked from the data; record the office, committee or meeting itself instead of marking it.');
  }
  const unit = getUnit(ctx.db, input.unitId);
  if (!unit || unit.level !== d.targetLevel || (d.targetUnitIds && !d.targetUnitIds.includes(unit.id))) {
    throw new AppError('invalid_input', 'That unit is not one this directive applies to.', 'unitId');
  }
  const existing = marksOfDirective(ctx.db, d.id).get(unit.id);
  inChange(ctx, user.id, (w) => {
    const values = { directive_id: d.id, unit_id: unit.id, done_on: istDate(ctx), note: input.note, ac_no: unit.acNo, district_code: unit.districtCode };
    if (existing) upsertRow(w, 'directive_marks', existing.id, values, 'directive.mark');
    else insertRow(w, 'directive_marks', newId(), values, 'directive.mark');
  });
  return getDirectiveDetail(ctx, { id: d.id });
}

function toItem(v: DirectiveView, u: DirectiveUnitStatus): ComplianceItem {
  return {
    directiveId: v.id,
    textEn: v.textEn,
    textHi: v.textHi,
    unitId: u.unitId,
    code: u.code,
    nameEn: u.nameEn,
    nameHi: u.nameHi,
    pcNo: u.pcNo,
    deadlineDate: v.deadlineDate,
    daysOverdue: u.daysOverdue,
    daysLeft: u.daysLeft,
  };
}

/** How many tasks are due within a week and overdue in a scope: the header's reminder, counted as the compliance page's lists are. */
export function getComplianceReminders(ctx: ServiceContext, input: { scope: ComplianceScope }): ComplianceReminders {
  const today = istDate(ctx);
  const data = new RuleData(ctx, today);
  const inScope = scopeFilter(ctx, input.scope);
  let dueSoon = 0;
  let overdue = 0;
  for (const d of listDirectives(ctx.db)) {
    for (const u of evaluate(data, d, inScope).units) {
      if (u.status === 'overdue') overdue++;
      else if (isDueSoon({ status: u.status, daysOverdue: u.daysOverdue, daysLeft: u.daysLeft }, DUE_SOON_DAYS)) dueSoon++;
    }
  }
  return { scope: input.scope, today, dueSoon, overdue, withinDays: DUE_SOON_DAYS };
}

/** Compliance across every directive: totals, per Lok Sabha and per district (for the map), overdue and due-soon lists. */
export function getCompliance(ctx: ServiceContext, input: { scope: ComplianceScope }): ComplianceData {
  const today = istDate(ctx);
  const data = new RuleData(ctx, today);
  const inScope = scopeFilter(ctx, input.scope);
  const all: { view: DirectiveView; unit: StoredUnit; status: DirectiveUnitStatus }[] = [];
  const directives: DirectiveView[] = [];
  for (const d of listDirectives(ctx.db)) {
    const { view, units } = evaluate(data, d, () => true);
    const scoped = units.filter((u) => inScope(u.unit));
    directives.push({ ...view, counts: countOf(scoped) });
    for (const u of units) all.push({ view, unit: u.unit, status: u });
  }
  const scoped = all.filter((x) => inScope(x.unit));

  const areas = (level: 'pc' | 'district'): (AreaFigure & { overdue: number })[] =>
    unitsOfLevel(ctx.db, level).map((area) => {
      const mine = all.filter((x) => (level === 'pc' ? x.unit.pcNo === area.pcNo : x.unit.districtCode === area.districtCode));
      const c = countOf(mine.map((x) => x.status));
      return {
        featureId: level === 'pc' ? (area.pcNo ?? 0) : Number(area.districtCode),
        unitId: area.id,
        nameEn: area.nameEn,
        nameHi: area.nameHi,
        expected: c.total,
        declared: c.done,
        verified: c.done,
        done: c.done,
        pct: c.pct,
        overdue: c.overdue,
      };
    });

  const overdue = scoped
    .filter((x) => x.status.status === 'overdue')
    .map((x) => toItem(x.view, x.status))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.nameEn.localeCompare(b.nameEn));
  const dueSoon = scoped
    .filter((x) => isDueSoon({ status: x.status.status, daysOverdue: x.status.daysOverdue, daysLeft: x.status.daysLeft }, DUE_SOON_DAYS))
    .map((x) => toItem(x.view, x.status))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.nameEn.localeCompare(b.nameEn));

  const byBlock = new Map<string, { unit: StoredUnit; statuses: DirectiveUnitStatus[] }>();
  for (const x of all) {
    if (x.unit.level !== 'block' || x.unit.lat == null || x.unit.lon == null) continue;
    const entry = byBlock.get(x.unit.id) ?? { unit: x.unit, statuses: [] };
    entry.statuses.push(x.status);
    byBlock.set(x.unit.id, entry);
  }
  const blocks: BlockCompliance[] = [...byBlock.values()].map(({ unit, statuses }) => ({
    unitId: unit.id,
    code: unit.code,
    nameEn: unit.nameEn,
    nameHi: unit.nameHi,
    districtCode: unit.districtCode,
    lat: unit.lat ?? 0,
    lon: unit.lon ?? 0,
    status: worstStatus(statuses.map((s) => s.status)),
    counts: countOf(statuses),
  }));

  return {
    scope: input.scope,
    today,
    totals: countOf(scoped.map((x) => x.status)),
    blocks,
    byPc: areas('pc'),
    byDistrict: areas('district'),
    directives,
    overdue,
    dueSoon,
  };
}
