import { describe, expect, it } from 'vitest';
import { addBermoFixture, failsWith, fillBoothCommittee, makeCore, withUser } from './helpers';

describe('completeness rules', () => {
  it('lists the default rules for every level and category', async () => {
    const core = makeCore();
    const rules = await core.call('rules.list', {});
    expect(rules).toHaveLength(36);
    expect(rules.find((r) => r.level === 'booth' && r.category === 'main')).toEqual({
      level: 'booth',
      category: 'main',
      requiredRoles: ['president', 'bla'],
      minMembers: 5,
    });
  });

  it('a non-admin cannot change a rule', async () => {
    const core = makeCore();
    await withUser(core, 'incharge');
    const e = await failsWith(
      core.call('rules.update', { level: 'booth', category: 'main', requiredRoles: ['president'], minMembers: 1 }),
      'forbidden',
    );
    expect(e.message).toMatch(/state admin/);
  });

  it('a stricter rule makes existing committees incomplete at once, and the dashboard drops them', async () => {
    const core = makeCore();
    await withUser(core, 'state_admin', 'State Admin');
    const { boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    await fillBoothCommittee(core, c.id);
    await core.call('committees.setStatus', { committeeId: c.id, status: 'declared' });
    await core.call('committees.setStatus', { committeeId: c.id, status: 'verified' });
    const dash = () => core.call('dashboard.get', { scope: { type: 'state' }, measureLevel: 'booth', kindId: 'main' });
    expect((await dash()).total.done).toBe(1);

    const updated = await core.call('rules.update', {
      level: 'booth',
      category: 'main',
      requiredRoles: ['president', 'bla', 'treasurer'],
      minMembers: 5,
    });
    expect(updated.requiredRoles).toEqual(['president', 'bla', 'treasurer']);
    const view = (await core.call('units.get', { id: boothIds[0] })).committees[0];
    expect(view.complete).toBe(false);
    expect(view.completeness.missingRoles).toEqual(['treasurer']);
    expect((await dash()).total).toMatchObject({ verified: 1, done: 0 });

    // relaxing it again brings it back, and the rule edit is one undoable change
    await core.call('rules.update', { level: 'booth', category: 'main', requiredRoles: ['president'], minMembers: 2 });
    expect((await dash()).total.done).toBe(1);
    expect((await core.call('history.last', {}))?.action).toBe('rule.update');
    await core.call('history.undoLast', {});
    expect((await dash()).total.done).toBe(0);
    expect((await core.call('rules.list', {})).find((r) => r.level === 'booth' && r.category === 'main')?.requiredRoles).toEqual([
      'president',
      'bla',
      'treasurer',
    ]);
  });

  it('the district rule also governs Lok Sabha and assembly committees', async () => {
    const core = makeCore();
    await withUser(core, 'state_admin');
    const ac = (await core.call('units.search', { q: 'AC-35', level: 'ac' }))[0];
    const c = await core.call('committees.create', { unitId: ac.id, kindId: 'media' });
    await core.call('appointments.add', { committeeId: c.id, role: 'convenor', person: { nameEn: 'Media Convenor' } });
    expect((await core.call('units.get', { id: ac.id })).committees[0].completeness.membersShort).toBe(2);
    await core.call('rules.update', { level: 'district', category: 'media', requiredRoles: ['convenor'], minMembers: 1 });
    expect((await core.call('units.get', { id: ac.id })).committees[0].complete).toBe(true);
  });
});
