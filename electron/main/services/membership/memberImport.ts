import {
  MEMBER_FIELDS,
  REQUIRED_MEMBER_FIELDS,
  mapMemberColumns,
  normaliseGender,
  normaliseHeader,
  normaliseMode,
  parseIndianDateTime,
  type MemberField,
  type MemberMode,
} from '../../../../shared/domain/membershipFormats';
import { scopeOf, type BoothFacts, type IntegrityThresholds, type MemberFacts } from '../../../../shared/domain/membershipIntegrity';
import { normaliseEpic, normalisePhone, phoneLostDigits } from '../../../../shared/domain/personalData';
import type { ExportResult, ImportErrorReason, ImportRowError, JobStatus, MemberImportPreview, MemberImportResult } from '../../../../shared/ipc/views';
import { getMeta, setMeta } from '../../db/repositories/meta';
import { enrollerIdsByLogin, existingMemberKeys, listBoothFacts, suspendMemberTotals } from '../../db/repositories/membership';
import type { SqlValue } from '../../db/schema';
import { getSyncDevice } from '../../db/repositories/sync';
import { lastRowid } from '../../db/repositories/syncedRows';
import { beginChange, insertRow, insertRowsBulk, newId } from '../../sync/writer';
import { AppError } from '../AppError';
import { assertNotBusy, nowIso, requireStateAdmin, requireUser, type ServiceContext } from '../context';
import { applyFindings, planFindings, updateFindings } from './findings';
import { readTable, type TableFormat } from './readTable';

/** Rows per chunk between yields: progress and cancel are polled between chunks. */
const CHUNK = 20_000;
/** A spreadsheet's protective quote before a formula sign: '=, '+, '-, '@ (the quote is dropped). */
const FORMULA_AFTER_QUOTE = /^'[=+\-@]/;
/** Rejected rows kept in the job result; all of them are downloadable. */
const ERRORS_SHOWN = 500;

export interface MemberLookups {
  boothByCode: Map<string, BoothFacts>;
  enrollerByLogin: Map<string, string>;
  membershipIds: Set<string>;
  phoneBooth: Set<string>;
}

export function loadLookups(ctx: ServiceContext, booths = listBoothFacts(ctx.db)): MemberLookups {
  return {
    boothByCode: new Map(booths.map((b) => [b.code.toUpperCase(), b])),
    enrollerByLogin: enrollerIdsByLogin(ctx.db),
    ...existingMemberKeys(ctx.db),
  };
}

export interface CheckedMember {
  membershipId: string | null;
  name: string | null;
  phone: string;
  epic: string | null;
  gender: string | null;
  mode: MemberMode;
  booth: BoothFacts;
  enrollerId: string | null;
  enrolledAt: string | null;
}

/**
 * Memoised normalisation of values that repeat from row to row (dates, modes, genders): an import of
 * a million rows holds a few thousand distinct ones. Bounded, so a file of all-distinct values cannot grow it.
 */
function memo<T>(fn: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    let v = seen.get(raw);
    if (v === undefined && !seen.has(raw)) {
      v = fn(raw);
      if (seen.size >= 50_000) seen.clear();
      seen.set(raw, v);
    }
    return v as T;
  };
}
const dateOf = memo(parseIndianDateTime);
const genderOf = memo(normaliseGender);
const modeOf = memo(normaliseMode);

type RowError = { field: string; reason: ImportErrorReason; message: string };

/**
 * Check one member row: the normalised record, or the reasons it is refused (field + reason + message).
 * `cells` holds the mapped fields' raw text. Used by the import and by paper-form entry alike.
 */
