import { describe, expect, it } from 'vitest';
import { addBermoFixture, failsWith, fillBoothCommittee, makeCore, withUser } from './helpers';

describe('committees and office-bearers', () => {
  it('create → declare → verify a complete booth committee moves the Lok Sabha dashboard', async () => {
    const core = makeCore();
    const user = await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const dash = () => core.call('dashboard.get', { scope: { type: 'pc', pcNo: 6 }, measureLevel: 'booth', kindId: 'main' });

    expect((await dash()).total).toMatchObject({ expected: 3, declared: 0, verified: 0, done: 0, pct: 0 });

    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    expect(c.status).toBe('not_formed');
    expect(c.allowedNext).toEqual(['declared']);
    await fillBoothCommittee(core, c.id);

    core.clockAt.t += 86_400_000;
    const declared = await core.call('committees.setStatus', { committeeId: c.id, status: 'declared' });
    expect(declared.declaredOn).toBe('2026-01-11');
    expect(declared.declaredBy).toBe(user.id);
    expect((await dash()).total).toMatchObject({ declared: 1, verified: 0, done: 0, pct: 0 });

    core.clockAt.t += 86_400_000;
    const verified = await core.call('committees.setStatus', { committeeId: c.id, status: 'verified' });
    expect(verified.verifiedOn).toBe('2026-01-12');
    expect(verified.complete).toBe(true);
    const d = await dash();
    expect(d.total).toMatchObject({ expected: 3, declared: 1, verified: 1, done: 1, pct: 33.3 });
    expect(d.byAc.find((a) => a.featureId === 35)).toMatchObject({ done: 1, expected: 3 });
    expect(d.history.at(-1)).toEqual({ date: '2026-01-12', declared: 1, verified: 1 });
  });

  it('the declaration date is the Indian date, not the UTC one', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    core.clockAt.t = Date.UTC(2026, 0, 10, 20, 0, 0); // 01:30 IST on the 11th
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    expect((await core.call('committees.setStatus', { committeeId: c.id, status: 'declared' })).declaredOn).toBe('2026-01-11');
  });

  it('an illegal status change is refused with the reason, and nothing changes', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    const e = await failsWith(core.call('committees.setStatus', { committeeId: c.id, status: 'verified' }), 'conflict');
    expect(e.message).toMatch(/not formed cannot become verified/);
    const detail = await core.call('units.get', { id: boothIds[0] });
    expect(detail.committees[0].status).toBe('not_formed');
  });

  it('one committee of a kind per unit', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    await failsWith(core.call('committees.create', { unitId: boothIds[0], kindId: 'main' }), 'conflict');
    await core.call('committees.create', { unitId: boothIds[0], kindId: 'youth' });
    expect((await core.call('units.get', { id: boothIds[0] })).committees.map((c) => c.kindId)).toEqual(['main', 'youth']);
  });

  it('a phone number already known reuses that person instead of creating a duplicate', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const a = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    const b = await core.call('committees.create', { unitId: boothIds[1], kindId: 'youth' });
    const first = await core.call('appointments.add', {
      committeeId: a.id,
      role: 'president',
      person: { nameEn: 'Sunil Mahto', phone: '+91 98765 43210' },
    });
    const second = await core.call('appointments.add', {
      committeeId: b.id,
      role: 'president',
      person: { nameEn: 'S. Mahto', phone: '09876543210' },
    });
    expect(second.appointments[0].personId).toBe(first.appointments[0].personId);
    expect(second.appointments[0].person.nameEn).toBe('Sunil Mahto');
    expect(core.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });

    const match = await core.call('people.findByPhone', { phone: '98765-43210' });
    expect(match?.id).toBe(first.appointments[0].personId);
    expect(match?.phoneMasked).toBe('98••••••10');
    expect(match?.posts.map((p) => p.kindNameEn).sort()).toEqual(['Main committee', 'Youth wing']);
    expect(await core.call('people.findByPhone', { phone: '9000000001' })).toBeNull();
  });

  it('an invalid phone or voter id is refused naming the field, and nothing is written', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    const e = await failsWith(
      core.call('appointments.add', { committeeId: c.id, role: 'member', person: { nameEn: 'X', phone: '12345' } }),
      'invalid_input',
    );
    expect(e.field).toBe('person.phone');
    expect(e.message).toMatch(/10-digit mobile number/);
    const v = await failsWith(
      core.call('appointments.add', { committeeId: c.id, role: 'member', person: { nameEn: 'X', voterId: 'AB12' } }),
      'invalid_input',
    );
    expect(v.field).toBe('person.voterId');
    expect(core.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 });
    expect(core.db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 0 });
  });

  it('phone numbers and voter ids never leave unmasked', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    const added = await core.call('appointments.add', {
      committeeId: c.id,
      role: 'president',
      person: { nameEn: 'Sunil Mahto', nameHi: 'सुनील महतो', phone: '9876543210', voterId: 'jhx1234567' },
    });
    expect(added.appointments[0].person).toMatchObject({ phoneMasked: '98••••••10', voterIdMasked: 'JHX••••567' });
    const outputs = [
      added,
      await core.call('units.get', { id: boothIds[0] }),
      await core.call('people.findByPhone', { phone: '9876543210' }),
      await core.call('history.last', {}),
    ];
    for (const out of outputs) {
      // Ids are random hex and may hold a run of ten digits by chance: drop them before looking for a phone.
      const json = JSON.stringify(out).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
      expect(json).not.toMatch(/\d{10}/);
      expect(json).not.toMatch(/JHX1234567/);
    }
    // stored normalised, for matching
    expect(core.db.prepare('SELECT phone, voter_id FROM people').get()).toEqual({ phone: '9876543210', voter_id: 'JHX1234567' });
  });

  it('adding and removing office-bearers keeps completeness and member count in step', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    await fillBoothCommittee(core, c.id);
    let view = (await core.call('units.get', { id: boothIds[0] })).committees[0];
    expect(view.complete).toBe(true);
    expect(view.completeness).toEqual({ complete: true, missingRoles: [], membersShort: 0 });
    const bla = view.appointments.find((a) => a.role === 'bla')!;
    view = await core.call('appointments.remove', { appointmentId: bla.id });
    expect(view.complete).toBe(false);
    expect(view.completeness.missingRoles).toEqual(['bla']);
    expect(view.appointments).toHaveLength(4);
    const row = core.db.prepare('SELECT complete, member_count FROM committees WHERE id = ?').get(c.id);
    expect(row).toEqual({ complete: 0, member_count: 4 });
    // the appointment is a tombstone, not gone
    expect(core.db.prepare('SELECT deleted FROM appointments WHERE id = ?').get(bla.id)).toEqual({ deleted: 1 });
    await failsWith(core.call('appointments.remove', { appointmentId: bla.id }), 'not_found');
  });

  it('the same person cannot hold the same post twice in one committee', async () => {
    const core = makeCore();
    await withUser(core);
    const { boothIds } = addBermoFixture(core);
    const c = await core.call('committees.create', { unitId: boothIds[0], kindId: 'main' });
    const v = await core.call('appointments.add', { committeeId: c.id, role: 'member', person: { nameEn: 'A', phone: '9876543210' } });
    await failsWith(
      core.call('appointments.add', { committeeId: c.id, role: 'member', person: { existingPersonId: v.appointments[0].personId } }),
      'conflict',
    );
  });

  it('only a state admin can add a committee kind; the new kind can be used at once', async () => {
    const core = makeCore();
    await withUser(core, 'operator', 'Asha');
    await failsWith(core.call('committees.addKind', { category: 'cell', nameEn: 'Farmers cell', nameHi: 'किसान प्रकोष्ठ' }), 'forbidden');
    const admin = await core.call('users.create', { name: 'Admin', role: 'state_admin' });
    await core.call('session.switch', { userId: admin.id });
    const kind = await core.call('committees.addKind', { category: 'cell', nameEn: 'Farmers cell', nameHi: 'किसान प्रकोष्ठ' });
    expect(kind).toMatchObject({ id: 'cell_farmers_cell', category: 'cell', builtin: false });
    expect((await core.call('meta.lists', {})).kinds.map((k) => k.id)).toContain(kind.id);
    await failsWith(core.call('committees.addKind', { category: 'cell', nameEn: 'farmers cell', nameHi: 'x' }), 'conflict');
  });
});
