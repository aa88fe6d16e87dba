import type { Db } from '../connection';

/**
 * Initial schema. Every synced table carries: a client-made UUIDv7 `id`, scope keys (`ac_no`,
 * `district_code`) where the row belongs to a place, `hlc` (hybrid-logical-clock stamp of its last
 * change), `updated_by` (local user id) and `deleted` (tombstone; rows are never removed).
 * `outbox` and `change_log` are local: the outbox feeds sync, the change log is the audit history
 * (and the source of "progress over time" and of undo).
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('operator','incharge','scheduler','state_admin')),
      created_at TEXT NOT NULL,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE org_units (
      id TEXT PRIMARY KEY,
      level TEXT NOT NULL CHECK (level IN ('state','district','pc','ac','block','mandal','panchayat','booth')),
      code TEXT NOT NULL UNIQUE,
      name_en TEXT NOT NULL,
      name_hi TEXT,
      parent_id TEXT REFERENCES org_units(id),
      district_code TEXT,
      block_code TEXT,
      ac_no INTEGER,
      pc_no INTEGER,
      closed INTEGER NOT NULL DEFAULT 0,
      lat REAL,
      lon REAL,
      electors INTEGER,
      source TEXT NOT NULL CHECK (source IN ('reference','import','demo','local')),
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX org_units_level_ac ON org_units(level, ac_no);
    CREATE INDEX org_units_level_district ON org_units(level, district_code);
    CREATE INDEX org_units_parent ON org_units(parent_id);
    CREATE INDEX org_units_block ON org_units(block_code, level);

    CREATE TABLE committee_kinds (
      id TEXT PRIMARY KEY,
      category TEXT NOT NULL CHECK (category IN ('main','frontal','department','cell','media','social_media')),
      name_en TEXT NOT NULL,
      name_hi TEXT NOT NULL,
      builtin INTEGER NOT NULL DEFAULT 0,
      sort INTEGER NOT NULL DEFAULT 100,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE completeness_rules (
      id TEXT PRIMARY KEY,
      level TEXT NOT NULL,
      category TEXT NOT NULL,
      required_roles TEXT NOT NULL,
      min_members INTEGER NOT NULL,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      UNIQUE (level, category)
    );

    CREATE TABLE committees (
      id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      kind_id TEXT NOT NULL REFERENCES committee_kinds(id),
      status TEXT NOT NULL CHECK (status IN ('not_formed','declared','verified','dissolved')),
      declared_on TEXT,
      verified_on TEXT,
      declared_by TEXT,
      verified_by TEXT,
      complete INTEGER NOT NULL DEFAULT 0,
      member_count INTEGER NOT NULL DEFAULT 0,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX committees_unit_kind ON committees(unit_id, kind_id) WHERE deleted = 0;
    CREATE INDEX committees_kind_status ON committees(kind_id, status, complete);

    CREATE TABLE people (
      id TEXT PRIMARY KEY,
      name_en TEXT,
      name_hi TEXT,
      phone TEXT,
      voter_id TEXT,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX people_phone ON people(phone) WHERE phone IS NOT NULL;

    CREATE TABLE appointments (
      id TEXT PRIMARY KEY,
      committee_id TEXT NOT NULL REFERENCES committees(id),
      person_id TEXT NOT NULL REFERENCES people(id),
      role TEXT NOT NULL,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX appointments_committee ON appointments(committee_id);
    CREATE INDEX appointments_person ON appointments(person_id);

    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert','delete')),
      data TEXT NOT NULL,
      hlc TEXT NOT NULL
    );

    CREATE TABLE change_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      group_id TEXT NOT NULL,
      at TEXT NOT NULL,
      user_id TEXT NOT NULL,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      action TEXT NOT NULL,
      before TEXT,
      after TEXT,
      hlc TEXT NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX change_log_group ON change_log(group_id);
    CREATE INDEX change_log_user ON change_log(user_id, seq);
    CREATE INDEX change_log_table_at ON change_log(table_name, at);
  `);
}
