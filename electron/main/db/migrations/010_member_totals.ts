import type { Db } from '../connection';

/**
 * Membership totals kept as the members change, so the membership dashboard reads a few thousand
 * rows instead of grouping a million members (cold as well as warm). Local and derived, not synced:
 * triggers on `members` keep them in step with every write (import, paper form, undo, sync pull) —
 * a live member counts as claimed, and as verified while `open_findings` is 0.
 * Per booth (which also gives AC, Lok Sabha and district), per Lok Sabha and day, per enroller.
 * `pc` is 0 where the member has no Lok Sabha (so the keys never hold NULL).
 * The two covering indexes of 005 that served the old GROUP BYs are no longer read and go.
 */
const add = (row: 'NEW' | 'OLD', sign: '+' | '-') => `
    INSERT INTO member_totals_booth (booth_id, pc_no, ac_no, district_code, claimed, verified, digital, women)
      SELECT ${row}.booth_id, ${row}.pc_no, ${row}.ac_no, ${row}.district_code, ${sign}1, ${sign}(${row}.open_findings = 0),
             ${sign}(${row}.mode = 'digital'), ${sign}(${row}.gender IS 'F')
      WHERE ${row}.deleted = 0
      ON CONFLICT (booth_id) DO UPDATE SET claimed = claimed + excluded.claimed, verified = verified + excluded.verified,
        digital = digital + excluded.digital, women = women + excluded.women;
    INSERT INTO member_totals_day (pc, day, claimed, verified)
      SELECT coalesce(${row}.pc_no, 0), substr(${row}.enrolled_at, 1, 10), ${sign}1, ${sign}(${row}.open_findings = 0)
      WHERE ${row}.deleted = 0 AND ${row}.enrolled_at IS NOT NULL
      ON CONFLICT (pc, day) DO UPDATE SET claimed = claimed + excluded.claimed, verified = verified + excluded.verified;
    INSERT INTO member_totals_enroller (enroller_id, pc, claimed, verified)
      SELECT ${row}.enroller_id, coalesce(${row}.pc_no, 0), ${sign}1, ${sign}(${row}.open_findings = 0)
      WHERE ${row}.deleted = 0 AND ${row}.enroller_id IS NOT NULL
      ON CONFLICT (enroller_id, pc) DO UPDATE SET claimed = claimed + excluded.claimed, verified = verified + excluded.verified;`;

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE member_totals_booth (
      booth_id TEXT PRIMARY KEY,
      pc_no INTEGER,
      ac_no INTEGER,
      district_code TEXT,
      claimed INTEGER NOT NULL,
      verified INTEGER NOT NULL,
      digital INTEGER NOT NULL,
      women INTEGER NOT NULL
    );
    CREATE TABLE member_totals_day (
      pc INTEGER NOT NULL,
      day TEXT NOT NULL,
      claimed INTEGER NOT NULL,
      verified INTEGER NOT NULL,
      PRIMARY KEY (pc, day)
    ) WITHOUT ROWID;
    CREATE TABLE member_totals_enroller (
      enroller_id TEXT NOT NULL,
      pc INTEGER NOT NULL,
      claimed INTEGER NOT NULL,
      verified INTEGER NOT NULL,
      PRIMARY KEY (enroller_id, pc)
    ) WITHOUT ROWID;

    CREATE TRIGGER members_totals_insert AFTER INSERT ON members BEGIN ${add('NEW', '+')} END;
    CREATE TRIGGER members_totals_delete AFTER DELETE ON members BEGIN ${add('OLD', '-')} END;
    CREATE TRIGGER members_totals_update
      AFTER UPDATE OF deleted, open_findings, booth_id, pc_no, ac_no, district_code, mode, gender, enrolled_at, enroller_id ON members
    BEGIN ${add('OLD', '-')} ${add('NEW', '+')} END;

    INSERT INTO member_totals_booth (booth_id, pc_no, ac_no, district_code, claimed, verified, digital, women)
      SELECT booth_id, min(pc_no), min(ac_no), min(district_code), count(*), sum(open_findings = 0), sum(mode = 'digital'), sum(gender IS 'F')
      FROM members WHERE deleted = 0 GROUP BY booth_id;
    INSERT INTO member_totals_day (pc, day, claimed, verified)
      SELECT coalesce(pc_no, 0), substr(enrolled_at, 1, 10), count(*), sum(open_findings = 0)
      FROM members WHERE deleted = 0 AND enrolled_at IS NOT NULL GROUP BY 1, 2;
    INSERT INTO member_totals_enroller (enroller_id, pc, claimed, verified)
      SELECT enroller_id, coalesce(pc_no, 0), count(*), sum(open_findings = 0)
      FROM members WHERE deleted = 0 AND enroller_id IS NOT NULL GROUP BY 1, 2;

    DROP INDEX IF EXISTS members_rollup;
    DROP INDEX IF EXISTS members_day;
  `);
}
