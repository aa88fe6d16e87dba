import type { BoothFacts, EnrollerFacts, FindingRule, FindingStatus, MemberFacts } from '../../../../shared/domain/membershipIntegrity';
import type { Db } from '../connection';
import { prepared } from '../statements';

/** Membership drive: the only SQL for enrollers, workshops, members, findings and targets. */

export function listBoothFacts(db: Db): BoothFacts[] {
  return (
    db
      .prepare(`SELECT id, code, electors, ac_no, pc_no, district_code FROM org_units WHERE level = 'booth' AND deleted = 0`)
      .all() as { id: string; code: string; electors: number | null; ac_no: number | null; pc_no: number | null; district_code: string | null }[]
  ).map((r) => ({ id: r.id, code: r.code, electors: r.electors, acNo: r.ac_no, pcNo: r.pc_no, districtCode: r.district_code }));
}

export interface EnrollerRow {
  id: string;
  name: string;
  phone: string | null;
  level: 'chief' | 'booth';
  unitId: string;
  unitCode: string;
  unitNameEn: string;
  unitNameHi: string | null;
  loginId: string | null;
  appointedBy: string | null;
  acNo: number | null;
  districtCode: string | null;
  trained: boolean;
}

export function listEnrollers(db: Db, filter: { districtCode?: string; pcNo?: number; untrainedOnly?: boolean } = {}): EnrollerRow[] {
  const where = ['e.deleted = 0'];
  const params: Record<string, string | number> = {};
  if (filter.districtCode) {
    where.push('e.district_code = @d');
    params.d = filter.districtCode;
  }
  if (filter.pcNo !== undefined) {
    where.push('(u.pc_no = @pc OR e.ac_no IN (SELECT ac_no FROM org_units WHERE level = \'ac\' AND pc_no = @pc))');
    params.pc = filter.pcNo;
  }
  const trained = `EXISTS (SELECT 1 FROM workshop_attendance a JOIN workshops w ON w.id = a.workshop_id AND w.deleted = 0
                   WHERE a.enroller_id = e.id AND a.attended = 1 AND a.deleted = 0)`;
  if (filter.untrainedOnly) where.push(`NOT ${trained}`);
  const rows = db
    .prepare(
      `SELECT e.id, e.name, e.phone, e.level, e.unit_id, u.code AS unit_code, u.name_en, u.name_hi, e.login_id, e.appointed_by,
              e.ac_no, e.district_code, ${trained} AS trained
       FROM enrollers e JOIN org_units u ON u.id = e.unit_id
       WHERE ${where.join(' AND ')} ORDER BY e.district_code, e.level, e.name`,
    )
    .all(params) as {
    id: string; name: string; phone: string | null; level: 'chief' | 'booth'; unit_id: string; unit_code: string; name_en: string; name_hi: string | null;
    login_id: string | null; appointed_by: string | null; ac_no: number | null; district_code: string | null; trained: number;
  }[];
  return rows.map((r) => ({
    id: r.id, name: r.name, phone: r.phone, level: r.level, unitId: r.unit_id, unitCode: r.unit_code, unitNameEn: r.name_en, unitNameHi: r.name_hi,
    loginId: r.login_id, appointedBy: r.appointed_by, acNo: r.ac_no, districtCode: r.district_code, trained: r.trained === 1,
  }));
}

export function listEnrollerFacts(db: Db): EnrollerFacts[] {
  return (
    db
      .prepare(
        `SELECT e.id, coalesce(e.login_id, e.id) AS login_id, e.level, e.unit_id, u.level AS unit_level, e.ac_no, e.district_code,
                EXISTS (SELECT 1 FROM workshop_attendance a JOIN workshops w ON w.id = a.workshop_id AND w.deleted = 0
                        WHERE a.enroller_id = e.id AND a.attended = 1 AND a.deleted = 0) AS trained
         FROM enrollers e JOIN org_units u ON u.id = e.unit_id WHERE e.deleted = 0`,
      )
      .all() as { id: string; login_id: string; level: 'chief' | 'booth'; unit_id: string; unit_level: string; ac_no: number | null; district_code: string | null; trained: number }[]
  ).map((r) => ({
    id: r.id,
    loginId: r.login_id,
    level: r.level,
    boothId: r.level === 'booth' ? r.unit_id : null,
    // A chief enroller of a district covers the district; of an AC, the AC.
    districtCode: r.level === 'chief' && r.unit_level === 'district' ? r.district_code : null,
    acNo: r.level === 'chief' && r.unit_level === 'ac' ? r.ac_no : null,
    trained: r.trained === 1,
  }));
}

