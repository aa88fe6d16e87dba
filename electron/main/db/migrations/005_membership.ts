import type { Db } from '../connection';

/**
 * Membership drive: enrollers, training workshops and attendance, member records, imports, targets and
 * integrity findings. Synced tables carry id / scope keys / hlc / updated_by / deleted like the rest.
 * Local, derived data (not synced): `members.open_findings` and `finding_members`, rebuilt from the
 * findings whenever they are recomputed — so "verified" is one indexed column test, not a join.
 * Written to run after 002 in any order with 003/004/006 (which other work adds): it touches no table of theirs.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE enrollers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      phone TEXT,
      level TEXT NOT NULL CHECK (level IN ('chief','booth')),
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      login_id TEXT,
      appointed_by TEXT,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX enrollers_login ON enrollers(login_id) WHERE login_id IS NOT NULL AND deleted = 0;
    CREATE INDEX enrollers_unit ON enrollers(unit_id);
    CREATE INDEX enrollers_district ON enrollers(district_code, level);

    CREATE TABLE workshops (
      id TEXT PRIMARY KEY,
      level TEXT NOT NULL CHECK (level IN ('district','block','booth')),
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      held_on TEXT NOT NULL,
      venue TEXT,
      trainer TEXT,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX workshops_district ON workshops(district_code, held_on);

    CREATE TABLE workshop_attendance (
      id TEXT PRIMARY KEY,
      workshop_id TEXT NOT NULL REFERENCES workshops(id),
      enroller_id TEXT NOT NULL REFERENCES enrollers(id),
      invited INTEGER NOT NULL DEFAULT 1,
      attended INTEGER NOT NULL DEFAULT 0,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX workshop_attendance_pair ON workshop_attendance(workshop_id, enroller_id);
    CREATE INDEX workshop_attendance_enroller ON workshop_attendance(enroller_id, attended);

    CREATE TABLE member_imports (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      source TEXT NOT NULL,
      rows INTEGER NOT NULL,
      inserted INTEGER NOT NULL,
      skipped INTEGER NOT NULL,
      rejected INTEGER NOT NULL,
      scope_pc INTEGER,
      imported_at TEXT NOT NULL,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE members (
      id TEXT PRIMARY KEY,
      membership_id TEXT,
      name TEXT,
      phone TEXT,
      epic TEXT,
      gender TEXT CHECK (gender IN ('F','M','O')),
      mode TEXT NOT NULL CHECK (mode IN ('digital','offline')),
      booth_id TEXT NOT NULL,
      enroller_id TEXT,
      enrolled_at TEXT,
      import_id TEXT,
      scope_pc INTEGER,
      pc_no INTEGER,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      open_findings INTEGER NOT NULL DEFAULT 0
    );
    -- Re-imports and overlapping exports: a membership id, else phone + booth, identifies a record.
    CREATE UNIQUE INDEX members_membership_id ON members(membership_id) WHERE membership_id IS NOT NULL;
    CREATE UNIQUE INDEX members_phone_booth ON members(phone, booth_id) WHERE membership_id IS NULL;
    -- The dashboard's roll-ups are answered from these covering indexes.
    CREATE INDEX members_rollup ON members(deleted, pc_no, ac_no, booth_id, open_findings, mode, gender);
    CREATE INDEX members_day ON members(deleted, pc_no, enrolled_at, open_findings);
    CREATE INDEX members_import ON members(import_id);

    CREATE TABLE membership_findings (
      id TEXT PRIMARY KEY,
      rule TEXT NOT NULL,
      key TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open','confirmed','dismissed')),
      params TEXT NOT NULL,
      member_count INTEGER NOT NULL,
      reason TEXT,
      reviewed_by TEXT,
      reviewed_at TEXT,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX membership_findings_key ON membership_findings(key);
    CREATE INDEX membership_findings_status ON membership_findings(deleted, status, rule);

    CREATE TABLE finding_members (
      finding_id TEXT NOT NULL,
      member_id TEXT NOT NULL,
      PRIMARY KEY (finding_id, member_id)
    ) WITHOUT ROWID;
    CREATE INDEX finding_members_member ON finding_members(member_id);

    CREATE TABLE membership_targets (
      id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      target INTEGER NOT NULL,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX membership_targets_unit ON membership_targets(unit_id);
  `);
}
