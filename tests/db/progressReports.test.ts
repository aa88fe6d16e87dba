import { describe, expect, it } from 'vitest';
import { checkReportPeriod, isReportPeriod } from '../../shared/domain/progressReports';
import { getUnitByCode } from '../../electron/main/db/repositories/orgUnits';
import { failsWith, makeCore, withUser } from './helpers';

describe('report periods', () => {
  it('a month, this one or earlier (IST)', () => {
    expect(isReportPeriod('2026-01')).toBe(true);
    expect(isReportPeriod('2026-13')).toBe(false);
    expect(isReportPeriod('2026-1')).toBe(false);
    expect(checkReportPeriod('2026-01', '2026-01-31')).toBe('ok');
    expect(checkReportPeriod('2025-12', '2026-01-01')).toBe('ok');
    expect(checkReportPeriod('2026-02', '2026-01-31')).toBe('future');
    expect(checkReportPeriod('26-02', '2026-01-31')).toBe('malformed');
  });
});

describe('progress reports', () => {
  it('saves the narrative per unit and month with who and when and the figures; a second save edits it; past reports are listed', async () => {
    const core = makeCore();
    await withUser(core, 'operator', 'Asha Kumari');
    const pc = getUnitByCode(core.db, 'PC-8');
    const district = getUnitByCode(core.db, 'D-355');
    if (!pc || !district) throw new Error('reference units missing');

    const first = await core.call('progressReports.save', { unitId: pc.id, period: '2025-12', narrative: '  December: 12 block offices opened.  ' });
    expect(first).toMatchObject({ unitId: pc.id, level: 'pc', period: '2025-12', narrative: 'December: 12 block offices opened.', authorName: 'Asha Kumari' });
    expect(first.savedAt).toBe(new Date(core.clockAt.t).toISOString());
    expect(first.figures).toMatchObject({ asOf: '2026-01-10', officesWith: 0 });

    core.clockAt.t += 60 * 60 * 1000;
    const ravi = await withUser(core, 'operator', 'Ravi Munda');
    await core.call('session.switch', { userId: ravi.id });
    await core.call('progressReports.save', { unitId: pc.id, period: '2026-01', narrative: 'January: media committee declared.' });
    const edited = await core.call('progressReports.save', { unitId: pc.id, period: '2025-12', narrative: 'December: 13 block offices opened.' });
    expect(edited).toMatchObject({ id: first.id, narrative: 'December: 13 block offices opened.', authorName: 'Ravi Munda' });
    expect(edited.savedAt > first.savedAt).toBe(true);
    const ofDistrict = await core.call('progressReports.save', { unitId: district.id, period: '2026-01', narrative: 'Bokaro district report.' });
    expect(ofDistrict.level).toBe('district');
    expect(ofDistrict.figures?.officesTotal).toBe((await core.call('offices.list', { districtCode: '355' })).total);

    const ofPc = await core.call('progressReports.list', { unitId: pc.id });
    expect(ofPc.map((r) => [r.period, r.narrative])).toEqual([
      ['2026-01', 'January: media committee declared.'],
      ['2025-12', 'December: 13 block offices opened.'],
    ]);
    expect(await core.call('progressReports.list', {})).toHaveLength(3);
    const outbox = core.db.prepare(`SELECT count(*) AS n FROM outbox WHERE table_name = 'progress_reports'`).get() as { n: number };
    expect(outbox.n).toBe(4);

    await failsWith(core.call('progressReports.save', { unitId: pc.id, period: '2026-02', narrative: 'Too early' }), 'invalid_input');
    await failsWith(core.call('progressReports.save', { unitId: pc.id, period: '2026-01', narrative: '   ' }), 'invalid_input');
    const block = core.db.prepare(`SELECT id FROM org_units WHERE level = 'block' LIMIT 1`).get() as { id: string };
    await failsWith(core.call('progressReports.save', { unitId: block.id, period: '2026-01', narrative: 'x' }), 'invalid_input');
  });
});