/** Login id → enroller id, for reading the app's "enroller" column. */
export function enrollerIdsByLogin(db: Db): Map<string, string> {
  const rows = db.prepare(`SELECT id, login_id FROM enrollers WHERE deleted = 0 AND login_id IS NOT NULL`).all() as { id: string; login_id: string }[];
  return new Map(rows.map((r) => [r.login_id.toUpperCase(), r.id]));
}

/** The identities already present: membership ids, and phone|booth of records without one. */
export function existingMemberKeys(db: Db): { membershipIds: Set<string>; phoneBooth: Set<string> } {
  const membershipIds = new Set<string>();
  const phoneBooth = new Set<string>();
  for (const r of db.prepare(`SELECT membership_id FROM members WHERE membership_id IS NOT NULL`).raw().iterate() as Iterable<[string]>) membershipIds.add(r[0]);
  for (const r of db.prepare(`SELECT phone, booth_id FROM members WHERE membership_id IS NULL`).raw().iterate() as Iterable<[string, string]>) {
    phoneBooth.add(`${r[0]}|${r[1]}`);
  }
  return { membershipIds, phoneBooth };
}

/** Whether a record with this identity is present: its membership id, else (without one) phone + booth. */
export function memberIdentityExists(db: Db, membershipId: string | null, phone: string, boothId: string): boolean {
  const row = membershipId
    ? prepared(db, 'membership.idExists', 'SELECT 1 FROM members WHERE membership_id = ?').get(membershipId)
    : prepared(db, 'membership.phoneBoothExists', 'SELECT 1 FROM members WHERE phone = ? AND booth_id = ? AND membership_id IS NULL').get(phone, boothId);
  return row !== undefined;
}

/** Every live member, reduced to what the integrity rules read. */
export function listMemberFacts(db: Db): MemberFacts[] {
  const out: MemberFacts[] = [];
  const it = db
    .prepare(`SELECT id, phone, epic, booth_id, enroller_id, enrolled_at, scope_pc FROM members WHERE deleted = 0`)
    .raw()
    .iterate() as Iterable<[string, string | null, string | null, string, string | null, string | null, number | null]>;
  for (const r of it) out.push({ id: r[0], phone: r[1], epic: r[2], boothId: r[3], enrollerId: r[4], enrolledAt: r[5], scopePcNo: r[6] });
  return out;
}

/**
 * Live members sharing a phone, voter id, enroller or booth with the scope (one scan, filtered in SQL),
 * optionally only those up to a rowid (the records that were there before a bulk insert).
 */
export function listMemberFactsMatching(
  db: Db,
  scope: { phones: ReadonlySet<string>; epics: ReadonlySet<string>; enrollerIds: ReadonlySet<string>; boothIds: ReadonlySet<string> },
  maxRowid: number | null,
): MemberFacts[] {
  const out: MemberFacts[] = [];
  const json = (s: ReadonlySet<string>) => JSON.stringify([...s]);
  const it = prepared(
    db,
    'membership.factsMatching',
    `SELECT id, phone, epic, booth_id, enroller_id, enrolled_at, scope_pc FROM members
     WHERE deleted = 0 AND (@max IS NULL OR rowid <= @max)
       AND (phone IN (SELECT value FROM json_each(@phones)) OR epic IN (SELECT value FROM json_each(@epics))
            OR enroller_id IN (SELECT value FROM json_each(@enrollers)) OR booth_id IN (SELECT value FROM json_each(@booths)))`,
  )
    .raw()
    .iterate({ max: maxRowid, phones: json(scope.phones), epics: json(scope.epics), enrollers: json(scope.enrollerIds), booths: json(scope.boothIds) }) as Iterable<
    [string, string | null, string | null, string, string | null, string | null, number | null]
  >;
  for (const r of it) out.push({ id: r[0], phone: r[1], epic: r[2], boothId: r[3], enrollerId: r[4], enrolledAt: r[5], scopePcNo: r[6] });
  return out;
}

