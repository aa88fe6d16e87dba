import { canTransition, nextStatuses } from '../../../shared/domain/committeeStatus';
import { computeCommitteeCompleteness } from '../../../shared/domain/completeness';
import { maskEpic, maskPhone, normaliseEpic, normalisePhone } from '../../../shared/domain/personalData';
import type {
  CommitteeCategory,
  CommitteeKind,
  CommitteeStatus,
  CompletenessResult,
  OrgLevel,
  Role,
  UnitLevel,
} from '../../../shared/domain/types';
import type { CommitteeView, PersonMatch } from '../../../shared/ipc/views';
import type { Db } from '../db/connection';
import { appointmentsOfCommittee, getAppointment, hasAppointment, postsOfPerson, rolesOfCommittee } from '../db/repositories/appointments';
import { findKindByName, getKind, kindExists, maxKindSort } from '../db/repositories/committeeKinds';
import { committeesOfUnit, findCommittee, getCommittee, type StoredCommittee } from '../db/repositories/committees';
import { getUnit } from '../db/repositories/orgUnits';
import { findPersonByPhone, getPerson } from '../db/repositories/people';
import { getRule } from '../db/repositories/rules';
import { insertRow, newId, tombstoneRow, upsertRow, type WriteContext } from '../sync/writer';
import { AppError } from './AppError';
import { inChange, istDate, requireStateAdmin, requireUser, type ServiceContext } from './context';

/** Which rule applies at a unit level: Lok Sabha and assembly units follow the district rule. */
export function ruleLevelFor(level: UnitLevel): OrgLevel {
  return level === 'pc' || level === 'ac' ? 'district' : level;
}

/** The unit levels whose committees follow the rule of `level` (the inverse of ruleLevelFor). */
export function unitLevelsForRule(level: OrgLevel): UnitLevel[] {
  return level === 'district' ? ['district', 'pc', 'ac'] : [level];
}

const STATUS_WORDS: Record<CommitteeStatus, string> = {
  not_formed: 'not formed',
  declared: 'declared',
  verified: 'verified',
  dissolved: 'dissolved',
};

function completenessOf(db: Db, unitLevel: UnitLevel, category: CommitteeCategory, roles: readonly Role[]): CompletenessResult {
  return computeCommitteeCompleteness(getRule(db, ruleLevelFor(unitLevel), category), roles);
}

/** Shape a committee for the renderer. Phone numbers and voter ids leave only masked. */
export function committeeView(db: Db, c: StoredCommittee, unit?: { level: UnitLevel; code: string }, kind?: CommitteeKind): CommitteeView {
  const u = unit ?? getUnit(db, c.unitId);
  const k = kind ?? getKind(db, c.kindId);
  if (!u || !k) throw new AppError('not_found', 'This committee’s unit or kind no longer exists. Reload the page.');
  const appointments = appointmentsOfCommittee(db, c.id).map((a) => ({
    id: a.id,
    committeeId: a.committeeId,
    personId: a.personId,
    role: a.role,
    person: {
      id: a.person.id,
      nameEn: a.person.nameEn,
      nameHi: a.person.nameHi,
      phoneMasked: maskPhone(a.person.phone),
      voterIdMasked: maskEpic(a.person.voterId),
    },
  }));
  return {
    id: c.id,
    unitId: c.unitId,
    kindId: c.kindId,
    status: c.status,
    declaredOn: c.declaredOn,
    verifiedOn: c.verifiedOn,
    declaredBy: c.declaredBy,
    verifiedBy: c.verifiedBy,
    complete: c.complete,
    kind: k,
    unitCode: u.code,
    appointments,
    completeness: completenessOf(
      db,
      u.level,
      k.category,
      appointments.map((a) => a.role),
    ),
    allowedNext: [...nextStatuses(c.status)],
  };
}

export function committeeViewsOfUnit(db: Db, unit: { id: string; level: UnitLevel; code: string }): CommitteeView[] {
  return committeesOfUnit(db, unit.id).map((c) => committeeView(db, c, unit));
}

function loadCommittee(db: Db, id: string): StoredCommittee {
  const c = getCommittee(db, id);
  if (!c) throw new AppError('not_found', 'That committee no longer exists. Reload the unit’s page.', 'committeeId');
  return c;
}

