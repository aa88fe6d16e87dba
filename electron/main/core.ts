import { attachEvidence, getEvidence, listEvidence } from './services/evidence';
import { listReports, saveReport } from './services/progressReports';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Handlers } from '../../shared/ipc/contract';
import { openDatabase, type Db } from './db/connection';
import { LATEST_SCHEMA_VERSION, migrate } from './db/migrations';
import { countUnits } from './db/repositories/orgUnits';
import { LocalClock } from './sync/clock';
import { AppError } from './services/AppError';
import {
  addAppointment,
  addCommitteeKind,
  createCommittee,
  findPersonByPhoneMasked,
  removeAppointment,
  setCommitteeStatus,
} from './services/committees';
import { nowIso, requireUser, type ServiceContext } from './services/context';
import { getDashboard } from './services/dashboard';
import { createMeeting, getCompliance, getComplianceReminders, getDirectiveDetail, getMeetings, markDirectiveDone } from './services/directives';
import {
  addTeamMember,
  addWhatsappGroup,
  commitRosterCsv,
  getTeamCoverage,
  listControlRooms,
  listTeam,
  listWhatsapp,
  setControlRoom,
  exportRoster,
  listOffices,
  previewRosterCsv,
  removeSpeaker,
  saveSpeaker,
  searchSpeakers,
  setOffice,
} from './services/rosters';
import { lastChange, undoLast } from './services/history';
import { getAppInfo, getGeoLayers, getMetaLists, readAppVersion } from './services/meta';
import { commitImport, previewImport } from './services/import/importCsv';
import { exportCsv } from './services/export/exportCsv';
import { loadReference } from './services/reference/loadReference';
import { getRules, updateRule } from './services/rules';
import { createUser, getSession, switchUser } from './services/session';
import { SetupJobs } from './services/setup';
import { SyncService } from './services/sync';
import { getUnitDetail, searchUnitSummaries, setUnitHindiName } from './services/units';
import { findingMembers, listFindingViews, reviewFinding, thresholdsView } from './services/membership/findings';
import { MemberImportJobs } from './services/membership/memberImport';
import {
  addEnroller,
  addPaperMember,
  addWorkshop,
  exportChiefEnrollers,
  getMembershipDashboard,
  getWorkshop,
  listEnrollerViews,
  listWorkshopViews,
  setAttendance,
  setTarget,
  workshopSchedule,
} from './services/membership/membership';
import {
  createVisit,
  getPlanningData,
  saveLeader,
  saveRequest,
  saveVenue,
  setPlanningSettings,
  setPollDate,
  suggestVisits,
  acceptSuggestion,
  decideSuggestion,
  deleteLeader,
  deleteVenue,
  updateVisit,
} from './services/visits';
import { getStateFigures } from './services/stateFigures';

export interface CoreOptions {
  /** Path of the SQLite file; created and migrated when missing. ':memory:' in tests. */
  dbPath: string;
  /** Folder holding `jharkhand/` (the reference geography) — `resources/` in the repo, process.resourcesPath when packaged. */
  resourcesDir: string;
  mode: 'electron' | 'web';
  /** Wall clock; tests pass a fake one. */
  now?: () => number;
  /** Path of a better-sqlite3 native binary built for the running runtime (Electron); default: the installed one. */
  nativeBinding?: string;
  /** App version for About; default: read from package.json next to resourcesDir (or inside app.asar). */
  version?: string;
  /** Sync with the state server on its own (every few minutes, sooner after a failure). Off unless asked: tests call sync.now. */
  autoSync?: boolean;
  /** The HTTP client sync uses; tests may pass one. */
  fetch?: typeof fetch;
}

export interface Core {
  handlers: Handlers;
  close(): void;
}

/** Core internals for tests and scripts (bench, demo CLI): the same objects the handlers use. */
export interface CoreWithInternals extends Core {
  db: Db;
  clock: LocalClock;
  setup: SetupJobs;
  memberImports: MemberImportJobs;
  sync: SyncService;
}

/**
 * Refuse a database written by a newer app before anything else touches it: even switching the journal
 * mode to WAL would rewrite the file header, and "the data has not been changed" must be true.
 */
