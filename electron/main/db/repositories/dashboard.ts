import type { MeasureLevel } from '../../../../shared/domain/types';
import type { Db } from '../connection';
import { prepared as preparedOnce } from '../statements';

/**
 * Roll-up queries for the dashboards. Every figure is computed with a handful of GROUP BY queries over
 * org_units LEFT JOIN committees (never one query per unit): the state-wide roll-up must stay under
 * 50 ms over ~35,000 units. Closed and deleted units are left out of every count, so they are excluded
 * from both sides of done ÷ expected.
 */

export interface Counts {
  expected: number;
  declared: number;
  verified: number;
  done: number;
}

export interface UnitFilter {
  pcNo?: number;
  acNo?: number;
  districtCode?: string;
  blockCode?: string;
}

export interface GroupCounts extends Counts {
  districtCode: string | null;
  pcNo: number | null;
  acNo: number | null;
  blockCode: string | null;
}

const COUNT_COLS = `count(*) AS expected,
  coalesce(sum(c.status IN ('declared','verified')), 0) AS declared,
  coalesce(sum(c.status = 'verified'), 0) AS verified,
  coalesce(sum(c.status = 'verified' AND c.complete = 1), 0) AS done`;

const prepared = (db: Db, sql: string) => preparedOnce(db, sql, sql);

/** WHERE terms for a filter; column names are fixed here, values are always bound. */
function filterSql(f: UnitFilter, alias = 'u'): { sql: string; params: Record<string, string | number> } {
  const terms: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.pcNo !== undefined) {
    terms.push(`${alias}.pc_no = @pcNo`);
    params.pcNo = f.pcNo;
  }
  if (f.acNo !== undefined) {
    terms.push(`${alias}.ac_no = @acNo`);
    params.acNo = f.acNo;
  }
  if (f.districtCode !== undefined) {
    terms.push(`${alias}.district_code = @districtCode`);
    params.districtCode = f.districtCode;
  }
  if (f.blockCode !== undefined) {
    terms.push(`${alias}.block_code = @blockCode`);
    params.blockCode = f.blockCode;
  }
  return { sql: terms.map((t) => ' AND ' + t).join(''), params };
}

/**
 * Counts of units of one level, by district × PC × AC × block: the one query every map layer, chart
 * and the district / AC / block tables are summed from (a few hundred groups at most).
 */
export function figureGroups(db: Db, level: MeasureLevel, kindId: string, filter: UnitFilter): GroupCounts[] {
  const f = filterSql(filter);
  const sql = `SELECT u.district_code AS district_code, u.pc_no AS pc_no, u.ac_no AS ac_no, u.block_code AS block_code, ${COUNT_COLS}
    FROM org_units u
    LEFT JOIN committees c ON c.unit_id = u.id AND c.kind_id = @kindId AND c.deleted = 0
    WHERE u.level = @level AND u.deleted = 0 AND u.closed = 0${f.sql}
    GROUP BY u.district_code, u.pc_no, u.ac_no, u.block_code`;
  const rows = prepared(db, sql).all({ level, kindId, ...f.params }) as {
    district_code: string | null;
    pc_no: number | null;
    ac_no: number | null;
    block_code: string | null;
    expected: number;
    declared: number;
    verified: number;
    done: number;
  }[];
  return rows.map((r) => ({
    districtCode: r.district_code,
    pcNo: r.pc_no,
    acNo: r.ac_no,
    blockCode: r.block_code,
    expected: r.expected,
    declared: r.declared,
    verified: r.verified,
    done: r.done,
  }));
}

/**
 * Counts of units of one level grouped by one of their ancestors (up to three steps up the org tree):
 * either the ancestor that is a direct child of `parentId` (a unit page's children), or the nearest
 * ancestor of `ancestorLevel` (the mandal table). The unit itself counts as its own ancestor.
 */
