import {
  consecutiveRuns,
  DEFAULT_THRESHOLDS,
  findProblemsInScope,
  keyInScope,
  phoneRunFinding,
  type BoothFacts,
  type Finding,
  type FindingScope,
  type FindingStatus,
  type IntegrityThresholds,
  type MemberFacts,
} from '../../../../shared/domain/membershipIntegrity';
import { maskPersonal, maySeePersonalData } from '../../../../shared/domain/personalData';
import type { FindingMemberView, FindingView, ThresholdsView } from '../../../../shared/ipc/views';
import type { Db } from '../../db/connection';
import { getMeta } from '../../db/repositories/meta';
import {
  clearFindingMembers,
  countBlockingFindings,
  findingMemberIds,
  findingsByKey,
  getFinding,
  linkFindingMembers,
  listBoothFacts,
  listEnrollerFacts,
  listFindings,
  listMemberFacts,
  listMemberFactsMatching,
  memberIdsByPhones,
  membersOfFinding,
  refreshOpenFindingCounts,
  refreshOpenFindingCountsOf,
  sortedPhoneNumbers,
  unlinkFindingMembers,
  type StoredFinding,
} from '../../db/repositories/membership';
import { userName } from '../../db/repositories/users';
import { insertRow, newId, tombstoneRow, upsertRow, type WriteContext } from '../../sync/writer';
import { AppError } from '../AppError';
import { inChange, nowIso, requireUser, type ServiceContext } from '../context';

/** Thresholds: the defaults, overridden by the local setting `membership.thresholds` (JSON, any subset). */
export function integrityThresholds(db: Db): IntegrityThresholds {
  const raw = getMeta(db, 'membership.thresholds');
  if (!raw) return DEFAULT_THRESHOLDS;
  try {
    return { ...DEFAULT_THRESHOLDS, ...(JSON.parse(raw) as Partial<IntegrityThresholds>) };
  } catch {
    return DEFAULT_THRESHOLDS;
  }
}

/** Above this many members to recount, one set-based recount of all of them is cheaper than one by one. */
const RECOUNT_ONE_BY_ONE = 20_000;

export interface FindingsUpdate {
  /** Which findings to recompute: those about these keys, or all of them. */
  scope: FindingScope | 'all';
  /** The records just inserted in this transaction, already in memory (so they are not read back)… */
  newFacts?: readonly MemberFacts[];
  /** … which are the rows after this rowid. */
  afterRowid?: number;
  booths?: BoothFacts[];
}

/**
 * Run the integrity rules and store the result, inside the caller's transaction. With a scope, only
 * the findings about its phones, voter ids, enrollers and booths (and the runs of consecutive phones)
 * are recomputed, from the records that share those keys; every other finding stands. A finding keeps
 * its id and review (confirmed / dismissed) as long as a rule still finds it under the same key;
 * findings of the scope no longer found are tombstoned (resolved), and `open_findings` is recounted
 * for the members whose findings changed. Returns the live findings that block verification.
 */
export function updateFindings(w: WriteContext, update: FindingsUpdate): number {
  return applyFindings(w, planFindings(w.db, update));
}

/** What a recompute found (read-only), before it is stored by applyFindings. */
export interface FindingsPlan {
  scope: FindingScope | 'all';
  found: Finding[];
  boothOf: (memberId: string) => BoothFacts | undefined;
}

export function planFindings(db: Db, update: FindingsUpdate): FindingsPlan {
  const { scope } = update;
  const boothMap = new Map((update.booths ?? listBoothFacts(db)).map((b) => [b.id, b]));
  const enrollers = new Map(listEnrollerFacts(db).map((e) => [e.id, e]));
  const t = integrityThresholds(db);
  let members: MemberFacts[];
  if (scope === 'all') members = listMemberFacts(db);
  else {
    members = listMemberFactsMatching(db, scope, update.newFacts ? (update.afterRowid ?? null) : null);
    if (update.newFacts) for (const m of update.newFacts) members.push(m);
  }
  const found = findProblemsInScope(members, enrollers, boothMap, t, scope);
  // Runs of consecutive numbers: always over every number there is.
  const numbers = sortedPhoneNumbers(db);
  const runs = consecutiveRuns(numbers, t.phoneRunLength);
  if (runs.length > 0) {
    const runPhones: string[] = [];
    for (const [start, length] of runs) for (let j = start; j < start + length; j++) runPhones.push(String(numbers[j]));
    const idsOf = memberIdsByPhones(db, runPhones);
    for (const [start, length] of runs) {
      const memberIds: string[] = [];
      for (let j = start; j < start + length; j++) memberIds.push(...(idsOf.get(String(numbers[j])) ?? []));
      found.push(phoneRunFinding(numbers[start], length, memberIds));
    }
  }
  const memberBooth = new Map<string, string>();
  if (found.length > 0) for (const m of members) memberBooth.set(m.id, m.boothId);
  return { scope, found, boothOf: (id) => boothMap.get(memberBooth.get(id) ?? '') };
}