/** Every distinct phone number of live members, as numbers, sorted (for runs of consecutive numbers). */
export function sortedPhoneNumbers(db: Db): Float64Array {
  // Straight into a typed array, sorted and deduplicated in place: a Set of a million boxed numbers
  // cost more than the read itself.
  let numbers = new Float64Array(1 << 16);
  let n = 0;
  for (const phone of prepared(db, 'membership.phones', `SELECT phone FROM members WHERE deleted = 0 AND phone IS NOT NULL`).pluck().iterate() as Iterable<string>) {
    if (n === numbers.length) {
      const grown = new Float64Array(n * 2);
      grown.set(numbers);
      numbers = grown;
    }
    numbers[n++] = Number(phone);
  }
  const sorted = numbers.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  return sorted.slice(0, distinct);
}

/** Live member ids by phone, for the given phones. */
export function memberIdsByPhones(db: Db, phones: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (phones.length === 0) return out;
  const it = prepared(db, 'membership.idsByPhones', `SELECT phone, id FROM members WHERE deleted = 0 AND phone IN (SELECT value FROM json_each(?)) ORDER BY rowid`)
    .raw()
    .iterate(JSON.stringify(phones)) as Iterable<[string, string]>;
  for (const [phone, id] of it) {
    const list = out.get(phone);
    if (list) list.push(id);
    else out.set(phone, [id]);
  }
  return out;
}

/** The members linked to a finding (before its links are replaced). */
export function findingMemberIds(db: Db, findingId: string): string[] {
  return (prepared(db, 'membership.findingMemberIds', 'SELECT member_id FROM finding_members WHERE finding_id = ?').raw().all(findingId) as [string][]).map((r) => r[0]);
}

export function unlinkFindingMembers(db: Db, findingId: string): void {
  prepared(db, 'membership.unlinkFinding', 'DELETE FROM finding_members WHERE finding_id = ?').run(findingId);
}

/**
 * Recount `members.open_findings` for these members only (the findings that block: open or confirmed).
 * Only the rows whose count changes are written: an unchanged row left alone does not fire the
 * totals triggers (an import re-links thousands of members whose count stays the same). The CROSS
 * JOIN keeps SQLite reading a member's few links first, not every open finding for each member.
 */
export function refreshOpenFindingCountsOf(db: Db, memberIds: Iterable<string>): void {
  const stmt = prepared(
    db,
    'membership.recountSome',
    `WITH c AS (
       SELECT ids.value AS id, (SELECT count(*) FROM finding_members fm CROSS JOIN membership_findings f ON f.id = fm.finding_id
                                WHERE fm.member_id = ids.value AND f.deleted = 0 AND f.status IN ('open','confirmed')) AS n
       FROM json_each(?) ids
     )
     UPDATE members SET open_findings = c.n FROM c WHERE members.id = c.id AND members.open_findings IS NOT c.n`,
  );
  const ids = [...memberIds];
  for (let i = 0; i < ids.length; i += 5_000) stmt.run(JSON.stringify(ids.slice(i, i + 5_000)));
}

export interface StoredFinding {
  id: string;
  rule: FindingRule;
  key: string;
  status: FindingStatus;
  params: string;
  memberCount: number;
  reason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  acNo: number | null;
  /** Resolved (tombstoned): kept so a finding that comes back reuses its row (the key is unique). */
  deleted: boolean;
}

interface FindingSqlRow {
  id: string; rule: FindingRule; key: string; status: FindingStatus; params: string; member_count: number;
  reason: string | null; reviewed_by: string | null; reviewed_at: string | null; ac_no: number | null; deleted: number;
}
const toFinding = (r: FindingSqlRow): StoredFinding => ({
  id: r.id, rule: r.rule, key: r.key, status: r.status, params: r.params, memberCount: r.member_count,
  reason: r.reason, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at, acNo: r.ac_no, deleted: r.deleted === 1,
});

