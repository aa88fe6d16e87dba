import { describe, expect, it } from 'vitest';
import { addBermoFixture, failsWith, fillBoothCommittee, makeCore, withUser } from './helpers';

describe('undo the last change', () => {
  it('offers nothing to undo for a new user (creating yourself is not an undoable change)', async () => {
    const core = makeCore();
    await withUser(core);
    expect(await core.call('history.last', {})).toBeNull();
    expect(await core.call('history.undoLast', {})).toBeNull();
  });

  it('undoing a verification puts the committee back to declared, and the dashboard with it', async () => {
    const core = makeCore();
    await withUser(core, 'operator', 'Asha Kumari');
    const { boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    await fillBoothCommittee(core, c.id);
    await core.call('committees.setStatus', { committeeId: c.id, status: 'declared' });
    core.clockAt.t += 86_400_000;
    await core.call('committees.setStatus', { committeeId: c.id, status: 'verified' });
    const dash = () => core.call('dashboard.get', { scope: { type: 'pc', pcNo: 6 }, measureLevel: 'booth', kindId: 'main' });
    expect((await dash()).total.done).toBe(1);

    const last = await core.call('history.last', {});
    expect(last).toMatchObject({ action: 'committee.status', userName: 'Asha Kumari', subjectEn: 'Armo Booth 1 booth — Main committee' });
    expect(last?.subjectHi).toBe('आर्मो बूथ 1 बूथ — मुख्य समिति');

    const undone = await core.call('history.undoLast', {});
    expect(undone?.id).toBe(last?.id);
    const view = (await core.call('units.get', { id: boothIds[0] })).committees[0];
    expect(view.status).toBe('declared');
    expect(view.verifiedOn).toBeNull();
    const d = await dash();
    expect(d.total).toMatchObject({ declared: 1, verified: 0, done: 0 });
    // the undone verification no longer shows in progress over time
    expect(d.history.at(-1)).toMatchObject({ declared: 1, verified: 0 });

    // the next undo goes one step further back: the declaration
    expect((await core.call('history.last', {}))?.action).toBe('committee.status');
    await core.call('history.undoLast', {});
    expect((await core.call('units.get', { id: boothIds[0] })).committees[0].status).toBe('not_formed');
  });

  it('undoing an appointment with a new person removes both and restores completeness', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    await fillBoothCommittee(core, c.id);
    expect((await core.call('units.get', { id: boothIds[0] })).committees[0].complete).toBe(true);
    expect((await core.call('history.last', {}))?.action).toBe('appointment.add');
    await core.call('history.undoLast', {});
    const view = (await core.call('units.get', { id: boothIds[0] })).committees[0];
    expect(view.appointments).toHaveLength(4);
    expect(view.complete).toBe(false);
    expect(core.db.prepare('SELECT count(*) AS n FROM people WHERE deleted = 0').get()).toEqual({ n: 4 });
    // the undo itself went to the outbox, so it syncs like any other change
    const last = core.db.prepare('SELECT op FROM outbox ORDER BY seq DESC LIMIT 1').get() as { op: string };
    expect(['upsert', 'delete']).toContain(last.op);
  });

  it('one user cannot undo another user’s change, and a row changed since cannot be undone', async () => {
    const core = makeCore();
    const asha = await withUser(core, 'operator', 'Asha');
    const ravi = await core.call('users.create', { name: 'Ravi', role: 'operator' });
    const { boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    await core.call('session.switch', { userId: ravi.id });
    expect(await core.call('history.last', {})).toBeNull();
    await core.call('committees.setStatus', { committeeId: c.id, status: 'declared' });
    await core.call('session.switch', { userId: asha.id });
    // Asha's last change is the creation, but Ravi has changed that committee since
    expect((await core.call('history.last', {}))?.action).toBe('committee.create');
    await failsWith(core.call('history.undoLast', {}), 'conflict');
    expect((await core.call('units.get', { id: boothIds[0] })).committees[0].status).toBe('declared');
  });
});
