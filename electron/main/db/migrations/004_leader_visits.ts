import type { Db } from '../connection';

/**
 * Leader visits (issue 6): leaders, venues, requests from Lok Sabha in-charges, visits, the polling
 * schedule and the state's planning settings. All synced: id, hlc, updated_by, deleted, and the scope
 * keys ac_no / district_code (null for state-wide rows — leaders, the schedule, the settings — which
 * sync to every constituency). Availability windows and a request's wanted leaders are small lists kept
 * as JSON text: they are always read and written whole with their row.
 *
 * Numbered 004: 003 is reserved for a migration being written in parallel; migrate() applies whatever
 * is listed in order, so a database at version 2 goes straight to 4 here and to 3-then-4 once 003 lands
 * — 003 must therefore not depend on these tables, and these do not depend on it.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE leaders (
      id TEXT PRIMARY KEY,
      name_en TEXT NOT NULL,
      name_hi TEXT,
      tier TEXT NOT NULL CHECK (tier IN ('national','state')),
      base_name TEXT NOT NULL,
      base_lat REAL NOT NULL,
      base_lon REAL NOT NULL,
      availability TEXT NOT NULL DEFAULT '[]',
      heli_cruise_kmh REAL,
      heli_turnaround_min INTEGER,
      road_plains_kmh REAL NOT NULL,
      road_hills_kmh REAL NOT NULL,
      max_events_per_day INTEGER NOT NULL,
      min_gap_min INTEGER NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('demo','local')),
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE venues (
      id TEXT PRIMARY KEY,
      name_en TEXT NOT NULL,
      name_hi TEXT,
      lat REAL NOT NULL,
      lon REAL NOT NULL,
      pc_no INTEGER NOT NULL,
      capacity INTEGER NOT NULL,
      helipad INTEGER NOT NULL DEFAULT 0,
      terrain TEXT NOT NULL CHECK (terrain IN ('plains','hills')),
      permission TEXT NOT NULL CHECK (permission IN ('not_applied','applied','granted','refused')),
      permission_applied_on TEXT,
      permission_granted_on TEXT,
      authority_lead_days INTEGER,
      source TEXT NOT NULL CHECK (source IN ('demo','local')),
      ac_no INTEGER NOT NULL,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX venues_ac ON venues(ac_no);

    CREATE TABLE visit_requests (
      id TEXT PRIMARY KEY,
      pc_no INTEGER NOT NULL,
      leader_ids TEXT NOT NULL,
      priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
      preferred_from TEXT NOT NULL,
      preferred_to TEXT NOT NULL,
      venue_id TEXT REFERENCES venues(id),
      area_ac_no INTEGER,
      duration_min INTEGER NOT NULL,
      requested_by TEXT NOT NULL,
      note TEXT,
      status TEXT NOT NULL CHECK (status IN ('open','withdrawn')),
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX visit_requests_pc ON visit_requests(pc_no);

    CREATE TABLE visits (
      id TEXT PRIMARY KEY,
      leader_id TEXT NOT NULL REFERENCES leaders(id),
      venue_id TEXT NOT NULL REFERENCES venues(id),
      request_id TEXT REFERENCES visit_requests(id),
      date TEXT NOT NULL,
      start_min INTEGER NOT NULL,
      duration_min INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('proposed','confirmed','held','cancelled')),
      leg_override_min INTEGER,
      leg_mode_override TEXT CHECK (leg_mode_override IN ('road','helicopter')),
      pc_no INTEGER NOT NULL,
      ac_no INTEGER NOT NULL,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX visits_leader_date ON visits(leader_id, date);
    CREATE INDEX visits_date ON visits(date);

    CREATE TABLE poll_schedule (
      id TEXT PRIMARY KEY,
      pc_no INTEGER NOT NULL,
      phase INTEGER NOT NULL,
      poll_date TEXT NOT NULL,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX poll_schedule_pc ON poll_schedule(pc_no) WHERE deleted = 0;

    CREATE TABLE planning_settings (
      id TEXT PRIMARY KEY,
      permission_lead_days INTEGER NOT NULL,
      road_factor REAL NOT NULL,
      big_rally_capacity INTEGER NOT NULL,
      ac_no INTEGER,
      district_code TEXT,
      hlc TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    );
  `);
}
