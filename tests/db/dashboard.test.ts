import { describe, expect, it } from 'vitest';
import { MEASURE_LEVELS } from '../../shared/domain/types';
import { addBermoFixture, failsWith, fillBoothCommittee, makeCore, withUser } from './helpers';

async function verifyComplete(core: ReturnType<typeof makeCore>, unitId: string, offset: number) {
  const c = await core.call('committees.create', { unitId, kindId: 'main' });
  await fillBoothCommittee(core, c.id, offset);
  await core.call('committees.setStatus', { committeeId: c.id, status: 'declared' });
  await core.call('committees.setStatus', { committeeId: c.id, status: 'verified' });
  return c.id;
}

describe('dashboard', () => {
  it('the state overview always lists all 24 districts, 14 Lok Sabha and 81 assembly constituencies', async () => {
    const core = makeCore();
    const d = await core.call('dashboard.get', { scope: { type: 'state' }, measureLevel: 'block', kindId: 'main' });
    expect(d.byDistrict).toHaveLength(24);
    expect(d.byPc).toHaveLength(14);
    expect(d.byAc).toHaveLength(81);
    expect(d.byDistrict.map((x) => x.featureId)).toContain(355);
    expect(d.total.expected).toBe(264);
    expect(d.total.pct).toBe(0);
    // blocks carry no AC in the reference data: the AC layer has nothing expected, shown as "no data"
    expect(d.byAc.every((a) => a.pct === null)).toBe(true);
    expect(d.statusByLevel.map((s) => s.level)).toEqual([...MEASURE_LEVELS]);
    expect(d.statusByLevel.find((s) => s.level === 'block')).toMatchObject({ units: 264, notFormed: 264 });
    expect(d.table).toHaveLength(81); // default table level: assembly constituencies
  });

  it('a closed unit is left out of both sides, so the percentage never exceeds 100', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds, closedBoothId } = addBermoFixture(core);
    // a complete, verified committee at the closed booth must not count as done
    await verifyComplete(core, closedBoothId, 9);
    const dash = (scope: { type: 'state' } | { type: 'pc'; pcNo: number }) =>
      core.call('dashboard.get', { scope, measureLevel: 'booth', kindId: 'main', tableLevel: 'block' });
    expect((await dash({ type: 'pc', pcNo: 6 })).total).toMatchObject({ expected: 3, done: 0, pct: 0 });

    for (let i = 0; i < boothIds.length; i++) await verifyComplete(core, boothIds[i], i);
    const d = await dash({ type: 'pc', pcNo: 6 });
    expect(d.total).toEqual({ expected: 3, declared: 3, verified: 3, done: 3, pct: 100 });
    for (const area of [...d.byDistrict, ...d.byPc, ...d.byAc, ...d.table]) {
      if (area.pct !== null) expect(area.pct).toBeLessThanOrEqual(100);
      expect(area.done).toBeLessThanOrEqual(area.expected);
    }
    // Lok Sabha scope: only districts that have units in it; the table holds the block
    expect(d.scope).toMatchObject({ type: 'pc', pcNo: 6, nameEn: 'Giridih' });
    expect(d.byDistrict.map((x) => x.featureId)).toEqual([355]);
    expect(d.byAc.map((a) => a.featureId).sort((a, b) => a - b)).toEqual([32, 33, 34, 35, 42, 43]);
    expect(d.table).toEqual([expect.objectContaining({ code: 'B-3064', expected: 3, done: 3, pct: 100 })]);
    expect(d.statusByLevel.find((s) => s.level === 'booth')).toMatchObject({ units: 3, verified: 3, complete: 3, notFormed: 0 });

    const state = await dash({ type: 'state' });
    expect(state.byDistrict.find((x) => x.featureId === 355)).toMatchObject({ expected: 3, done: 3, pct: 100 });
    expect(state.byDistrict.find((x) => x.featureId === 346)).toMatchObject({ expected: 0, pct: null });
  });

  it('declared counts formed committees; verified but incomplete is not done', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const a = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    await core.call('committees.setStatus', { committeeId: a.id, status: 'declared' });
    await core.call('committees.setStatus', { committeeId: a.id, status: 'verified' });
    const b = await core.call('committees.create', { unitId: boothIds[1], kindId: 'main' });
    await core.call('committees.setStatus', { committeeId: b.id, status: 'declared' });
    const d = await core.call('dashboard.get', { scope: { type: 'pc', pcNo: 6 }, measureLevel: 'booth', kindId: 'main' });
    expect(d.total).toMatchObject({ expected: 3, declared: 2, verified: 1, done: 0 });
    expect(d.statusByLevel.find((s) => s.level === 'booth')).toMatchObject({ notFormed: 1, declared: 1, verified: 1 });
    // another kind is counted separately
    const y = await core.call('dashboard.get', { scope: { type: 'pc', pcNo: 6 }, measureLevel: 'booth', kindId: 'youth' });
    expect(y.total).toMatchObject({ expected: 3, declared: 0 });
  });

  it('progress over time is cumulative per day and a dissolution counts down', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const a = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    const b = await core.call('committees.create', { unitId: boothIds[1], kindId: 'main' });
    await core.call('committees.setStatus', { committeeId: a.id, status: 'declared' });
    core.clockAt.t += 86_400_000;
    await core.call('committees.setStatus', { committeeId: b.id, status: 'declared' });
    await core.call('committees.setStatus', { committeeId: a.id, status: 'verified' });
    core.clockAt.t += 86_400_000;
    await core.call('committees.setStatus', { committeeId: a.id, status: 'dissolved' });
    const d = await core.call('dashboard.get', { scope: { type: 'state' }, measureLevel: 'booth', kindId: 'main' });
    expect(d.history).toEqual([
      { date: '2026-01-10', declared: 1, verified: 0 },
      { date: '2026-01-11', declared: 2, verified: 1 },
      { date: '2026-01-12', declared: 1, verified: 0 },
    ]);
  });

  it('mandal and district tables roll the booths up to their mandal and district', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    await verifyComplete(core, boothIds[0], 0);
    const m = await core.call('dashboard.get', { scope: { type: 'pc', pcNo: 6 }, measureLevel: 'booth', kindId: 'main', tableLevel: 'mandal' });
    expect(m.table).toEqual([expect.objectContaining({ code: 'M-3064-01', expected: 3, done: 1, pct: 33.3 })]);
    const s = await core.call('dashboard.get', { scope: { type: 'state' }, measureLevel: 'booth', kindId: 'main', tableLevel: 'district' });
    expect(s.table).toHaveLength(24);
    // lagging first: Bokaro (33.3%) before the districts with no booths at all
    expect(s.table[0]).toMatchObject({ code: 'D-355', pct: 33.3 });
    expect(s.table.at(-1)?.pct).toBeNull();
  });

  it('refuses an unknown Lok Sabha or committee kind', async () => {
    const core = makeCore();
    await failsWith(core.call('dashboard.get', { scope: { type: 'pc', pcNo: 15 }, measureLevel: 'booth', kindId: 'main' }), 'not_found');
    await failsWith(core.call('dashboard.get', { scope: { type: 'state' }, measureLevel: 'booth', kindId: 'nope' }), 'not_found');
  });
});