function refuseNewerDatabase(path: string, nativeBinding?: string): void {
  if (path === ':memory:' || !existsSync(path)) return;
  const probe = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'newer_database',
        `This database was written by a newer version of Sangathan Control Room (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Install the newer version to open it — the data has not been changed.`,
      );
    }
  } finally {
    probe.close();
  }
}

/**
 * Open (creating and migrating when needed) the local database and wire every call of the contract to
 * its service. The same core runs in Electron's utility process, in the Node web host and in tests.
 */
export function createCore(opts: CoreOptions): CoreWithInternals {
  refuseNewerDatabase(opts.dbPath, opts.nativeBinding);
  const db = openDatabase(opts.dbPath, opts.nativeBinding);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  // A 64 MB page cache keeps the roll-up's indexes in memory (the default 2 MB makes the state-wide
  // dashboard re-read pages every time); a control-room desktop has that to spare.
  db.pragma('cache_size = -65536');
  const now = opts.now ?? Date.now;
  const clock = LocalClock.open(db, now);
  const ctx: ServiceContext = {
    db,
    clock,
    now,
    resourcesDir: opts.resourcesDir,
    dbPath: opts.dbPath,
    mode: opts.mode,
    version: opts.version ?? readAppVersion(opts.resourcesDir),
  };

  // The app must always have the geography, even before (or without) the first-start screen.
  if (countUnits(db) === 0) loadReference(db, clock, opts.resourcesDir);

  const setup = new SetupJobs(ctx);
  const memberImports = new MemberImportJobs(ctx);
  const sync = new SyncService(ctx, { auto: opts.autoSync, fetch: opts.fetch });

  const handlers: Handlers = {
    'app.info': () => getAppInfo(ctx),
    'meta.lists': () => getMetaLists(ctx),
    'geo.layers': () => getGeoLayers(ctx),

    'session.get': () => getSession(ctx),
    'users.create': (input) => createUser(ctx, input),
    'session.switch': (input) => switchUser(ctx, input.userId),

    'setup.start': (input) => setup.start(input),
    'jobs.get': (input) => (memberImports.has(input.jobId) ? memberImports.get(input.jobId) : setup.get(input.jobId)),
    'jobs.cancel': (input) => (memberImports.has(input.jobId) ? memberImports.cancel(input.jobId) : setup.cancel(input.jobId)),

    'units.search': (input) => searchUnitSummaries(ctx, input),
    'units.get': (input) => getUnitDetail(ctx, input),
    'units.setHindiName': (input) => setUnitHindiName(ctx, input),

    'committees.create': (input) => createCommittee(ctx, input),
    'committees.setStatus': (input) => setCommitteeStatus(ctx, input),
    'committees.addKind': (input) => addCommitteeKind(ctx, input),
    'appointments.add': (input) => addAppointment(ctx, input),
    'appointments.remove': (input) => removeAppointment(ctx, input),
    'people.findByPhone': (input) => findPersonByPhoneMasked(ctx, input),

    'history.last': () => lastChange(ctx),
    'history.undoLast': () => undoLast(ctx),

    'rules.list': () => getRules(ctx),
    'rules.update': (input) => updateRule(ctx, input),

    'dashboard.get': (input) => getDashboard(ctx, input),

    'import.preview': (input) => previewImport(db, input.kind, input.text),
    'import.commit': (input) => {
      const user = requireUser(ctx);
      return commitImport(db, clock, user.id, input.kind, input.text, nowIso(ctx));
    },
    'visits.plan': () => getPlanningData(ctx),
    'visits.saveLeader': (input) => saveLeader(ctx, input),
    'visits.saveVenue': (input) => saveVenue(ctx, input),
    'visits.saveRequest': (input) => saveRequest(ctx, input),
    'visits.create': (input) => createVisit(ctx, input),
    'visits.update': (input) => updateVisit(ctx, input),
    'visits.suggest': () => suggestVisits(ctx),
    'visits.acceptSuggestion': (input) => acceptSuggestion(ctx, input),
    'visits.decideSuggestion': (input) => decideSuggestion(ctx, input),
    'visits.deleteLeader': (input) => deleteLeader(ctx, input.id),
    'visits.deleteVenue': (input) => deleteVenue(ctx, input.id),
    'visits.setPollDate': (input) => setPollDate(ctx, input),
    'visits.setSettings': (input) => setPlanningSettings(ctx, input),
    'export.csv': (input) => exportCsv(db, input.kind, input.pcNo),

    'members.importPreview': (input) => memberImports.preview(input),
    'members.importStart': (input) => memberImports.start(input),
    'members.importErrors': (input) => memberImports.errorsCsv(input.jobId),
    'members.add': (input) => addPaperMember(ctx, input),
    'enrollers.list': (input) => listEnrollerViews(ctx, input),
    'enrollers.add': (input) => addEnroller(ctx, input),
    'enrollers.exportChiefs': (input) => exportChiefEnrollers(ctx, input),
    'workshops.list': (input) => listWorkshopViews(ctx, input),
    'workshops.add': (input) => addWorkshop(ctx, input),
    'workshops.get': (input) => getWorkshop(ctx, input.id),
    'workshops.setAttendance': (input) => setAttendance(ctx, input),
    'workshops.schedule': () => workshopSchedule(ctx),
    'findings.list': (input) => listFindingViews(ctx, input),
    'findings.members': (input) => findingMembers(ctx, input.id),
    'findings.review': (input) => reviewFinding(ctx, input),
    'membership.dashboard': (input) => getMembershipDashboard(ctx, input),
    'membership.setTarget': (input) => setTarget(ctx, input),
    'membership.thresholds': () => thresholdsView(ctx),
    'membership.setThresholds': (input) => memberImports.setThresholds(input),
    'offices.list': (input) => listOffices(ctx, input),
    'offices.set': (input) => setOffice(ctx, input),
    'speakers.list': (input) => searchSpeakers(ctx, input),
    'speakers.save': (input) => saveSpeaker(ctx, input),
    'speakers.remove': (input) => removeSpeaker(ctx, input),
    'rosters.importPreview': (input) => previewRosterCsv(ctx, input.roster, input.text),
    'rosters.importCommit': (input) => commitRosterCsv(ctx, input.roster, input.text),
    'rosters.export': (input) => exportRoster(ctx, input.roster),
    'teams.list': (input) => listTeam(ctx, input),
    'teams.add': (input) => addTeamMember(ctx, input),
    'teams.coverage': () => getTeamCoverage(ctx),
    'whatsapp.list': (input) => listWhatsapp(ctx, input),
    'whatsapp.add': (input) => addWhatsappGroup(ctx, input),
    'controlRooms.list': () => listControlRooms(ctx),
    'controlRooms.set': (input) => setControlRoom(ctx, input),

    'meetings.list': () => getMeetings(ctx),
    'meetings.create': (input) => createMeeting(ctx, input),
    'directives.get': (input) => getDirectiveDetail(ctx, input),
    'directives.mark': (input) => markDirectiveDone(ctx, input),
    'compliance.get': (input) => getCompliance(ctx, input),
    'compliance.reminders': (input) => getComplianceReminders(ctx, input),

    'sync.status': () => sync.status(),
    'sync.setSettings': (input) => sync.setSettings(input),
    'sync.enrol': (input) => sync.enrol(input),
    'sync.now': () => sync.syncNow(),
    'sync.conflicts': () => sync.listConflicts(),
    'sync.restoreConflict': (input) => sync.restoreConflict(input),
    'sync.dismissConflict': (input) => sync.dismissConflict(input),
    'sync.stateFigures': () => getStateFigures(ctx),
    'syncAdmin.overview': () => sync.adminOverview(),
    'syncAdmin.register': (input) => sync.adminRegister(input),
    'syncAdmin.revoke': (input) => sync.adminRevoke(input),
    'progressReports.list': (input) => listReports(ctx, input),
    'progressReports.save': (input) => saveReport(ctx, input),
    'evidence.attach': (input) => attachEvidence(ctx, input),
    'evidence.list': (input) => listEvidence(ctx, input),
    'evidence.get': (input) => getEvidence(ctx, input),
  };

  return {
    handlers,
    db,
    clock,
    setup,
    memberImports,
    sync,
    close() {
      sync.close();
      if (db.open) db.close();
    },
  };
}
