import ExcelJS from 'exceljs';
import { maskPhone, maySeePersonalData, normalisePhone } from '../../../../shared/domain/personalData';
import { parseIndianDate, type MemberField } from '../../../../shared/domain/membershipFormats';
import { scopeOf } from '../../../../shared/domain/membershipIntegrity';
import type {
  EnrollerView,
  MembershipArea,
  MembershipDashboard,
  MembershipFigure,
  ScheduleRow,
  WorkshopDetail,
  WorkshopView,
} from '../../../../shared/ipc/views';
import type { Db } from '../../db/connection';
import { writeGeneration } from '../../db/repositories/dashboard';
import { getMeta } from '../../db/repositories/meta';
import {
  attendanceId,
  attendanceOf,
  boothIdsInBlock,
  countOpenFindings,
  enrollerIdsByLogin,
  listBoothFacts,
  memberIdentityExists,
  memberOpenFindings,
  electorsByAc,
  listEnrollers,
  listWorkshops,
  memberGroupsByAc,
  membersByDay,
  membersByBooth,
  membersByEnroller,
  setTargetCodes,
  setTargets,
  targetIdOfUnit,
  type EnrollerRow,
  type MemberGroup,
} from '../../db/repositories/membership';
import { getUnitByCode, listUnitsByLevel, type StoredUnit } from '../../db/repositories/orgUnits';
import { insertRow, newId, upsertRow } from '../../sync/writer';
import { AppError } from '../AppError';
import { inChange, istDate, nowIso, requireStateAdmin, requireUser, type ServiceContext } from '../context';
import { updateFindings } from './findings';
import { checkMemberRow, memberValues, type MemberLookups } from './memberImport';

// ---------------------------------------------------------------------------------------------------
// Enrollers
// ---------------------------------------------------------------------------------------------------

function enrollerView(e: EnrollerRow, show: boolean): EnrollerView {
  return {
    id: e.id,
    name: e.name,
    phoneMasked: maskPhone(e.phone),
    phone: show ? e.phone : null,
    level: e.level,
    unitId: e.unitId,
    unitCode: e.unitCode,
    unitNameEn: e.unitNameEn,
    unitNameHi: e.unitNameHi,
    loginId: e.loginId,
    appointedBy: e.appointedBy,
    districtCode: e.districtCode,
    trained: e.trained,
  };
}

export function listEnrollerViews(ctx: ServiceContext, input: { districtCode?: string; pcNo?: number; untrainedOnly?: boolean }): EnrollerView[] {
  const user = requireUser(ctx);
  const show = maySeePersonalData(user.role);
  return listEnrollers(ctx.db, input).map((e) => enrollerView(e, show));
}

export function addEnroller(
  ctx: ServiceContext,
  input: { name: string; phone?: string; level: 'chief' | 'booth'; unitCode: string; loginId?: string; appointedBy?: string },
): EnrollerView {
  const user = requireUser(ctx);
  const unit = getUnitByCode(ctx.db, input.unitCode.trim().toUpperCase());
  if (!unit || unit.closed) throw new AppError('not_found', `There is no open unit "${input.unitCode}". Pick a district, assembly constituency or booth.`, 'unitCode');
  if (input.level === 'booth' && unit.level !== 'booth') throw new AppError('invalid_input', 'A booth-level enroller belongs to a booth: pick a booth code (BT-…).', 'unitCode');
  if (input.level === 'chief' && unit.level !== 'district' && unit.level !== 'ac') {
    throw new AppError('invalid_input', 'A chief enroller belongs to a district or an assembly constituency.', 'unitCode');
  }
  let phone: string | null = null;
  if (input.phone && !(phone = normalisePhone(input.phone))) throw new AppError('invalid_input', 'This is not a 10-digit Indian mobile number.', 'phone');
  const loginId = input.loginId?.trim().toUpperCase() || null;
  const id = newId();
  try {
    inChange(ctx, user.id, (w) =>
      insertRow(
        w,
        'enrollers',
        id,
        { name: input.name, phone, level: input.level, unit_id: unit.id, login_id: loginId, appointed_by: input.appointedBy?.trim() || null, ac_no: unit.acNo, district_code: unit.districtCode },
        'enroller.add',
      ),
    );
  } catch (err) {
    if (err instanceof Error && /UNIQUE/.test(err.message)) throw new AppError('conflict', `Another enroller already has the login id ${loginId}.`, 'loginId');
    throw err;
  }
  return listEnrollerViews(ctx, {}).find((e) => e.id === id)!;
}