export function checkMemberRow(
  cells: Partial<Record<MemberField, string>>,
  lookups: MemberLookups,
  defaultMode: MemberMode,
): { ok: true; member: CheckedMember } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const rawPhone = (cells.phone ?? '').trim();
  const rawEpic = (cells.epic ?? '').trim();
  const rawBooth = (cells.booth_code ?? '').trim();
  const rawDate = (cells.enrolled_at ?? '').trim();
  const rawGender = (cells.gender ?? '').trim();
  const rawMode = (cells.mode ?? '').trim();
  const rawEnroller = (cells.enroller ?? '').trim();

  let phone: string | null = null;
  if (!rawPhone) errors.push({ field: 'phone', reason: 'required', message: 'the phone number is empty. Every member needs a mobile number.' });
  else if (phoneLostDigits(rawPhone)) {
    errors.push({ field: 'phone', reason: 'phone_truncated', message: 'the spreadsheet shortened this number to scientific notation and lost digits. Format the column as Text and export again.' });
  } else if (!(phone = normalisePhone(rawPhone))) errors.push({ field: 'phone', reason: 'invalid_phone', message: 'this is not a 10-digit Indian mobile number (starting with 6–9).' });

  let epic: string | null = null;
  if (rawEpic && !(epic = normaliseEpic(rawEpic))) errors.push({ field: 'epic', reason: 'invalid_voter_id', message: 'a voter id (EPIC) is three letters and seven digits, e.g. ABC1234567.' });

  const booth = rawBooth ? lookups.boothByCode.get(rawBooth.toUpperCase()) : undefined;
  if (!rawBooth) errors.push({ field: 'booth_code', reason: 'required', message: 'the booth is empty. Write the booth code, e.g. BT-35-0001.' });
  else if (!booth) errors.push({ field: 'booth_code', reason: 'unknown_unit', message: `there is no booth "${rawBooth}". Check the booth code.` });

  let enrolledAt: string | null = null;
  if (rawDate && !(enrolledAt = dateOf(rawDate))) {
    errors.push({ field: 'enrolled_at', reason: 'invalid_date', message: 'not a real date. Write it as DD-MM-YYYY (with an optional time, e.g. 14:30).' });
  }
  let gender: string | null = null;
  if (rawGender && !(gender = genderOf(rawGender))) errors.push({ field: 'gender', reason: 'invalid_gender', message: 'write F, M or O (or महिला, पुरुष, अन्य).' });
  let mode: MemberMode | null = defaultMode;
  if (rawMode && !(mode = modeOf(rawMode))) errors.push({ field: 'mode', reason: 'invalid_mode', message: 'write digital or offline.' });

  let enrollerId: string | null = null;
  if (rawEnroller && !(enrollerId = lookups.enrollerByLogin.get(rawEnroller.toUpperCase()) ?? null)) {
    errors.push({ field: 'enroller', reason: 'unknown_enroller', message: `no enroller has the login id "${rawEnroller}". Add the enroller to the roster first.` });
  }
  const membershipId = (cells.membership_id ?? '').trim() || null;
  if ((membershipId?.length ?? 0) > 40) errors.push({ field: 'membership_id', reason: 'too_long', message: 'the membership id is longer than 40 characters.' });
  const name = (cells.name ?? '').trim() || null;
  if ((name?.length ?? 0) > 120) errors.push({ field: 'name', reason: 'too_long', message: 'the name is longer than 120 characters.' });

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, member: { membershipId, name, phone: phone!, epic, gender, mode: mode!, booth: booth!, enrollerId, enrolledAt } };
}

/** A record's identity for "adds nothing twice": its membership id, else phone + booth. Returns false when already present (and claims it). */
export function claimIdentity(m: CheckedMember, lookups: MemberLookups): boolean {
  if (m.membershipId) {
    if (lookups.membershipIds.has(m.membershipId)) return false;
    lookups.membershipIds.add(m.membershipId);
    return true;
  }
  const key = `${m.phone}|${m.booth.id}`;
  if (lookups.phoneBooth.has(key)) return false;
  lookups.phoneBooth.add(key);
  return true;
}