/** Findings by key, resolved ones too, to carry review decisions across recomputes and reuse a resolved finding's row. */
export function findingsByKey(db: Db): Map<string, StoredFinding> {
  const rows = db.prepare(`SELECT * FROM membership_findings`).all() as FindingSqlRow[];
  return new Map(rows.map((r) => [r.key, toFinding(r)]));
}

export function getFinding(db: Db, id: string): StoredFinding | null {
  const r = db.prepare(`SELECT * FROM membership_findings WHERE id = ? AND deleted = 0`).get(id) as FindingSqlRow | undefined;
  return r ? toFinding(r) : null;
}

export function listFindings(db: Db, filter: { status?: FindingStatus; rule?: FindingRule; pcNo?: number; limit: number }): { rows: StoredFinding[]; total: number } {
  const where = ['f.deleted = 0'];
  const params: Record<string, string | number> = {};
  if (filter.status) {
    where.push('f.status = @status');
    params.status = filter.status;
  }
  if (filter.rule) {
    where.push('f.rule = @rule');
    params.rule = filter.rule;
  }
  if (filter.pcNo !== undefined) {
    where.push(`(f.ac_no IS NULL OR f.ac_no IN (SELECT ac_no FROM org_units WHERE level = 'ac' AND pc_no = @pc))`);
    params.pc = filter.pcNo;
  }
  const sqlWhere = where.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM membership_findings f WHERE ${sqlWhere}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT f.* FROM membership_findings f WHERE ${sqlWhere} ORDER BY f.status = 'open' DESC, f.member_count DESC, f.key LIMIT @limit`)
    .all({ ...params, limit: filter.limit }) as FindingSqlRow[];
  return { rows: rows.map(toFinding), total };
}

export interface FindingMemberRow {
  id: string;
  membershipId: string | null;
  name: string | null;
  phone: string | null;
  epic: string | null;
  boothCode: string;
  enrolledAt: string | null;
  enrollerLogin: string | null;
}

export function membersOfFinding(db: Db, findingId: string, limit: number): FindingMemberRow[] {
  return (
    db
      .prepare(
        `SELECT m.id, m.membership_id, m.name, m.phone, m.epic, u.code AS booth_code, m.enrolled_at, e.login_id
         FROM finding_members fm JOIN members m ON m.id = fm.member_id JOIN org_units u ON u.id = m.booth_id
         LEFT JOIN enrollers e ON e.id = m.enroller_id
         WHERE fm.finding_id = ? ORDER BY m.enrolled_at, m.id LIMIT ?`,
      )
      .all(findingId, limit) as { id: string; membership_id: string | null; name: string | null; phone: string | null; epic: string | null; booth_code: string; enrolled_at: string | null; login_id: string | null }[]
  ).map((r) => ({ id: r.id, membershipId: r.membership_id, name: r.name, phone: r.phone, epic: r.epic, boothCode: r.booth_code, enrolledAt: r.enrolled_at, enrollerLogin: r.login_id }));
}

/** Replace the member links of every finding (local, derived; called inside the recompute's transaction). */
export function clearFindingMembers(db: Db): void {
  db.exec('DELETE FROM finding_members');
}

export function linkFindingMembers(db: Db, findingId: string, memberIds: readonly string[]): void {
  const stmt = prepared(db, 'membership.linkFinding', 'INSERT OR IGNORE INTO finding_members (finding_id, member_id) VALUES (?, ?)');
  for (const m of memberIds) stmt.run(findingId, m);
}

/**
 * Rebuild `members.open_findings` from the links of findings that block verification (open or
 * confirmed): reset the members that had any, then count again for those linked.
 */
export function refreshOpenFindingCounts(db: Db): void {
  db.exec(`
    UPDATE members SET open_findings = 0 WHERE open_findings <> 0;
    WITH c AS (
      SELECT fm.member_id, count(*) AS n FROM finding_members fm JOIN membership_findings f ON f.id = fm.finding_id
      WHERE f.deleted = 0 AND f.status IN ('open','confirmed') GROUP BY fm.member_id
    )
    UPDATE members SET open_findings = c.n FROM c WHERE members.id = c.member_id;
  `);
}

export function countMembers(db: Db): { claimed: number; verified: number } {
  return db.prepare(`SELECT coalesce(sum(claimed), 0) AS claimed, coalesce(sum(verified), 0) AS verified FROM member_totals_booth`).get() as {
    claimed: number;
    verified: number;
  };
}

/**
 * For a bulk load, inside the caller's transaction: the per-row totals triggers of `members` (migration
 * 010) are set aside, and `resume` adds the rows after `afterRowid` to the totals in three grouped
 * statements, then puts the triggers back exactly as they were. Two thirds of a row's insert time went
 * on those triggers. A rollback brings the triggers back too (DDL is transactional in SQLite). Rows
 * loaded this way are live (deleted = 0) and have no findings yet (open_findings = 0): findings come after.
 */
export function suspendMemberTotals(db: Db): { resume(afterRowid: number): void } {
  if (!db.inTransaction) throw new Error('suspendMemberTotals must run inside a transaction');
  const triggers = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'members' AND name LIKE 'members_totals_%' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  return {
    resume(afterRowid) {
      const rows = 'FROM members WHERE rowid > @after AND deleted = 0';
      db.prepare(
        `INSERT INTO member_totals_booth (booth_id, pc_no, ac_no, district_code, claimed, verified, digital, women)
           SELECT booth_id, min(pc_no), min(ac_no), min(district_code), count(*), sum(open_findings = 0), sum(mode = 'digital'), sum(gender IS 'F')
           ${rows} GROUP BY booth_id
         ON CONFLICT (booth_id) DO UPDATE SET claimed = claimed + excluded.claimed, verified = verified + excluded.verified,
           digital = digital + excluded.digital, women = women + excluded.women`,
      ).run({ after: afterRowid });
      db.prepare(
        `INSERT INTO member_totals_day (pc, day, claimed, verified)
           SELECT coalesce(pc_no, 0), substr(enrolled_at, 1, 10), count(*), sum(open_findings = 0) ${rows} AND enrolled_at IS NOT NULL GROUP BY 1, 2
         ON CONFLICT (pc, day) DO UPDATE SET claimed = claimed + excluded.claimed, verified = verified + excluded.verified`,
      ).run({ after: afterRowid });
      db.prepare(
        `INSERT INTO member_totals_enroller (enroller_id, pc, claimed, verified)
           SELECT enroller_id, coalesce(pc_no, 0), count(*), sum(open_findings = 0) ${rows} AND enroller_id IS NOT NULL GROUP BY 1, 2
         ON CONFLICT (enroller_id, pc) DO UPDATE SET claimed = claimed + excluded.claimed, verified = verified + excluded.verified`,
      ).run({ after: afterRowid });
      for (const t of triggers) db.exec(t.sql);
    },
  };
}

export interface MemberGroup {
  pcNo: number | null;
  acNo: number | null;
  districtCode: string | null;
  claimed: number;
  verified: number;
  digital: number;
  women: number;
}

/** Members by AC (and so PC and district) for one Lok Sabha or the whole state, from the per-booth totals. */
export function memberGroupsByAc(db: Db, pcNo: number | null): MemberGroup[] {
  const sql = `SELECT pc_no, ac_no, district_code, sum(claimed) AS claimed, sum(verified) AS verified, sum(digital) AS digital, sum(women) AS women
               FROM member_totals_booth WHERE claimed > 0 ${pcNo === null ? '' : 'AND pc_no = @pc'} GROUP BY pc_no, ac_no, district_code`;
  return (db.prepare(sql).all(pcNo === null ? {} : { pc: pcNo }) as { pc_no: number | null; ac_no: number | null; district_code: string | null; claimed: number; verified: number; digital: number; women: number }[]).map(
    (r) => ({ pcNo: r.pc_no, acNo: r.ac_no, districtCode: r.district_code, claimed: r.claimed, verified: r.verified, digital: r.digital, women: r.women }),
  );
}

export function membersByDay(db: Db, pcNo: number | null): { date: string; claimed: number; verified: number }[] {
  const sql = `SELECT day AS date, sum(claimed) AS claimed, sum(verified) AS verified FROM member_totals_day
               WHERE claimed > 0 ${pcNo === null ? '' : 'AND pc = @pc'} GROUP BY day ORDER BY day`;
  return db.prepare(sql).all(pcNo === null ? {} : { pc: pcNo }) as { date: string; claimed: number; verified: number }[];
}

/** Members by enroller, lagging first: the lowest share verified, then the most claimed. */
export function membersByEnroller(db: Db, pcNo: number | null, limit: number): { enrollerId: string; claimed: number; verified: number }[] {
  const sql = `SELECT enroller_id AS enrollerId, sum(claimed) AS claimed, sum(verified) AS verified FROM member_totals_enroller
               WHERE claimed > 0 ${pcNo === null ? '' : 'AND pc = @pc'}
               GROUP BY enroller_id ORDER BY 1.0 * sum(verified) / sum(claimed), sum(claimed) DESC, enroller_id LIMIT @limit`;
  return db.prepare(sql).all(pcNo === null ? { limit } : { pc: pcNo, limit }) as { enrollerId: string; claimed: number; verified: number }[];
}

/**
 * Booths of a Lok Sabha (or the state) with their members, lagging first: the lowest share of the
 * booth's target verified (target = share × electors; booths without electors count as 0 %).
 */
export function membersByBooth(
  db: Db,
  pcNo: number | null,
  share: number,
  limit: number,
): { boothId: string; code: string; nameEn: string; nameHi: string | null; claimed: number; verified: number; target: number }[] {
  const sql = `SELECT b.id AS boothId, b.code, b.name_en AS nameEn, b.name_hi AS nameHi, coalesce(m.claimed, 0) AS claimed,
                      coalesce(m.verified, 0) AS verified, CAST(round(coalesce(b.electors, 0) * @share) AS INTEGER) AS target
               FROM org_units b LEFT JOIN member_totals_booth m ON m.booth_id = b.id
               WHERE b.level = 'booth' AND b.deleted = 0 ${pcNo === null ? '' : 'AND b.pc_no = @pc'}
               ORDER BY CASE WHEN target > 0 THEN 1.0 * verified / target ELSE 0 END, verified, b.code LIMIT @limit`;
  return db.prepare(sql).all(pcNo === null ? { share, limit } : { pc: pcNo, share, limit }) as {
    boothId: string; code: string; nameEn: string; nameHi: string | null; claimed: number; verified: number; target: number;
  }[];
}

/** Electors of the booths of each AC (the base of derived targets); ACs without booths use their own count. */
export function electorsByAc(db: Db): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT a.ac_no, coalesce(b.electors, a.electors, 0) AS electors
       FROM org_units a LEFT JOIN (SELECT ac_no, sum(electors) AS electors FROM org_units WHERE level = 'booth' AND deleted = 0 GROUP BY ac_no) b ON b.ac_no = a.ac_no
       WHERE a.level = 'ac' AND a.deleted = 0`,
    )
    .all() as { ac_no: number; electors: number }[];
  return new Map(rows.map((r) => [r.ac_no, r.electors]));
}