export function figuresByAncestor(
  db: Db,
  level: MeasureLevel,
  kindId: string,
  filter: UnitFilter,
  anchor: { childOf: string } | { ancestorLevel: 'mandal' | 'panchayat' | 'block' },
): Map<string, Counts> {
  const f = filterSql(filter);
  const anchorSql =
    'childOf' in anchor
      ? `CASE WHEN u.parent_id = @anchor THEN u.id WHEN p.parent_id = @anchor THEN p.id
              WHEN gp.parent_id = @anchor THEN gp.id WHEN ggp.parent_id = @anchor THEN ggp.id END`
      : `CASE WHEN u.level = @anchor THEN u.id WHEN p.level = @anchor THEN p.id
              WHEN gp.level = @anchor THEN gp.id WHEN ggp.level = @anchor THEN ggp.id END`;
  const sql = `SELECT ${anchorSql} AS anchor_id, ${COUNT_COLS}
    FROM org_units u
    LEFT JOIN org_units p ON p.id = u.parent_id
    LEFT JOIN org_units gp ON gp.id = p.parent_id
    LEFT JOIN org_units ggp ON ggp.id = gp.parent_id
    LEFT JOIN committees c ON c.unit_id = u.id AND c.kind_id = @kindId AND c.deleted = 0
    WHERE u.level = @level AND u.deleted = 0 AND u.closed = 0${f.sql}
    GROUP BY anchor_id`;
  const rows = prepared(db, sql).all({
    level,
    kindId,
    anchor: 'childOf' in anchor ? anchor.childOf : anchor.ancestorLevel,
    ...f.params,
  }) as ({ anchor_id: string | null } & Counts)[];
  const out = new Map<string, Counts>();
  for (const r of rows) {
    if (r.anchor_id === null) continue;
    out.set(r.anchor_id, { expected: r.expected, declared: r.declared, verified: r.verified, done: r.done });
  }
  return out;
}

/** Counts of the units of one level at or below `unitId` (self, child, grandchild or great-grandchild). */
export function figureUnder(db: Db, level: MeasureLevel, kindId: string, unitId: string, filter: UnitFilter): Counts {
  const f = filterSql(filter);
  const sql = `SELECT ${COUNT_COLS}
    FROM org_units u
    LEFT JOIN org_units p ON p.id = u.parent_id
    LEFT JOIN org_units gp ON gp.id = p.parent_id
    LEFT JOIN committees c ON c.unit_id = u.id AND c.kind_id = @kindId AND c.deleted = 0
    WHERE u.level = @level AND u.deleted = 0 AND u.closed = 0${f.sql}
      AND (u.id = @unitId OR u.parent_id = @unitId OR p.parent_id = @unitId OR gp.parent_id = @unitId)`;
  return prepared(db, sql).get({ level, kindId, unitId, ...f.params }) as Counts;
}

/**
 * Per-day net change in formed (declared or verified) and verified committees of one kind at one level,
 * from the change log. Undone changes and the undo writes themselves are both marked undone and left
 * out, so they cancel. Dates are Indian Standard Time calendar days.
 */
export function statusChangesByDay(
  db: Db,
  level: MeasureLevel,
  kindId: string,
  pcNo: number | undefined,
): { date: string; declared: number; verified: number }[] {
  // The json_extract expressions match the partial index change_log_committee_status (migration 002).
  const sql = `WITH ch AS (
      SELECT l.at AS at, json_extract(l.after, '$.unit_id') AS unit_id,
        (json_extract(l.after, '$.deleted') = 0 AND json_extract(l.after, '$.status') IN ('declared','verified'))
        - coalesce(json_extract(l.before, '$.deleted') = 0 AND json_extract(l.before, '$.status') IN ('declared','verified'), 0) AS d_declared,
        (json_extract(l.after, '$.deleted') = 0 AND json_extract(l.after, '$.status') = 'verified')
        - coalesce(json_extract(l.before, '$.deleted') = 0 AND json_extract(l.before, '$.status') = 'verified', 0) AS d_verified
      FROM change_log l
      WHERE l.table_name = 'committees' AND json_extract(l.after, '$.kind_id') = @kindId AND l.undone = 0
    )
    SELECT date(ch.at, '+330 minutes') AS day, sum(ch.d_declared) AS declared, sum(ch.d_verified) AS verified
    FROM ch JOIN org_units u ON u.id = ch.unit_id
    WHERE (ch.d_declared <> 0 OR ch.d_verified <> 0) AND u.level = @level AND (@pcNo IS NULL OR u.pc_no = @pcNo)
    GROUP BY day ORDER BY day`;
  return (prepared(db, sql).all({ kindId, level, pcNo: pcNo ?? null }) as { day: string; declared: number; verified: number }[]).map(
    (r) => ({ date: r.day, declared: r.declared, verified: r.verified }),
  );
}