/**
 * Keep a committee's stored `complete` and `member_count` in step with its appointments and rule. Runs in
 * the caller's change group; writes nothing when nothing changed.
 */
export function recomputeCommittee(w: WriteContext, committeeId: string, action: string): void {
  const c = getCommittee(w.db, committeeId);
  if (!c) return;
  const unit = getUnit(w.db, c.unitId);
  const kind = getKind(w.db, c.kindId);
  if (!unit || !kind) return;
  const roles = rolesOfCommittee(w.db, committeeId);
  const result = completenessOf(w.db, unit.level, kind.category, roles);
  upsertRow(w, 'committees', committeeId, { complete: result.complete ? 1 : 0, member_count: roles.length }, action);
}

export function createCommittee(ctx: ServiceContext, input: { unitId: string; kindId: string }): CommitteeView {
  const user = requireUser(ctx);
  const unit = getUnit(ctx.db, input.unitId);
  if (!unit) throw new AppError('not_found', 'That unit no longer exists. Search for it again.', 'unitId');
  const kind = getKind(ctx.db, input.kindId);
  if (!kind) throw new AppError('not_found', 'That committee kind does not exist. Choose one from the list.', 'kindId');
  if (findCommittee(ctx.db, unit.id, kind.id)) {
    throw new AppError('conflict', `${unit.nameEn} already has a ${kind.nameEn}. Open it instead of creating another.`, 'kindId');
  }
  const id = newId();
  inChange(ctx, user.id, (w) => {
    const result = completenessOf(ctx.db, unit.level, kind.category, []);
    insertRow(
      w,
      'committees',
      id,
      {
        unit_id: unit.id,
        kind_id: kind.id,
        status: 'not_formed',
        complete: result.complete ? 1 : 0,
        member_count: 0,
        ac_no: unit.acNo,
        district_code: unit.districtCode,
      },
      'committee.create',
    );
  });
  return committeeView(ctx.db, loadCommittee(ctx.db, id), unit, kind);
}