/** Targets set by the state for units (AC or district level), by unit id. */
export function setTargets(db: Db): { unitId: string; level: string; acNo: number | null; districtCode: string | null; target: number }[] {
  return (
    db
      .prepare(`SELECT t.unit_id, u.level, u.ac_no, u.district_code, t.target FROM membership_targets t JOIN org_units u ON u.id = t.unit_id WHERE t.deleted = 0`)
      .all() as { unit_id: string; level: string; ac_no: number | null; district_code: string | null; target: number }[]
  ).map((r) => ({ unitId: r.unit_id, level: r.level, acNo: r.ac_no, districtCode: r.district_code, target: r.target }));
}

/** Targets the state has set, with their unit's code. */
export function setTargetCodes(db: Db): { unitCode: string; target: number }[] {
  return db
    .prepare(`SELECT u.code AS unitCode, t.target FROM membership_targets t JOIN org_units u ON u.id = t.unit_id WHERE t.deleted = 0 ORDER BY u.code`)
    .all() as { unitCode: string; target: number }[];
}

export function targetIdOfUnit(db: Db, unitId: string): string | null {
  const r = db.prepare(`SELECT id FROM membership_targets WHERE unit_id = ?`).get(unitId) as { id: string } | undefined;
  return r?.id ?? null;
}