const CHIEF_COLUMNS = ['District', 'District code', 'Unit', 'Name', 'Mobile', 'App login id', 'Appointed by', 'Trained'];

/**
 * The chief enrollers per district in the central office's format, CSV or XLSX. The numbers are exported
 * in full: the central office registers them in the app (the renderer says so before saving).
 */
export async function exportChiefEnrollers(ctx: ServiceContext, input: { format: 'csv' | 'xlsx'; districtCode?: string }): Promise<{ fileName: string; mime: string; text?: string; base64?: string; rows: number }> {
  requireUser(ctx);
  const districts = new Map(listUnitsByLevel(ctx.db, 'district').map((d) => [d.districtCode, d]));
  const rows = listEnrollers(ctx.db, { districtCode: input.districtCode })
    .filter((e) => e.level === 'chief')
    .map((e) => [districts.get(e.districtCode)?.nameEn ?? '', e.districtCode ?? '', e.unitNameEn, e.name, e.phone ?? '', e.loginId ?? '', e.appointedBy ?? '', e.trained ? 'yes' : 'no']);
  const base = `chief-enrollers${input.districtCode ? `-${input.districtCode}` : ''}-${istDate(ctx)}`;
  if (input.format === 'csv') {
    const q = (s: string) => {
      const v = /^[=+\-@]/.test(s) ? `'${s}` : s;
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    };
    const text = '\uFEFF' + [CHIEF_COLUMNS, ...rows].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
    return { fileName: `${base}.csv`, mime: 'text/csv', text, rows: rows.length };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Chief enrollers');
  sheet.addRow(CHIEF_COLUMNS).font = { bold: true };
  // Phones as text, so Excel does not turn them into 9.87654E+09.
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(5).numFmt = '@';
  const buf = await wb.xlsx.writeBuffer();
  return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: Buffer.from(buf as ArrayBuffer).toString('base64'), rows: rows.length };
}

// ---------------------------------------------------------------------------------------------------
// Workshops
// ---------------------------------------------------------------------------------------------------

export function listWorkshopViews(ctx: ServiceContext, input: { districtCode?: string }): WorkshopView[] {
  requireUser(ctx);
  return listWorkshops(ctx.db, input.districtCode);
}

/** Enrollers a workshop at this unit trains: those of the district / block's booths / the booth. */
function enrollersUnder(ctx: ServiceContext, unit: StoredUnit): EnrollerRow[] {
  const all = listEnrollers(ctx.db, { districtCode: unit.districtCode ?? undefined });
  if (unit.level === 'district') return all;
  if (unit.level === 'booth') return all.filter((e) => e.unitId === unit.id);
  // Block: the enrollers of booths whose panchayat / mandal lies in the block.
  const inBlock = boothIdsInBlock(ctx.db, unit.code.replace(/^B-/, ''));
  return all.filter((e) => inBlock.has(e.unitId));
}

export function addWorkshop(
  ctx: ServiceContext,
  input: { level: 'district' | 'block' | 'booth'; unitCode: string; heldOn: string; venue?: string; trainer?: string },
): WorkshopDetail {
  const user = requireUser(ctx);
  const unit = getUnitByCode(ctx.db, input.unitCode.trim().toUpperCase());
  if (!unit || unit.level !== input.level) throw new AppError('not_found', `There is no ${input.level} with the code "${input.unitCode}".`, 'unitCode');
  const heldOn = parseIndianDate(input.heldOn);
  if (!heldOn) throw new AppError('invalid_input', 'Not a real date. Write it as DD-MM-YYYY.', 'heldOn');
  const id = newId();
  inChange(ctx, user.id, (w) => {
    insertRow(w, 'workshops', id, { level: input.level, unit_id: unit.id, held_on: heldOn, venue: input.venue?.trim() || null, trainer: input.trainer?.trim() || null, ac_no: unit.acNo, district_code: unit.districtCode }, 'workshop.add');
    for (const e of enrollersUnder(ctx, unit)) {
      insertRow(w, 'workshop_attendance', newId(), { workshop_id: id, enroller_id: e.id, invited: 1, attended: 0, ac_no: e.acNo, district_code: e.districtCode }, 'workshop.invite');
    }
  });
  return getWorkshop(ctx, id);
}

