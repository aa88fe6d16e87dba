import type { Db } from '../connection';

/**
 * Rosters (party offices, speakers, media / social-media team members, WhatsApp groups, control rooms), meetings, directives and manual compliance marks. All synced: client
 * id, scope keys (ac_no, district_code), hlc, updated_by, tombstone. Lists (languages, topics, attendees,
 * target units) are JSON text: they are read and written whole with their row, never queried inside.
 * Compliance status is NOT stored anywhere: it is computed from the deadline, the data and the clock.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE party_offices (
      id TEXT PRIMARY KEY,
      block_id TEXT NOT NULL REFERENCES org_units(id),
      has_office INTEGER NOT NULL DEFAULT 0,
      address TEXT,
      lat REAL,
      lon REAL,
      tenure TEXT CHECK (tenure IS NULL OR tenure IN ('owned','rented')),
      opened_on TEXT,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX party_offices_block ON party_offices(block_id) WHERE deleted = 0;

    CREATE TABLE speakers (
      id TEXT PRIMARY KEY,
      name_en TEXT,
      name_hi TEXT,
      phone TEXT,
      languages TEXT NOT NULL DEFAULT '[]',
      topics TEXT NOT NULL DEFAULT '[]',
      level TEXT NOT NULL CHECK (level IN ('state','pc','district')),
      unit_id TEXT REFERENCES org_units(id),
      availability TEXT,
      rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX speakers_phone ON speakers(phone) WHERE phone IS NOT NULL;

    CREATE TABLE team_members (
      id TEXT PRIMARY KEY,
      team TEXT NOT NULL CHECK (team IN ('media','social_media')),
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      name_en TEXT,
      name_hi TEXT,
      role TEXT,
      phone TEXT,
      handles TEXT NOT NULL DEFAULT '{}',
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX team_members_unit ON team_members(unit_id, team);

    CREATE TABLE whatsapp_groups (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      level TEXT NOT NULL,
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      purpose TEXT,
      admins TEXT NOT NULL DEFAULT '[]',
      member_count INTEGER,
      invite_link TEXT,
      last_update TEXT,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE control_rooms (
      id TEXT PRIMARY KEY,
      pc_unit_id TEXT NOT NULL REFERENCES org_units(id),
      set_up INTEGER NOT NULL DEFAULT 0,
      address TEXT,
      opened_on TEXT,
      staff TEXT NOT NULL DEFAULT '[]',
      phone_lines TEXT NOT NULL DEFAULT '[]',
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX control_rooms_pc ON control_rooms(pc_unit_id) WHERE deleted = 0;

    CREATE TABLE meetings (
      id TEXT PRIMARY KEY,
      held_on TEXT NOT NULL,
      level TEXT NOT NULL,
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      chair TEXT,
      mode TEXT NOT NULL CHECK (mode IN ('in_person','virtual')),
      attendees TEXT NOT NULL DEFAULT '[]',
      agenda TEXT,
      minutes TEXT,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX meetings_unit ON meetings(unit_id, held_on);

    CREATE TABLE directives (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      text_en TEXT,
      text_hi TEXT,
      target_level TEXT NOT NULL CHECK (target_level IN ('district','pc','ac','block')),
      target_unit_ids TEXT,
      deadline_date TEXT,
      deadline_days INTEGER,
      done_rule TEXT NOT NULL CHECK (done_rule IN ('manual','party_office','media_committee','meeting_held')),
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      CHECK ((deadline_date IS NULL) <> (deadline_days IS NULL))
    );
    CREATE INDEX directives_meeting ON directives(meeting_id);

    CREATE TABLE directive_marks (
      id TEXT PRIMARY KEY,
      directive_id TEXT NOT NULL REFERENCES directives(id),
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      done_on TEXT NOT NULL,
      note TEXT NOT NULL,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX directive_marks_unit ON directive_marks(directive_id, unit_id) WHERE deleted = 0;
  `);
}