export interface WorkshopRow {
  id: string;
  level: 'district' | 'block' | 'booth';
  unitId: string;
  unitNameEn: string;
  unitNameHi: string | null;
  heldOn: string;
  venue: string | null;
  trainer: string | null;
  districtCode: string | null;
  invited: number;
  attended: number;
}

export function listWorkshops(db: Db, districtCode?: string): WorkshopRow[] {
  return (
    db
      .prepare(
        `SELECT w.id, w.level, w.unit_id, u.name_en, u.name_hi, w.held_on, w.venue, w.trainer, w.district_code,
                (SELECT count(*) FROM workshop_attendance a WHERE a.workshop_id = w.id AND a.deleted = 0 AND a.invited = 1) AS invited,
                (SELECT count(*) FROM workshop_attendance a WHERE a.workshop_id = w.id AND a.deleted = 0 AND a.attended = 1) AS attended
         FROM workshops w JOIN org_units u ON u.id = w.unit_id
         WHERE w.deleted = 0 ${districtCode ? 'AND w.district_code = @d' : ''} ORDER BY w.held_on, w.district_code`,
      )
      .all(districtCode ? { d: districtCode } : {}) as { id: string; level: 'district' | 'block' | 'booth'; unit_id: string; name_en: string; name_hi: string | null; held_on: string; venue: string | null; trainer: string | null; district_code: string | null; invited: number; attended: number }[]
  ).map((r) => ({ id: r.id, level: r.level, unitId: r.unit_id, unitNameEn: r.name_en, unitNameHi: r.name_hi, heldOn: r.held_on, venue: r.venue, trainer: r.trainer, districtCode: r.district_code, invited: r.invited, attended: r.attended }));
}