export function setCommitteeStatus(ctx: ServiceContext, input: { committeeId: string; status: CommitteeStatus }): CommitteeView {
  const user = requireUser(ctx);
  const c = loadCommittee(ctx.db, input.committeeId);
  if (c.status === input.status) return committeeView(ctx.db, c);
  if (!canTransition(c.status, input.status)) {
    const allowed = nextStatuses(c.status).map((s) => STATUS_WORDS[s]);
    throw new AppError(
      'conflict',
      `A committee that is ${STATUS_WORDS[c.status]} cannot become ${STATUS_WORDS[input.status]}. It can become: ${allowed.join(' or ')}.`,
      'status',
    );
  }
  const today = istDate(ctx);
  const changes: Record<string, string | number | null> = { status: input.status };
  if (input.status === 'declared') {
    // Declared again after dissolution: a fresh declaration needs a fresh verification.
    Object.assign(changes, { declared_on: today, declared_by: user.id, verified_on: null, verified_by: null });
  } else if (input.status === 'verified') {
    Object.assign(changes, { verified_on: today, verified_by: user.id });
  }
  inChange(ctx, user.id, (w) => {
    upsertRow(w, 'committees', c.id, changes, 'committee.status');
  });
  return committeeView(ctx.db, loadCommittee(ctx.db, c.id));
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

const KIND_PREFIX: Record<CommitteeCategory, string> = {
  main: 'main',
  frontal: 'frontal',
  department: 'dept',
  cell: 'cell',
  media: 'media',
  social_media: 'social_media',
};

export function addCommitteeKind(
  ctx: ServiceContext,
  input: { category: CommitteeCategory; nameEn: string; nameHi: string },
): CommitteeKind {
  const user = requireStateAdmin(ctx, 'add a committee kind');
  if (findKindByName(ctx.db, input.nameEn)) {
    throw new AppError('conflict', `There is already a committee kind called "${input.nameEn}".`, 'nameEn');
  }
  const base = `${KIND_PREFIX[input.category]}_${slug(input.nameEn) || 'kind'}`;
  let id = base;
  for (let i = 2; kindExists(ctx.db, id); i++) id = `${base}_${i}`;
  inChange(ctx, user.id, (w) => {
    insertRow(
      w,
      'committee_kinds',
      id,
      { category: input.category, name_en: input.nameEn, name_hi: input.nameHi, builtin: 0, sort: maxKindSort(ctx.db) + 10 },
      'kind.add',
    );
  });
  const kind = getKind(ctx.db, id);
  if (!kind) throw new AppError('internal', 'The new committee kind could not be read back. Try again.');
  return kind;
}

type NewPerson = { nameEn?: string; nameHi?: string; phone?: string; voterId?: string };

export function addAppointment(
  ctx: ServiceContext,
  input: { committeeId: string; role: Role; person: { existingPersonId: string } | NewPerson },
): CommitteeView {
  const user = requireUser(ctx);
  const c = loadCommittee(ctx.db, input.committeeId);

  let personId: string | null = null;
  let newPerson: { name_en: string | null; name_hi: string | null; phone: string | null; voter_id: string | null } | null = null;
  if ('existingPersonId' in input.person) {
    const p = getPerson(ctx.db, input.person.existingPersonId);
    if (!p) throw new AppError('not_found', 'That person is no longer on record. Enter their details again.', 'person.existingPersonId');
    personId = p.id;
  } else {
    const p = input.person;
    const rawPhone = p.phone?.trim() ?? '';
    const phone = normalisePhone(rawPhone);
    if (rawPhone !== '' && !phone) {
      throw new AppError(
        'invalid_input',
        'Phone number is not valid: it should be a 10-digit mobile number starting with 6, 7, 8 or 9 (a +91 or 0 in front is fine).',
        'person.phone',
      );
    }
    const rawEpic = p.voterId?.trim() ?? '';
    const voterId = normaliseEpic(rawEpic);
    if (rawEpic !== '' && !voterId) {
      throw new AppError('invalid_input', 'Voter id is not valid: it should be three letters and seven digits, e.g. ABC1234567.', 'person.voterId');
    }
    // A known phone number means a known person: reuse them rather than create a duplicate.
    const known = phone ? findPersonByPhone(ctx.db, phone) : null;
    if (known) personId = known.id;
    else newPerson = { name_en: p.nameEn?.trim() || null, name_hi: p.nameHi?.trim() || null, phone, voter_id: voterId };
  }
  if (personId && hasAppointment(ctx.db, c.id, personId, input.role)) {
    throw new AppError('conflict', 'This person already holds this post in this committee.', 'role');
  }

  inChange(ctx, user.id, (w) => {
    if (newPerson) {
      personId = newId();
      insertRow(w, 'people', personId, { ...newPerson, ac_no: c.acNo, district_code: c.districtCode }, 'appointment.add');
    }
    insertRow(
      w,
      'appointments',
      newId(),
      { committee_id: c.id, person_id: personId, role: input.role, ac_no: c.acNo, district_code: c.districtCode },
      'appointment.add',
    );
    recomputeCommittee(w, c.id, 'appointment.add');
  });
  return committeeView(ctx.db, loadCommittee(ctx.db, c.id));
}

export function removeAppointment(ctx: ServiceContext, input: { appointmentId: string }): CommitteeView {
  const user = requireUser(ctx);
  const a = getAppointment(ctx.db, input.appointmentId);
  if (!a) throw new AppError('not_found', 'That post has already been removed. Reload the committee.', 'appointmentId');
  inChange(ctx, user.id, (w) => {
    tombstoneRow(w, 'appointments', a.id, 'appointment.remove');
    recomputeCommittee(w, a.committeeId, 'appointment.remove');
  });
  return committeeView(ctx.db, loadCommittee(ctx.db, a.committeeId));
}

export function findPersonByPhoneMasked(ctx: ServiceContext, input: { phone: string }): PersonMatch | null {
  const phone = normalisePhone(input.phone);
  if (!phone) return null;
  const p = findPersonByPhone(ctx.db, phone);
  if (!p) return null;
  return { id: p.id, nameEn: p.nameEn, nameHi: p.nameHi, phoneMasked: maskPhone(p.phone), posts: postsOfPerson(ctx.db, p.id) };
}