export function getWorkshop(ctx: ServiceContext, id: string): WorkshopDetail {
  requireUser(ctx);
  const w = listWorkshops(ctx.db).find((x) => x.id === id);
  if (!w) throw new AppError('not_found', 'That workshop does not exist.', 'id');
  const enrollers = new Map(listEnrollers(ctx.db, {}).map((e) => [e.id, e]));
  return {
    ...w,
    enrollers: attendanceOf(ctx.db, id)
      .map((a) => {
        const e = enrollers.get(a.enrollerId);
        return { enrollerId: a.enrollerId, name: e?.name ?? '', loginId: e?.loginId ?? null, invited: a.invited, attended: a.attended, trained: e?.trained ?? false };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Mark an enroller present or absent. Training changes findings (records of untrained enrollers), so
 * they are recomputed in the same change.
 */
export function setAttendance(ctx: ServiceContext, input: { workshopId: string; enrollerId: string; attended: boolean }): WorkshopDetail {
  const user = requireUser(ctx);
  const workshop = listWorkshops(ctx.db).find((x) => x.id === input.workshopId);
  if (!workshop) throw new AppError('not_found', 'That workshop does not exist.', 'workshopId');
  const enroller = listEnrollers(ctx.db, {}).find((e) => e.id === input.enrollerId);
  if (!enroller) throw new AppError('not_found', 'That enroller does not exist.', 'enrollerId');
  inChange(ctx, user.id, (w) => {
    const existing = attendanceId(ctx.db, input.workshopId, input.enrollerId);
    const values = { attended: input.attended ? 1 : 0 };
    if (existing) upsertRow(w, 'workshop_attendance', existing, values, 'workshop.attendance');
    else insertRow(w, 'workshop_attendance', newId(), { workshop_id: input.workshopId, enroller_id: input.enrollerId, invited: 0, ...values, ac_no: enroller.acNo, district_code: enroller.districtCode }, 'workshop.attendance');
    // Training only changes the findings about this enroller's records.
    updateFindings(w, { scope: { phones: new Set(), epics: new Set(), enrollerIds: new Set([input.enrollerId]), boothIds: new Set() } });
  });
  return getWorkshop(ctx, input.workshopId);
}

/** Per district: workshops planned (any date) and held (up to today), enrollers and how many are trained. */
export function workshopSchedule(ctx: ServiceContext): ScheduleRow[] {
  requireUser(ctx);
  const today = istDate(ctx);
  const workshops = listWorkshops(ctx.db);
  const enrollers = listEnrollers(ctx.db, {});
  return listUnitsByLevel(ctx.db, 'district')
    .map((d) => {
      const ws = workshops.filter((w) => w.districtCode === d.districtCode);
      const es = enrollers.filter((e) => e.districtCode === d.districtCode);
      return {
        districtCode: d.districtCode ?? '',
        nameEn: d.nameEn,
        nameHi: d.nameHi,
        planned: ws.filter((w) => w.heldOn > today).length,
        held: ws.filter((w) => w.heldOn <= today).length,
        enrollers: es.length,
        trained: es.filter((e) => e.trained).length,
      };
    })
    .sort((a, b) => a.nameEn.localeCompare(b.nameEn));
}

// ---------------------------------------------------------------------------------------------------
// Paper forms
// ---------------------------------------------------------------------------------------------------

/**
 * One paper form, keyed by an operator: the same checks as the import, mode offline. Its findings are
 * recomputed in the same change, so the claimed / verified counts are right the moment it is saved.
 */
export function addPaperMember(
  ctx: ServiceContext,
  input: Partial<Record<MemberField, string>>,
): { id: string; verified: boolean; duplicate: boolean } {
  const user = requireUser(ctx);
  // Only the units and enrollers are loaded; the record's identity is looked up by its own keys.
  const lookups: MemberLookups = { boothByCode: new Map(listBoothFacts(ctx.db).map((b) => [b.code.toUpperCase(), b])), enrollerByLogin: enrollerIdsByLogin(ctx.db), membershipIds: new Set(), phoneBooth: new Set() };
  const checked = checkMemberRow({ ...input, mode: input.mode ?? 'offline' }, lookups, 'offline');
  if (!checked.ok) {
    const e = checked.errors[0];
    throw new AppError('invalid_input', `${e.field}: ${e.message}`, e.field);
  }
  const m = checked.member;
  if (memberIdentityExists(ctx.db, m.membershipId, m.phone, m.booth.id)) return { id: '', verified: false, duplicate: true };
  const id = newId();
  let verified = false;
  inChange(ctx, user.id, (w) => {
    const v = memberValues(id, checked.member, null, null);
    const cols = ['membership_id', 'name', 'phone', 'epic', 'gender', 'mode', 'booth_id', 'enroller_id', 'enrolled_at', 'import_id', 'scope_pc', 'pc_no', 'ac_no', 'district_code'];
    const values: Record<string, string | number | null> = {};
    cols.forEach((c, i) => (values[c] = v[i + 1]));
    values.enrolled_at ??= `${istDate(ctx)}T${new Date(ctx.now() + 330 * 60_000).toISOString().slice(11, 16)}`;
    insertRow(w, 'members', id, values, 'member.add');
    // Only the findings about this record's phone, voter id, enroller and booth can change.
    updateFindings(w, { scope: scopeOf([{ phone: m.phone, epic: m.epic, enrollerId: m.enrollerId, boothId: m.booth.id }]) });
    verified = memberOpenFindings(ctx.db, id) === 0;
  });
  return { id, verified, duplicate: false };
}

// ---------------------------------------------------------------------------------------------------
// Targets and the dashboard
// ---------------------------------------------------------------------------------------------------

/** Derived targets: this share of the electorate, unless the state sets a target for the unit. */
export function targetShare(db: Db): number {
  const v = Number(getMeta(db, 'membership.target_share'));
  return Number.isFinite(v) && v > 0 && v <= 1 ? v : 0.1;
}

export function setTarget(ctx: ServiceContext, input: { unitCode: string; target: number }): { unitId: string; target: number } {
  const user = requireStateAdmin(ctx, 'set membership targets');
  const unit = getUnitByCode(ctx.db, input.unitCode.trim().toUpperCase());
  if (!unit || (unit.level !== 'ac' && unit.level !== 'district')) throw new AppError('not_found', 'Targets are set per district or assembly constituency: pick one.', 'unitCode');
  inChange(ctx, user.id, (w) => {
    const existing = targetIdOfUnit(ctx.db, unit.id);
    upsertRow(w, 'membership_targets', existing ?? newId(), { unit_id: unit.id, target: input.target, ac_no: unit.acNo, district_code: unit.districtCode, deleted: 0 }, 'membership.target');
  });
  return { unitId: unit.id, target: input.target };
}

const ZERO: MembershipFigure = { claimed: 0, verified: 0, target: 0, digital: 0, women: 0 };
function add(a: MembershipFigure, b: Partial<MembershipFigure>): MembershipFigure {
  return {
    claimed: a.claimed + (b.claimed ?? 0),
    verified: a.verified + (b.verified ?? 0),
    target: a.target + (b.target ?? 0),
    digital: a.digital + (b.digital ?? 0),
    women: a.women + (b.women ?? 0),
  };
}

const memo = new WeakMap<Db, Map<string, { generation: string; data: MembershipDashboard }>>();

/**
 * Claimed vs verified members against target, by district / Lok Sabha / AC, per day, by enroller. The
 * roll-ups read the covering indexes; the result is kept until the database next changes (like the
 * committee history), so a warm dashboard costs one generation check.
 */
export function getMembershipDashboard(ctx: ServiceContext, input: { scope: { type: 'state' } | { type: 'pc'; pcNo: number } }): MembershipDashboard {
  requireUser(ctx);
  const { db } = ctx;
  const key = input.scope.type === 'state' ? 'state' : `pc:${input.scope.pcNo}`;
  const generation = writeGeneration(db);
  let cache = memo.get(db);
  if (!cache) memo.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.generation === generation) return hit.data;
  const data = computeMembershipDashboard(ctx, input.scope);
  cache.set(key, { generation, data });
  return data;
}

export function computeMembershipDashboard(ctx: ServiceContext, scope: { type: 'state' } | { type: 'pc'; pcNo: number }): MembershipDashboard {
  const { db } = ctx;
  const pcNo = scope.type === 'pc' ? scope.pcNo : null;
  const acs = listUnitsByLevel(db, 'ac').filter((a) => pcNo === null || a.pcNo === pcNo);
  const pcs = listUnitsByLevel(db, 'pc').filter((p) => pcNo === null || p.pcNo === pcNo);
  const districts = listUnitsByLevel(db, 'district');
  const share = targetShare(db);
  const electors = electorsByAc(db);
  const set = setTargets(db);
  const setByAc = new Map(set.filter((t) => t.level === 'ac').map((t) => [t.acNo, t.target]));
  const setByDistrict = new Map(set.filter((t) => t.level === 'district').map((t) => [t.districtCode, t.target]));
  const groups = memberGroupsByAc(db, pcNo);
  const byAcNo = new Map<number, MemberGroup>();
  for (const g of groups) if (g.acNo !== null) byAcNo.set(g.acNo, g);

  const acFigure = new Map<number, MembershipFigure>();
  for (const a of acs) {
    const g = byAcNo.get(a.acNo!);
    const target = setByAc.get(a.acNo) ?? Math.round((electors.get(a.acNo!) ?? 0) * share);
    acFigure.set(a.acNo!, add(ZERO, { ...(g ?? {}), target }));
  }
  const areaOf = (u: StoredUnit, featureId: number, f: MembershipFigure): MembershipArea => ({ ...f, featureId, code: u.code, nameEn: u.nameEn, nameHi: u.nameHi });
  const byAc = acs.map((a) => areaOf(a, a.acNo!, acFigure.get(a.acNo!)!));
  const byPc = pcs.map((p) => areaOf(p, p.pcNo!, acs.filter((a) => a.pcNo === p.pcNo).reduce((acc, a) => add(acc, acFigure.get(a.acNo!)!), ZERO)));
  const districtFigures = districts
    .map((d) => {
      const inD = acs.filter((a) => a.districtCode === d.districtCode);
      if (inD.length === 0) return null;
      let f = inD.reduce((acc, a) => add(acc, acFigure.get(a.acNo!)!), ZERO);
      const setT = setByDistrict.get(d.districtCode);
      if (setT !== undefined && pcNo === null) f = { ...f, target: setT };
      return areaOf(d, Number(d.code.replace(/^D-/, '')), f);
    })
    .filter((x): x is MembershipArea => x !== null);
  const total = byAc.reduce((acc, a) => add(acc, a), ZERO);
  const pct = (a: MembershipArea) => (a.target > 0 ? a.verified / a.target : 1);
  const lagging = [...byAc].sort((a, b) => pct(a) - pct(b) || a.featureId - b.featureId).slice(0, 10);

  let cc = 0;
  let cv = 0;
  const days = membersByDay(db, pcNo);
  const first = days[0]?.date;
  const last = days[days.length - 1]?.date;
  const spanDays = first && last ? Math.max(1, Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1) : 1;
  const daily = days.map((d) => {
    cc += d.claimed;
    cv += d.verified;
    const dayNo = Math.round((Date.parse(d.date) - Date.parse(first!)) / 86_400_000) + 1;
    return { ...d, cumulativeClaimed: cc, cumulativeVerified: cv, cumulativeTarget: Math.round((total.target * dayNo) / spanDays) };
  });

  const enrollers = new Map(listEnrollers(db, {}).map((e) => [e.id, e]));
  const byEnroller = membersByEnroller(db, pcNo, 20).map((r) => {
    const e = enrollers.get(r.enrollerId);
    return { enrollerId: r.enrollerId, loginId: e?.loginId ?? null, name: e?.name ?? '', trained: e?.trained ?? false, claimed: r.claimed, verified: r.verified };
  });
  const byBooth = membersByBooth(db, pcNo, share, 20);
  const findingsOpen = countOpenFindings(db);
  const untrained = [...enrollers.values()].filter((e) => !e.trained && (pcNo === null || acs.some((a) => a.acNo === e.acNo))).length;
  return {
    scope: pcNo === null ? { type: 'state' } : { type: 'pc', pcNo },
    total,
    byDistrict: districtFigures,
    byPc,
    byAc,
    lagging,
    daily,
    byEnroller,
    byBooth,
    targetShare: share,
    targetsSet: setTargetCodes(db),
    findingsOpen,
    untrainedEnrollers: untrained,
    generatedAt: nowIso(ctx),
  };
}