export function attendanceOf(db: Db, workshopId: string): { id: string; enrollerId: string; invited: boolean; attended: boolean }[] {
  return (
    db.prepare(`SELECT id, enroller_id, invited, attended FROM workshop_attendance WHERE workshop_id = ? AND deleted = 0`).all(workshopId) as { id: string; enroller_id: string; invited: number; attended: number }[]
  ).map((r) => ({ id: r.id, enrollerId: r.enroller_id, invited: r.invited === 1, attended: r.attended === 1 }));
}

export function attendanceId(db: Db, workshopId: string, enrollerId: string): string | null {
  const r = db.prepare(`SELECT id FROM workshop_attendance WHERE workshop_id = ? AND enroller_id = ?`).get(workshopId, enrollerId) as { id: string } | undefined;
  return r?.id ?? null;
}

export function countMembersOfImport(db: Db, importId: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM members WHERE import_id = ?`).get(importId) as { n: number }).n;
}

export function boothIdsInBlock(db: Db, blockCode: string): Set<string> {
  return new Set((db.prepare(`SELECT id FROM org_units WHERE level = 'booth' AND block_code = ? AND deleted = 0`).all(blockCode) as { id: string }[]).map((r) => r.id));
}

export function memberOpenFindings(db: Db, memberId: string): number {
  return (db.prepare('SELECT open_findings FROM members WHERE id = ?').get(memberId) as { open_findings: number } | undefined)?.open_findings ?? 0;
}

export function countOpenFindings(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM membership_findings WHERE deleted = 0 AND status = 'open'`).get() as { n: number }).n;
}

/** Live findings that keep their members out of the verified count (open or confirmed). */
export function countBlockingFindings(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM membership_findings WHERE deleted = 0 AND status IN ('open','confirmed')`).get() as { n: number }).n;
}
