import { describe, expect, it } from 'vitest';
import { makeCore, withUser } from './helpers';

describe('editing and removing a speaker', () => {
  it('an edit that leaves the (masked) phone blank keeps it and saves availability and rating; a removal can be undone', async () => {
    const core = makeCore();
    await withUser(core);
    const sp = await core.call('speakers.save', { nameEn: 'Sunita Oraon', phone: '9123400001', languages: ['Hindi', 'Kurukh'], topics: ['Women'], level: 'district' });
    expect(sp).toMatchObject({ phoneMasked: '91••••••01', availability: null, rating: null });

    const edited = await core.call('speakers.save', {
      id: sp.id,
      nameEn: 'Sunita Oraon',
      languages: ['Hindi', 'Kurukh'],
      topics: ['Women', 'Farmers'],
      level: 'pc',
      availability: 'Weekends',
      rating: 4,
    });
    expect(edited).toMatchObject({ id: sp.id, phoneMasked: '91••••••01', topics: ['Women', 'Farmers'], level: 'pc', availability: 'Weekends', rating: 4 });
    expect((await core.call('rosters.export', { roster: 'speakers' })).text).toContain('9123400001');
    expect(await core.call('speakers.list', { q: 'Sunita' })).toHaveLength(1);

    expect(await core.call('speakers.remove', { id: sp.id })).toEqual({ removed: true });
    expect(await core.call('speakers.list', { q: 'Sunita' })).toHaveLength(0);
    await core.call('history.undoLast', {});
    expect(await core.call('speakers.list', { q: 'Sunita' })).toEqual([edited]);
  });
});
