import { describe, expect, it } from 'vitest';
import { addBermoFixture, failsWith, fillBoothCommittee, makeCore, withUser } from './helpers';

describe('finding and opening units', () => {
  it('finds units by English name, Hindi name or code, with a path', async () => {
    const core = makeCore();
    const ranchi = await core.call('units.search', { q: 'ranchi' });
    expect(ranchi[0]).toMatchObject({ level: 'district', code: 'D-364', path: 'Jharkhand' });
    const hi = await core.call('units.search', { q: 'राँची' });
    expect(hi.length + (await core.call('units.search', { q: 'रांची' })).length).toBeGreaterThan(0);
    const byCode = await core.call('units.search', { q: 'b-3064' });
    expect(byCode[0]).toMatchObject({ code: 'B-3064', nameEn: 'Bermo', path: 'Bokaro' });
    const ac = await core.call('units.search', { q: 'Gomia', level: 'ac' });
    expect(ac).toEqual([expect.objectContaining({ code: 'AC-34', path: 'Giridih' })]);
    const pan = await core.call('units.search', { q: 'Armo', level: 'panchayat', limit: 1 });
    expect(pan[0].path).toBe('Bokaro › Bermo');
  });

  it('orders results by level, and filters by Lok Sabha', async () => {
    const core = makeCore();
    addBermoFixture(core);
    const all = await core.call('units.search', { q: 'bermo' });
    const levels = all.map((u) => u.level);
    expect(levels.indexOf('ac')).toBeLessThan(levels.indexOf('block'));
    expect(levels.indexOf('block')).toBeLessThan(levels.indexOf('mandal'));
    const inPc6 = await core.call('units.search', { q: 'armo booth', pcNo: 6 });
    expect(inPc6.map((u) => u.code)).toEqual(['BT-35-0001', 'BT-35-0002', 'BT-35-0003', 'BT-35-0004']);
    expect(await core.call('units.search', { q: 'armo booth', pcNo: 7 })).toEqual([]);
    expect(await core.call('units.search', { q: '100%' })).toEqual([]);
  });

  it('a unit page has its ancestors, children with figures, its own figure and committees', async () => {
    const core = makeCore();
    await withUser(core);
    const { mandalId, panchayatId, boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    await fillBoothCommittee(core, c.id);
    await core.call('committees.setStatus', { committeeId: c.id, status: 'declared' });
    await core.call('committees.setStatus', { committeeId: c.id, status: 'verified' });

    const mandal = await core.call('units.get', { id: mandalId });
    expect(mandal.ancestors.map((a) => a.code)).toEqual(['S-JH', 'D-355', 'B-3064']);
    expect(mandal.figure).toMatchObject({ expected: 3, done: 1 });
    expect(mandal.children).toEqual([expect.objectContaining({ id: panchayatId, figure: expect.objectContaining({ expected: 3, done: 1 }) })]);

    const block = await core.call('units.get', { id: mandal.ancestors[2].id });
    expect(block.figure).toMatchObject({ expected: 3, done: 1 });
    // the block's remaining panchayats are direct children with no booths yet
    expect(block.children.find((ch) => ch.id === mandalId)?.figure).toMatchObject({ expected: 3, done: 1 });

    const district = await core.call('units.get', { id: mandal.ancestors[1].id, measureLevel: 'booth' });
    expect(district.children.find((ch) => ch.code === 'B-3064')?.figure.done).toBe(1);

    const pc = (await core.call('units.search', { q: 'PC-6', level: 'pc' }))[0];
    const pcDetail = await core.call('units.get', { id: pc.id });
    expect(pcDetail.children.map((ch) => ch.code)).toEqual(['AC-32', 'AC-33', 'AC-34', 'AC-35', 'AC-42', 'AC-43']);
    expect(pcDetail.children.find((ch) => ch.code === 'AC-35')?.figure).toMatchObject({ expected: 3, done: 1 });

    const acDetail = await core.call('units.get', { id: pcDetail.children[3].id });
    expect(acDetail.ancestors.map((a) => a.code)).toEqual(['S-JH', 'PC-6']);
    expect(acDetail.children.map((ch) => ch.code)).toEqual(['B-3064']);

    const booth = await core.call('units.get', { id: boothIds[0] });
    expect(booth.figure).toMatchObject({ expected: 1, done: 1, pct: 100 });
    expect(booth.committees[0]).toMatchObject({ kindId: 'main', unitCode: 'BT-35-0001', status: 'verified', allowedNext: ['dissolved'] });
    expect((await core.call('units.get', { id: boothIds[0], measureLevel: 'block' })).figure).toBeNull();

    const state = await core.call('units.get', { id: mandal.ancestors[0].id, measureLevel: 'block' });
    expect(state.children).toHaveLength(24);
    expect(state.figure?.expected).toBe(264);
    await failsWith(core.call('units.get', { id: 'missing' }), 'not_found');
  });

  it('only a state admin may enter a Hindi name', async () => {
    const core = makeCore();
    await withUser(core, 'operator');
    const gomia = (await core.call('units.search', { q: 'Gomia', level: 'ac' }))[0];
    await failsWith(core.call('units.setHindiName', { id: gomia.id, nameHi: 'गोमिया' }), 'forbidden');
    const admin = await core.call('users.create', { name: 'Admin', role: 'state_admin' });
    await core.call('session.switch', { userId: admin.id });
    expect(await core.call('units.setHindiName', { id: gomia.id, nameHi: 'गोमिया' })).toMatchObject({ nameHi: 'गोमिया', code: 'AC-34' });
    expect((await core.call('units.search', { q: 'गोमि' }))[0].code).toBe('AC-34');
  });
});