/** Column values in SYNCED_TABLES.members order, id first (the bulk insert appends the stamps). */
export function memberValues(id: string, m: CheckedMember, importId: string | null, scopePc: number | null): SqlValue[] {
  return [id, m.membershipId, m.name, m.phone, m.epic, m.gender, m.mode, m.booth.id, m.enrollerId, m.enrolledAt, importId, scopePc, m.booth.pcNo, m.booth.acNo, m.booth.districtCode];
}

interface Job {
  status: JobStatus;
  cancelRequested: boolean;
  errors: ImportRowError[];
  fileName: string;
  done: Promise<void>;
}

export interface StartImportInput {
  fileName: string;
  format: TableFormat;
  data: string;
  source: string;
  mapping: (MemberField | null)[];
  scopePcNo?: number;
}

const sourceKey = (source: string) => `membership.mapping:${normaliseHeader(source) || 'default'}`;

/**
 * Member imports as background jobs (the setup job's pattern): `start` answers at once with a job id;
 * the file is checked and written in chunks with a yield between them, so `jobs.get` reports progress
 * and `jobs.cancel` is heard. The whole import is ONE transaction: a cancel or a failure rolls it back
 * and nothing is written. Rows that fail their checks are refused and listed; the others go in.
 */
export class MemberImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly ctx: ServiceContext) {}

  has(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  async preview(input: { format: TableFormat; data: string; source: string }): Promise<MemberImportPreview> {
    requireUser(this.ctx);
    const table = await readTable(input.format, input.data);
    const headers = (table[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
    if (headers.every((h) => h === '')) throw new AppError('import_rejected', 'The file is empty. Put the column names in row 1 and the data below.', 'data');
    const stored = getMeta(this.ctx.db, sourceKey(input.source));
    const remembered = stored ? (JSON.parse(stored) as Record<string, MemberField | null>) : undefined;
    const rows = table.slice(1).filter((r) => r.some((c) => c.trim() !== ''));
    const device = getSyncDevice(this.ctx.db);
    const scopePcNo = device?.scope === 'pc' ? device.pcNo : null;
    return { headers, mapping: mapMemberColumns(headers, remembered), remembered: Boolean(remembered), rows: rows.length, sample: rows.slice(0, 5), scopePcNo };
  }

  start(input: StartImportInput): { jobId: string } {
    const user = requireUser(this.ctx);
    assertNotBusy(this.ctx);
    const fields = input.mapping.filter((f): f is MemberField => f !== null);
    const missing = REQUIRED_MEMBER_FIELDS.filter((f) => !fields.includes(f));
    if (missing.length > 0) throw new AppError('invalid_input', `Choose which column holds the ${missing.join(' and ')} before importing.`, 'mapping');
    if (new Set(fields).size !== fields.length) throw new AppError('invalid_input', 'Two columns are mapped to the same field. Map each field once.', 'mapping');
    const id = newId();
    const job: Job = {
      status: { id, kind: 'member_import', progress: 0, stage: 'reading', state: 'running', error: null },
      cancelRequested: false,
      errors: [],
      fileName: input.fileName,
      done: Promise.resolve(),
    };
    this.jobs.set(id, job);
    this.ctx.busyWith = 'A member import';
    job.done = this.run(job, input, user.id).finally(() => {
      this.ctx.busyWith = null;
    });
    return { jobId: id };
  }

  get(jobId: string): JobStatus {
    const job = this.find(jobId);
    return { ...job.status };
  }

  cancel(jobId: string): JobStatus {
    const job = this.find(jobId);
    if (job.status.state === 'running') job.cancelRequested = true;
    return { ...job.status };
  }

  whenDone(jobId: string): Promise<void> {
    return this.find(jobId).done;
  }

  /** Every rejected row of an ended import, as CSV (row, field, reason, message). */
  errorsCsv(jobId: string): ExportResult {
    const job = this.find(jobId);
    const q = (s: string | number) => (/[",\r\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
    const lines = ['row,field,reason,message', ...job.errors.map((e) => [e.row, e.field, e.reason, e.message].map(q).join(','))];
    return { fileName: `${job.fileName.replace(/\.[^.]+$/, '')}-rejected-rows.csv`, text: '\uFEFF' + lines.join('\r\n') + '\r\n', rows: job.errors.length };
  }

  /**
   * A state admin changes the integrity thresholds: they are saved and every finding is recomputed under
   * them, as a job with progress (a finding still found keeps its review). Cancelled or failed, the old
   * thresholds and findings stay.
   */
  setThresholds(thresholds: IntegrityThresholds): { jobId: string } {
    const user = requireStateAdmin(this.ctx, 'change the integrity thresholds');
    assertNotBusy(this.ctx);
    if (thresholds.maxPerDay < thresholds.maxPerHour) {
      throw new AppError('invalid_input', 'The members per day cannot be fewer than the members per hour.', 'maxPerDay');
    }
    const id = newId();
    const job: Job = {
      status: { id, kind: 'findings_recompute', progress: 0, stage: 'checking', state: 'running', error: null },
      cancelRequested: false,
      errors: [],
      fileName: '',
      done: Promise.resolve(),
    };
    this.jobs.set(id, job);
    this.ctx.busyWith = 'A recompute of the findings';
    job.done = this.recompute(job, thresholds, user.id).finally(() => {
      this.ctx.busyWith = null;
    });
    return { jobId: id };
  }

  private async recompute(job: Job, thresholds: IntegrityThresholds, userId: string): Promise<void> {
    const { db } = this.ctx;
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    let began = false;
    try {
      await tick();
      db.exec('BEGIN');
      began = true;
      setMeta(db, 'membership.thresholds', JSON.stringify(thresholds));
      job.status.progress = 0.1;
      await tick();
      const plan = planFindings(db, { scope: 'all' });
      job.status = { ...job.status, stage: 'findings', progress: 0.6 };
      await tick();
      if (job.cancelRequested) throw new AppError('cancelled', 'The recompute was cancelled; the thresholds and findings are as they were.');
      const findingsOpen = applyFindings(beginChange(db, this.ctx.clock, userId, nowIso(this.ctx)), plan);
      db.exec('COMMIT');
      began = false;
      job.status = { ...job.status, progress: 1, stage: 'done', state: 'done', recomputed: { findingsOpen } };
    } catch (err) {
      if (began && db.inTransaction) db.exec('ROLLBACK');
      if (err instanceof AppError && err.code === 'cancelled') job.status = { ...job.status, stage: 'cancelled', state: 'cancelled' };
      else {
        console.error('[findings recompute] failed:', err instanceof Error ? `${err.name} ${(err as { code?: string }).code ?? ''}` : 'error');
        job.status = { ...job.status, stage: 'failed', state: 'failed', error: 'The recompute failed inside the app; the thresholds and findings are as they were. Try again.' };
      }
    }
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not_found', 'That import job is not known (the app may have restarted). Start the import again.', 'jobId');
    return job;
  }

  private async run(job: Job, input: StartImportInput, userId: string): Promise<void> {
    const { ctx } = this;
    const { db } = ctx;
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    await tick();
    let began = false;
    try {
      const table = await readTable(input.format, input.data);
      // The mapping is remembered per source, by header, so a reordered export still maps.
      const headers = table[0] ?? [];
      const remembered: Record<string, MemberField | null> = {};
      headers.forEach((h, i) => (remembered[normaliseHeader(h)] = input.mapping[i] ?? null));
      setMeta(db, sourceKey(input.source), JSON.stringify(remembered));
      const positions = input.mapping.map((f, i) => ({ f, i })).filter((p): p is { f: MemberField; i: number } => p.f !== null);

      job.status.stage = 'checking';
      job.status.progress = 0.02;
      const booths = listBoothFacts(db);
      const lookups = loadLookups(ctx, booths);
      const scopePc = input.scopePcNo ?? null;
      const importId = newId();
      const total = Math.max(1, table.length - 1);
      let rows = 0;
      let inserted = 0;
      let skipped = 0;
      let rejected = 0;

      db.exec('BEGIN');
      began = true;
      const w = beginChange(db, ctx.clock, userId, nowIso(ctx));
      // The records already there end at this rowid; the new ones' facts are kept in memory for the checks.
      const afterRowid = lastRowid(db, 'members');
      // The dashboard totals are added once, grouped, when the rows are in (not by a trigger per row).
      const totals = suspendMemberTotals(db);
      const newFacts: MemberFacts[] = [];
      job.status.stage = 'writing';
      const cells: Partial<Record<MemberField, string>> = {};
      for (let start = 1; start < table.length; start += CHUNK) {
        const batch: SqlValue[][] = [];
        const end = Math.min(table.length, start + CHUNK);
        for (let r = start; r < end; r++) {
          const record = table[r];
          if (!record || record.every((c) => c.trim() === '')) continue;
          rows++;
          for (const f of MEMBER_FIELDS) cells[f] = undefined;
          for (const p of positions) {
            const c = record[p.i] ?? '';
            cells[p.f] = c.charCodeAt(0) === 39 && FORMULA_AFTER_QUOTE.test(c) ? c.slice(1) : c;
          }
          const checked = checkMemberRow(cells, lookups, 'digital');
          if (!checked.ok) {
            rejected++;
            for (const e of checked.errors) job.errors.push({ row: r + 1, field: e.field, reason: e.reason, message: `Row ${r + 1}, ${e.field}: ${e.message}` });
            continue;
          }
          if (!claimIdentity(checked.member, lookups)) {
            skipped++;
            continue;
          }
          const m = checked.member;
          const id = newId();
          batch.push(memberValues(id, m, importId, scopePc));
          newFacts.push({ id, phone: m.phone, epic: m.epic, boothId: m.booth.id, enrollerId: m.enrollerId, enrolledAt: m.enrolledAt, scopePcNo: scopePc });
        }
        inserted += insertRowsBulk(w, 'members', batch, { column: 'import_id', value: importId }, 'members.import');
        job.status.progress = 0.05 + 0.75 * (end / total);
        await tick();
        if (job.cancelRequested) throw new AppError('cancelled', 'The import was cancelled; nothing was written.');
      }
      insertRow(
        w,
        'member_imports',
        importId,
        { file_name: input.fileName.slice(0, 260), source: input.source.slice(0, 80), rows, inserted, skipped, rejected, scope_pc: scopePc, imported_at: w.at, ac_no: null, district_code: null },
        'members.import',
      );
      totals.resume(afterRowid);
      job.status.stage = 'findings';
      job.status.progress = 0.85;
      await tick();
      if (job.cancelRequested) throw new AppError('cancelled', 'The import was cancelled; nothing was written.');
      // Only the findings about the phones, voter ids, enrollers and booths of the new records can change.
      const findingsOpen = updateFindings(w, { scope: scopeOf(newFacts), newFacts, afterRowid, booths });
      db.exec('COMMIT');
      began = false;
      const result: MemberImportResult = { importId, rows, inserted, skipped, rejected, errors: job.errors.slice(0, ERRORS_SHOWN), findingsOpen };
      job.status = { ...job.status, progress: 1, stage: 'done', state: 'done', result };
    } catch (err) {
      if (began && db.inTransaction) db.exec('ROLLBACK');
      if (err instanceof AppError && err.code === 'cancelled') {
        job.status = { ...job.status, stage: 'cancelled', state: 'cancelled' };
      } else {
        // No row content here: it may hold phone numbers.
        console.error('[member import] failed:', err instanceof AppError ? err.message : err instanceof Error ? err.name : 'error');
        job.status = {
          ...job.status,
          stage: 'failed',
          state: 'failed',
          error: err instanceof AppError ? err.message : 'The import failed inside the app; nothing was written. Try again.',
        };
      }
    }
  }
}
