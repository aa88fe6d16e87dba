import { describe, expect, it } from 'vitest';
import { getUnitByCode } from '../../electron/main/db/repositories/orgUnits';
import { makeCore, withUser } from './helpers';

describe('editing a control room', () => {
  it('keeps the stored phone lines when the edit does not send any (the form only ever sees them masked)', async () => {
    const core = makeCore();
    await withUser(core);
    const pc = getUnitByCode(core.db, 'PC-6')!.id;
    await core.call('controlRooms.set', { pcUnitId: pc, setUp: true, address: 'Station Road', staff: [], phoneLines: ['9876543214', '06542-222333'] });

    // The operator changes only the address: the edit form leaves the masked lines alone.
    const edited = await core.call('controlRooms.set', { pcUnitId: pc, setUp: true, address: 'Court Road', staff: [] });
    expect(edited).toMatchObject({ address: 'Court Road', phoneLinesMasked: ['98••••••14', '06••••••33'] });
    expect((await core.call('rosters.export', { roster: 'controlRooms' })).text).toContain('9876543214; 06542222333');

    // Typed lines replace the stored ones; an explicit empty list removes them.
    expect((await core.call('controlRooms.set', { pcUnitId: pc, setUp: true, staff: [], phoneLines: ['9876543215'] })).phoneLinesMasked).toEqual(['98••••••15']);
    expect((await core.call('controlRooms.set', { pcUnitId: pc, setUp: false, staff: [], phoneLines: [] })).phoneLinesMasked).toEqual([]);
  });

  it('a new control room saved without lines has none', async () => {
    const core = makeCore();
    await withUser(core);
    const pc = getUnitByCode(core.db, 'PC-6')!.id;
    expect((await core.call('controlRooms.set', { pcUnitId: pc, setUp: true, staff: [] })).phoneLinesMasked).toEqual([]);
  });
});
