import { describe, expect, it } from 'vitest';
import { makeCore, withUser } from './helpers';

describe('media and social-media team coverage', () => {
  it('counts, per level, the open units with a media team, a social-media team and both', async () => {
    const core = makeCore();
    await withUser(core);
    const unitOf = (level: string, offset = 0) =>
      (core.db.prepare(`SELECT id FROM org_units WHERE level = ? AND deleted = 0 AND closed = 0 ORDER BY code LIMIT 1 OFFSET ?`).get(level, offset) as { id: string }).id;
    const totals = Object.fromEntries(
      (core.db.prepare(`SELECT level, count(*) AS n FROM org_units WHERE level IN ('pc', 'district', 'block') AND deleted = 0 AND closed = 0 GROUP BY level`).all() as { level: string; n: number }[]).map(
        (r) => [r.level, r.n],
      ),
    );

    const before = await core.call('teams.coverage', {});
    expect(before.map((c) => c.level)).toEqual(['pc', 'district', 'block']);
    for (const c of before) expect(c).toEqual({ level: c.level, total: totals[c.level], media: 0, socialMedia: 0, both: 0 });

    const district = unitOf('district');
    await core.call('teams.add', { team: 'media', unitId: district, nameEn: 'Anil Mahto', handles: {} });
    await core.call('teams.add', { team: 'social_media', unitId: district, nameEn: 'Rekha Devi', handles: { x: '@rekha' } });
    await core.call('teams.add', { team: 'media', unitId: unitOf('district', 1), nameEn: 'Sunil Oraon', handles: {} });
    await core.call('teams.add', { team: 'social_media', unitId: unitOf('block'), nameEn: 'Meena Kumari', handles: {} });
    await core.call('teams.add', { team: 'social_media', unitId: unitOf('block'), nameEn: 'Second member', handles: {} });

    const after = Object.fromEntries((await core.call('teams.coverage', {})).map((c) => [c.level, c]));
    expect(after.district).toEqual({ level: 'district', total: totals.district, media: 2, socialMedia: 1, both: 1 });
    expect(after.block).toEqual({ level: 'block', total: totals.block, media: 0, socialMedia: 1, both: 0 });
    expect(after.pc).toEqual({ level: 'pc', total: totals.pc, media: 0, socialMedia: 0, both: 0 });
  });
});
