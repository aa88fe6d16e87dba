import { checkReportPeriod } from '../../../shared/domain/progressReports';
import type { ProgressReportFigures, ProgressReportView } from '../../../shared/ipc/views';
import { getUnit } from '../db/repositories/orgUnits';
import { listProgressReports, progressReportOf, type StoredProgressReport } from '../db/repositories/progressReports';
import { insertRow, newId, upsertRow } from '../sync/writer';
import { AppError } from './AppError';
import { inChange, istDate, nowIso, requireUser, type ServiceContext } from './context';
import { getCompliance, type ComplianceScope } from './directives';
import { listOffices } from './rosters';

function parseFigures(s: string): ProgressReportFigures | null {
  try {
    const v = JSON.parse(s) as Partial<ProgressReportFigures>;
    return v && typeof v.asOf === 'string' && v.totals ? (v as ProgressReportFigures) : null;
  } catch {
    return null;
  }
}

function view(ctx: ServiceContext, r: StoredProgressReport): ProgressReportView | null {
  const unit = getUnit(ctx.db, r.unitId);
  if (!unit || (unit.level !== 'pc' && unit.level !== 'district')) return null;
  return {
    id: r.id,
    unitId: r.unitId,
    level: unit.level,
    unitNameEn: unit.nameEn,
    unitNameHi: unit.nameHi,
    period: r.period,
    narrative: r.narrative,
    figures: parseFigures(r.figures),
    authorName: r.authorName,
    savedAt: r.savedAt,
  };
}

/** The figures the report carries, from the data as it stands now. */
export function reportFigures(ctx: ServiceContext, unit: { level: string; pcNo: number | null; districtCode: string | null }): ProgressReportFigures {
  const scope: ComplianceScope = unit.level === 'pc' ? { type: 'pc', pcNo: unit.pcNo ?? 0 } : { type: 'district', districtCode: unit.districtCode ?? '' };
  const compliance = getCompliance(ctx, { scope });
  const offices = listOffices(ctx, unit.level === 'pc' ? { pcNo: unit.pcNo ?? 0 } : { districtCode: unit.districtCode ?? '' });
  return { asOf: compliance.today, totals: compliance.totals, officesWith: offices.withOffice, officesTotal: offices.total };
}

export function listReports(ctx: ServiceContext, input: { unitId?: string }): ProgressReportView[] {
  return listProgressReports(ctx.db, input.unitId).flatMap((r) => view(ctx, r) ?? []);
}

/**
 * Save the narrative of a unit's report for a month: the first save creates it, later saves edit it. Each save
 * records who saved it, when, and the figures as they stand.
 */
export function saveReport(ctx: ServiceContext, input: { unitId: string; period: string; narrative: string }): ProgressReportView {
  const user = requireUser(ctx);
  const unit = getUnit(ctx.db, input.unitId);
  if (!unit || (unit.level !== 'pc' && unit.level !== 'district')) {
    throw new AppError('invalid_input', 'Progress reports are written for a Lok Sabha or a district. Choose one.', 'unitId');
  }
  const period = checkReportPeriod(input.period, istDate(ctx));
  if (period === 'malformed') throw new AppError('invalid_input', 'Choose the month the report covers.', 'period');
  if (period === 'future') throw new AppError('invalid_input', 'That month has not begun yet. Choose this month or an earlier one.', 'period');
  const narrative = input.narrative.trim();
  if (!narrative) throw new AppError('invalid_input', 'Write the report before saving it.', 'narrative');
  const existing = progressReportOf(ctx.db, unit.id, input.period);
  const values = {
    unit_id: unit.id,
    period: input.period,
    narrative,
    figures: JSON.stringify(reportFigures(ctx, unit)),
    author_name: user.name,
    saved_at: nowIso(ctx),
    ac_no: unit.acNo,
    district_code: unit.districtCode,
  };
  const id = existing?.id ?? newId();
  inChange(ctx, user.id, (w) => {
    if (existing) upsertRow(w, 'progress_reports', id, values, 'progressReport.update');
    else insertRow(w, 'progress_reports', id, values, 'progressReport.create');
  });
  const saved = progressReportOf(ctx.db, unit.id, input.period);
  const v = saved && view(ctx, saved);
  if (!v) throw new AppError('internal', 'The report could not be saved. Try again.');
  return v;
}
