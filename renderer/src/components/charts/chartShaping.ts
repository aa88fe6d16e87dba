import type { AreaFigure, DashboardData, StatusCounts } from '../../../../shared/ipc/views';
import { MEASURE_LEVELS } from '../../../../shared/domain/types';
import { displayName } from '../../app/format';

export interface StatusBar {
  level: StatusCounts['level'];
  notFormed: number;
  declared: number;
  verified: number;
}

/** Stacked bars by level, top to bottom of the hierarchy (block → booth), whatever order the backend used. */
export function statusByLevelSeries(counts: readonly StatusCounts[]): StatusBar[] {
  return [...counts]
    .sort((a, b) => MEASURE_LEVELS.indexOf(a.level) - MEASURE_LEVELS.indexOf(b.level))
    .map((c) => ({ level: c.level, notFormed: c.notFormed, declared: c.declared, verified: c.verified }));
}

export interface AcBar {
  acNo: number;
  label: string;
  name: string;
  pct: number;
  hasData: boolean;
  done: number;
  expected: number;
}

/** One bar per assembly constituency (optionally only those of a Lok Sabha), in AC number order; no-data bars are 0 but flagged. */
export function byAcSeries(byAc: readonly AreaFigure[], lang: string, onlyAcNos?: readonly number[]): AcBar[] {
  const keep = onlyAcNos ? new Set(onlyAcNos) : null;
  return byAc
    .filter((f) => !keep || keep.has(f.featureId))
    .sort((a, b) => a.featureId - b.featureId)
    .map((f) => ({
      acNo: f.featureId,
      name: displayName(f.nameEn, f.nameHi, lang),
      label: `${f.featureId}`,
      pct: f.pct ?? 0,
      hasData: f.pct != null,
      done: f.done,
      expected: f.expected,
    }));
}

export interface HistoryPoint {
  date: string;
  declared: number;
  verified: number;
}

/**
 * Cumulative series by date: sorted, one point per day (the last value of a day wins), and never
 * decreasing backwards in time because the backend already gives running totals.
 */
export function historySeries(history: DashboardData['history']): HistoryPoint[] {
  const byDate = new Map<string, HistoryPoint>();
  for (const p of history) byDate.set(p.date.slice(0, 10), { date: p.date.slice(0, 10), declared: p.declared, verified: p.verified });
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