/**
 * A number that changes whenever the database does: this connection's total changes plus SQLite's
 * data_version (bumped by commits from other connections). Lets derived data be cached safely.
 */
export function writeGeneration(db: Db): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const version = db.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

export interface LevelGroupCounts extends GroupCounts {
  level: MeasureLevel;
  notFormed: number;
  declaredOnly: number;
  dissolved: number;
  complete: number;
}

/**
 * The whole roll-up in one pass: units of every measure level by level × district × PC × AC × block,
 * with figure counts and committee status counts. The dashboard sums its map layers, tables and
 * status chart from these rows (about a thousand state-wide).
 */
export function rollupAllLevels(db: Db, kindId: string, filter: UnitFilter): LevelGroupCounts[] {
  const f = filterSql(filter);
  // Each aggregate call costs about as much per joined row as the index seek itself, so the six
  // committee counters travel as three sums, two counters per sum: low + PACK × high. The join reads
  // only committees_kind_unit (covering: c.unit_id, never c.id). Not formed (no committee, or status
  // not_formed) is what is left of the units once declared, verified and dissolved are taken out.
  const sql = `SELECT u.level AS level, u.district_code AS district_code, u.pc_no AS pc_no, u.ac_no AS ac_no, u.block_code AS block_code,
      count(*) AS expected,
      sum(CASE c.status WHEN 'declared' THEN 1 WHEN 'verified' THEN @pack ELSE 0 END) AS declared_verified,
      sum(CASE WHEN c.status = 'dissolved' THEN 1 WHEN c.status = 'verified' AND c.complete = 1 THEN @pack ELSE 0 END) AS dissolved_done,
      sum(CASE WHEN c.complete = 1 THEN CASE c.status WHEN 'declared' THEN 1 WHEN 'not_formed' THEN @pack ELSE 0 END ELSE 0 END) AS complete_declared_notformed
    FROM org_units u
    LEFT JOIN committees c ON c.unit_id = u.id AND c.kind_id = @kindId AND c.deleted = 0
    WHERE u.level IN ('block','mandal','panchayat','booth') AND u.deleted = 0 AND u.closed = 0${f.sql}
    GROUP BY u.level, u.district_code, u.pc_no, u.ac_no, u.block_code`;
  const rows = prepared(db, sql).all({ kindId, pack: PACK, ...f.params }) as {
    level: MeasureLevel;
    district_code: string | null;
    pc_no: number | null;
    ac_no: number | null;
    block_code: string | null;
    expected: number;
    declared_verified: number;
    dissolved_done: number;
    complete_declared_notformed: number;
  }[];
  return rows.map((r) => {
    if (r.expected >= PACK) throw new Error(`A roll-up group holds ${r.expected} units, too many to unpack its counts`);
    const [declaredOnly, verified] = unpack(r.declared_verified);
    const [dissolved, done] = unpack(r.dissolved_done);
    const [completeDeclared, completeNotFormed] = unpack(r.complete_declared_notformed);
    return {
      level: r.level,
      districtCode: r.district_code,
      pcNo: r.pc_no,
      acNo: r.ac_no,
      blockCode: r.block_code,
      expected: r.expected,
      declared: declaredOnly + verified,
      verified,
      done,
      notFormed: r.expected - declaredOnly - verified - dissolved,
      declaredOnly,
      dissolved,
      complete: done + completeDeclared + completeNotFormed,
    };
  });
}

/**
 * 2^26: a group (one level in one block of one AC) holds far fewer units than that, and low + PACK × high
 * stays below 2^52, so both counters come back exactly through a JavaScript number.
 */
const PACK = 67_108_864;

function unpack(v: number): [low: number, high: number] {
  const low = v % PACK;
  return [low, (v - low) / PACK];
}
