import type { Db } from '../connection';

/**
 * Covering indexes for the dashboard roll-ups (budget: < 50 ms state-wide, < 30 ms per Lok Sabha, warm).
 * The roll-up reads units of one level — state-wide or within one PC — and joins each to its committee of
 * one kind; with these, both sides are answered from the indexes alone, never from the table rows. The
 * progress-over-time chart reads committee status changes of one kind from the change log: the partial
 * expression index finds them without parsing every logged row's JSON.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE INDEX org_units_level_rollup ON org_units(level, deleted, closed, district_code, pc_no, ac_no, block_code, id);
    CREATE INDEX org_units_pc_rollup ON org_units(pc_no, level, deleted, closed, district_code, ac_no, block_code, id);
    CREATE INDEX committees_kind_unit ON committees(unit_id, kind_id, deleted, status, complete);
    CREATE INDEX change_log_committee_status ON change_log(
      json_extract(after, '$.kind_id'), undone, json_extract(after, '$.unit_id'), at,
      json_extract(after, '$.status'), json_extract(before, '$.status'), json_extract(after, '$.deleted'), json_extract(before, '$.deleted')
    ) WHERE table_name = 'committees';
  `);
}
