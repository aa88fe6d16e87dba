import { describe, expect, it } from 'vitest';
import { byAcSeries, historySeries, statusByLevelSeries } from '../../../renderer/src/components/charts/chartShaping';
import type { AreaFigure, StatusCounts } from '../../../shared/ipc/views';

const counts = (level: StatusCounts['level'], n: number): StatusCounts => ({
  level,
  units: n * 3,
  notFormed: n,
  declared: n + 1,
  verified: n + 2,
  dissolved: 0,
  complete: n,
});

const ac = (no: number, pct: number | null, nameHi: string | null = null): AreaFigure => ({
  featureId: no,
  unitId: `ac-${no}`,
  nameEn: `AC ${no}`,
  nameHi,
  expected: 10,
  declared: 5,
  verified: 4,
  done: 3,
  pct,
});

describe('status by level', () => {
  it('orders levels block → booth and keeps only the stacked series', () => {
    const s = statusByLevelSeries([counts('booth', 1), counts('block', 2), counts('panchayat', 3), counts('mandal', 4)]);
    expect(s.map((x) => x.level)).toEqual(['block', 'mandal', 'panchayat', 'booth']);
    expect(s[0]).toEqual({ level: 'block', notFormed: 2, declared: 3, verified: 4 });
  });
});

describe('by assembly constituency', () => {
  it('sorts by AC number, flags no-data bars and uses the Hindi name with English fallback', () => {
    const s = byAcSeries([ac(12, 40, 'बारह'), ac(3, null)], 'hi');
    expect(s.map((b) => b.acNo)).toEqual([3, 12]);
    expect(s[0]).toMatchObject({ pct: 0, hasData: false, name: 'AC 3' });
    expect(s[1]).toMatchObject({ pct: 40, hasData: true, name: 'बारह' });
  });

  it('keeps only the ACs of the chosen Lok Sabha', () => {
    expect(byAcSeries([ac(1, 1), ac(2, 2), ac(7, 7)], 'en', [2, 7]).map((b) => b.acNo)).toEqual([2, 7]);
  });
});

describe('history', () => {
  it('sorts by date and keeps one point per day (the last)', () => {
    const s = historySeries([
      { date: '2026-03-02', declared: 5, verified: 1 },
      { date: '2026-03-01', declared: 2, verified: 0 },
      { date: '2026-03-02T10:00:00Z', declared: 6, verified: 2 },
    ]);
    expect(s).toEqual([
      { date: '2026-03-01', declared: 2, verified: 0 },
      { date: '2026-03-02', declared: 6, verified: 2 },
    ]);
  });
});
