import { describe, expect, it } from 'vitest';
import { failsWith, makeCore, withUser } from './helpers';

describe('users and session', () => {
  it('starts with nobody working; the first user created becomes the current user', async () => {
    const core = makeCore();
    expect(await core.call('session.get', {})).toEqual({ user: null, users: [] });
    const asha = await withUser(core, 'operator', 'Asha Kumari');
    const s = await core.call('session.get', {});
    expect(s.user?.id).toBe(asha.id);
    expect(s.users.map((u) => u.name)).toEqual(['Asha Kumari']);
  });

  it('a later user does not take over until someone switches to them', async () => {
    const core = makeCore();
    const asha = await withUser(core, 'operator', 'Asha Kumari');
    core.clockAt.t += 1000;
    const ravi = await core.call('users.create', { name: 'Ravi Oraon', role: 'state_admin' });
    expect((await core.call('session.get', {})).user?.id).toBe(asha.id);
    await core.call('session.switch', { userId: ravi.id });
    expect((await core.call('session.get', {})).user?.name).toBe('Ravi Oraon');
  });

  it('every write records who made it', async () => {
    const core = makeCore();
    const asha = await withUser(core);
    const booth = (await core.call('units.search', { q: 'Bermo', level: 'block' }))[0];
    await core.call('committees.create', { unitId: booth.id, kindId: 'main' });
    const row = core.db.prepare(`SELECT updated_by FROM committees`).get() as { updated_by: string };
    expect(row.updated_by).toBe(asha.id);
    const log = core.db.prepare(`SELECT user_id FROM change_log WHERE table_name = 'committees'`).get() as { user_id: string };
    expect(log.user_id).toBe(asha.id);
  });

  it('writing before anyone is chosen is refused with a clear message', async () => {
    const core = makeCore();
    const block = (await core.call('units.search', { q: 'Bermo', level: 'block' }))[0];
    const e = await failsWith(core.call('committees.create', { unitId: block.id, kindId: 'main' }), 'no_user');
    expect(e.message).toMatch(/Choose who is working/);
    expect(core.db.prepare('SELECT count(*) AS n FROM committees').get()).toEqual({ n: 0 });
  });

  it('refuses a duplicate name, an empty name and switching to an unknown user', async () => {
    const core = makeCore();
    await withUser(core, 'operator', 'Asha Kumari');
    await failsWith(core.call('users.create', { name: 'asha kumari', role: 'operator' }), 'conflict');
    await failsWith(core.call('users.create', { name: '   ', role: 'operator' }), 'invalid_input');
    await failsWith(core.call('session.switch', { userId: 'nobody' }), 'not_found');
  });
});