/** Store a plan inside the caller's transaction; returns the live findings that block verification. */
export function applyFindings(w: WriteContext, plan: FindingsPlan): number {
  const { db } = w;
  const { scope, found } = plan;
  const all = findingsByKey(db);
  // The live findings this update answers for; a resolved one found again comes back on its own row.
  const existing = new Map<string, StoredFinding>();
  const affected = new Set<string>();
  if (scope === 'all') clearFindingMembers(db);
  for (const [key, f] of all) {
    if (f.deleted || (scope !== 'all' && !keyInScope(key, scope))) continue;
    existing.set(key, f);
    if (scope === 'all') continue;
    for (const id of findingMemberIds(db, f.id)) affected.add(id);
    unlinkFindingMembers(db, f.id);
  }
  for (const f of found) {
    const booth = plan.boothOf(f.memberIds[0]);
    const values = {
      rule: f.rule,
      key: f.key,
      params: JSON.stringify(f.params),
      member_count: f.memberIds.length,
      ac_no: booth?.acNo ?? null,
      district_code: booth?.districtCode ?? null,
    };
    const before = existing.get(f.key);
    const resolved = all.get(f.key);
    let id: string;
    if (before) {
      id = before.id;
      upsertRow(w, 'membership_findings', id, values, 'finding.update');
      existing.delete(f.key);
    } else if (resolved) {
      id = resolved.id;
      upsertRow(w, 'membership_findings', id, { ...values, status: 'open', reason: null, reviewed_by: null, reviewed_at: null, deleted: 0 }, 'finding.raise');
    } else {
      id = newId();
      insertRow(w, 'membership_findings', id, { ...values, status: 'open', reason: null, reviewed_by: null, reviewed_at: null }, 'finding.raise');
    }
    linkFindingMembers(db, id, f.memberIds);
    if (scope !== 'all') for (const m of f.memberIds) affected.add(m);
  }
  for (const gone of existing.values()) tombstoneRow(w, 'membership_findings', gone.id, 'finding.resolve');
  if (scope === 'all' || affected.size > RECOUNT_ONE_BY_ONE) refreshOpenFindingCounts(db);
  else refreshOpenFindingCountsOf(db, affected);
  return countBlockingFindings(db);
}

/** Every finding recomputed over all members (thresholds changed, an undo, the demo). */
export function recomputeFindings(w: WriteContext, booths?: BoothFacts[]): number {
  return updateFindings(w, { scope: 'all', booths });
}

function view(ctx: ServiceContext, f: StoredFinding, showPersonal: boolean): FindingView {
  const params = JSON.parse(f.params) as Record<string, string | number>;
  if (!showPersonal) {
    if (typeof params.phone === 'string') params.phone = maskPersonal('phone', params.phone);
    if (typeof params.epic === 'string') params.epic = maskPersonal('epic', params.epic);
  }
  return {
    id: f.id,
    rule: f.rule,
    status: f.status,
    params,
    memberCount: f.memberCount,
    reason: f.reason,
    reviewedBy: f.reviewedBy ? (userName(ctx.db, f.reviewedBy) ?? f.reviewedBy) : null,
    reviewedAt: f.reviewedAt,
  };
}

export function thresholdsView(ctx: ServiceContext): ThresholdsView {
  const user = requireUser(ctx);
  return { values: integrityThresholds(ctx.db), defaults: DEFAULT_THRESHOLDS, canEdit: user.role === 'state_admin' };
}

export function listFindingViews(
  ctx: ServiceContext,
  input: { status?: FindingStatus; rule?: FindingView['rule']; pcNo?: number; limit: number },
): { rows: FindingView[]; total: number } {
  const user = requireUser(ctx);
  const { rows, total } = listFindings(ctx.db, input);
  const show = maySeePersonalData(user.role);
  return { rows: rows.map((f) => view(ctx, f, show)), total };
}

export function findingMembers(ctx: ServiceContext, id: string): FindingMemberView[] {
  const user = requireUser(ctx);
  if (!getFinding(ctx.db, id)) throw new AppError('not_found', 'That finding no longer exists: the records changed and it was resolved.', 'id');
  const show = maySeePersonalData(user.role);
  return membersOfFinding(ctx.db, id, 200).map((m) => ({
    ...m,
    phone: m.phone && !show ? maskPersonal('phone', m.phone) : m.phone,
    epic: m.epic && !show ? maskPersonal('epic', m.epic) : m.epic,
  }));
}

/**
 * Confirm a finding as a real problem, dismiss it with a reason, or reopen it. The decision is a
 * synced write (who and when in the row, before/after in the audit history) and the verified counts
 * follow at once.
 */
export function reviewFinding(ctx: ServiceContext, input: { id: string; decision: FindingStatus; reason?: string }): FindingView {
  const user = requireUser(ctx);
  const f = getFinding(ctx.db, input.id);
  if (!f) throw new AppError('not_found', 'That finding no longer exists: the records changed and it was resolved.', 'id');
  const reason = input.reason?.trim() || null;
  if (input.decision === 'dismissed' && !reason) {
    throw new AppError('invalid_input', 'Say why this is not a problem before dismissing it (e.g. "family members share one phone").', 'reason');
  }
  inChange(ctx, user.id, (w) => {
    upsertRow(
      w,
      'membership_findings',
      f.id,
      {
        status: input.decision,
        reason: input.decision === 'open' ? null : reason,
        reviewed_by: input.decision === 'open' ? null : user.id,
        reviewed_at: input.decision === 'open' ? null : nowIso(ctx),
      },
      `finding.${input.decision === 'open' ? 'reopen' : input.decision === 'confirmed' ? 'confirm' : 'dismiss'}`,
    );
    refreshOpenFindingCountsOf(ctx.db, findingMemberIds(ctx.db, f.id));
  });
  return view(ctx, getFinding(ctx.db, f.id)!, maySeePersonalData(user.role));
}
