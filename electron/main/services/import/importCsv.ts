import Papa from 'papaparse';
import { computeCommitteeCompleteness } from '../../../../shared/domain/completeness';
import { normaliseEpic, normalisePhone, phoneLostDigits } from '../../../../shared/domain/personalData';
import { COMMITTEE_STATUSES, ROLES, type CommitteeStatus, type OrgLevel, type Role } from '../../../../shared/domain/types';
import type { ImportCommitResult, ImportErrorReason, ImportPreview, ImportRowError } from '../../../../shared/ipc/views';
import type { Db } from '../../db/connection';
import {
  appointeesOfCommittee,
  committeeByUnitKind,
  listKinds,
  listRules,
  liveRolesOfCommittee,
  pcByAc,
  personByPhone,
  type KindRef,
  type PersonRef,
} from '../../db/repositories/importLookups';
import { getUnitByCodeAnyState, type StoredUnit } from '../../db/repositories/orgUnits';
import type { SqlValue } from '../../db/schema';
import type { LocalClock } from '../../sync/clock';
import { beginChange, insertRow, newId, upsertRow, type WriteContext } from '../../sync/writer';
import { AppError } from '../AppError';

export type ImportKind = 'units' | 'committees';

// ---------------------------------------------------------------------------------------------------
// Columns and their header aliases. Headers are matched after normalisation (case, spaces, underscores,
// hyphens, brackets and the Devanagari nukta ignored), so "Name (English)", "name_en" and "NAME EN" agree.
// ---------------------------------------------------------------------------------------------------

export const UNIT_COLUMNS = ['level', 'code', 'name_en', 'name_hi', 'parent_code', 'ac_no', 'closed'] as const;
export const COMMITTEE_COLUMNS = [
  'unit_code',
  'kind',
  'status',
  'declared_on',
  'verified_on',
  'role',
  'name_en',
  'name_hi',
  'phone',
  'voter_id',
] as const;

const REQUIRED_COLUMNS: Record<ImportKind, readonly string[]> = {
  units: ['level', 'code', 'name_en', 'parent_code'],
  committees: ['unit_code', 'kind', 'status'],
};

const NAME_EN_ALIASES = ['name_en', 'name', 'english name', 'name (english)', 'नाम', 'नाम (अंग्रेज़ी)', 'अंग्रेज़ी नाम', 'अंग्रेजी नाम'];
const NAME_HI_ALIASES = ['name_hi', 'hindi name', 'name (hindi)', 'हिंदी नाम', 'हिन्दी नाम', 'नाम (हिंदी)', 'नाम (हिन्दी)'];

/** canonical column → accepted headers (English and Hindi). */
export const HEADER_ALIASES: Record<ImportKind, Record<string, readonly string[]>> = {
  units: {
    level: ['level', 'unit level', 'स्तर', 'इकाई स्तर'],
    code: ['code', 'unit code', 'कोड', 'इकाई कोड'],
    name_en: NAME_EN_ALIASES,
    name_hi: NAME_HI_ALIASES,
    parent_code: ['parent_code', 'parent', 'parent code', 'मूल इकाई', 'मूल इकाई कोड', 'पैरेंट कोड', 'ऊपरी इकाई कोड'],
    ac_no: ['ac_no', 'ac', 'ac number', 'assembly', 'assembly constituency', 'विधानसभा', 'विधानसभा संख्या', 'विधानसभा क्रमांक'],
    closed: ['closed', 'is closed', 'बंद'],
  },
  committees: {
    unit_code: ['unit_code', 'unit', 'code', 'इकाई', 'इकाई कोड', 'कोड'],
    kind: ['kind', 'committee', 'committee kind', 'committee type', 'समिति', 'समिति प्रकार', 'प्रकार'],
    status: ['status', 'स्थिति'],
    declared_on: ['declared_on', 'declared', 'declared date', 'घोषणा तिथि', 'घोषित तिथि', 'घोषणा की तिथि'],
    verified_on: ['verified_on', 'verified', 'verified date', 'सत्यापन तिथि', 'सत्यापित तिथि', 'सत्यापन की तिथि'],
    role: ['role', 'post', 'designation', 'पद', 'दायित्व'],
    name_en: NAME_EN_ALIASES,
    name_hi: NAME_HI_ALIASES,
    phone: ['phone', 'mobile', 'mobile no', 'mobile number', 'phone number', 'मोबाइल', 'मोबाइल नंबर', 'फोन', 'फ़ोन नंबर', 'फोन नंबर'],
    voter_id: ['voter_id', 'voter id', 'epic', 'epic no', 'मतदाता पहचान पत्र', 'वोटर आईडी', 'मतदाता पहचान पत्र संख्या'],
  },
};

function normKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u093c/g, '')
    .replace(/[\s_\-().:]/g, '');
}

const headerIndex: Record<ImportKind, Map<string, string>> = { units: new Map(), committees: new Map() };
for (const kind of ['units', 'committees'] as ImportKind[]) {
  for (const [canonical, aliases] of Object.entries(HEADER_ALIASES[kind])) {
    for (const a of aliases) headerIndex[kind].set(normKey(a), canonical);
  }
}

// Values in Hindi or English for the enumerations.
const LEVEL_ALIASES: Record<string, ImportUnitLevel> = {
  block: 'block', prakhand: 'block', 'प्रखंड': 'block', 'प्रखण्ड': 'block', 'ब्लॉक': 'block',
  mandal: 'mandal', 'मंडल': 'mandal', 'मण्डल': 'mandal',
  panchayat: 'panchayat', 'पंचायत': 'panchayat',
  booth: 'booth', 'बूथ': 'booth',
};
type ImportUnitLevel = 'block' | 'mandal' | 'panchayat' | 'booth';
const ALLOWED_PARENTS: Record<ImportUnitLevel, readonly string[]> = {
  block: ['district'],
  mandal: ['block'],
  panchayat: ['mandal', 'block'],
  booth: ['panchayat', 'mandal'],
};
const CODE_PREFIX: Record<ImportUnitLevel, string> = { block: 'B-', mandal: 'M-', panchayat: 'P-', booth: 'BT-' };

const STATUS_ALIASES: Record<string, CommitteeStatus> = {
  ...Object.fromEntries(COMMITTEE_STATUSES.map((s) => [normKey(s), s])),
  [normKey('not formed')]: 'not_formed',
  [normKey('गठित नहीं')]: 'not_formed',
  [normKey('अगठित')]: 'not_formed',
  [normKey('घोषित')]: 'declared',
  [normKey('सत्यापित')]: 'verified',
  [normKey('भंग')]: 'dissolved',
};

const ROLE_ALIASES: Record<string, Role> = {
  ...Object.fromEntries(ROLES.map((r) => [normKey(r), r])),
  [normKey('vice president')]: 'vice_president',
  [normKey('general secretary')]: 'general_secretary',
  [normKey('booth level agent')]: 'bla',
  [normKey('convener')]: 'convenor',
  [normKey('अध्यक्ष')]: 'president',
  [normKey('उपाध्यक्ष')]: 'vice_president',
  [normKey('महामंत्री')]: 'general_secretary',
  [normKey('महासचिव')]: 'general_secretary',
  [normKey('मंत्री')]: 'secretary',
  [normKey('सचिव')]: 'secretary',
  [normKey('कोषाध्यक्ष')]: 'treasurer',
  [normKey('प्रवक्ता')]: 'spokesperson',
  [normKey('संयोजक')]: 'convenor',
  [normKey('सदस्य')]: 'member',
  [normKey('बीएलए')]: 'bla',
  [normKey('बूथ लेवल एजेंट')]: 'bla',
};

const YES = new Set(['1', 'yes', 'y', 'true', 'हाँ', 'हां', 'बंद']);
const NO = new Set(['0', 'no', 'n', 'false', 'नहीं', 'चालू']);

// ---------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------

interface ParsedRow {
  /** 1-based row in the file, header = 1 (what a spreadsheet shows as the row number). */
  row: number;
  cells: Record<string, string>;
}

interface ParsedFile {
  columns: string[];
  rows: ParsedRow[];
  errors: ImportRowError[];
}

const err = (row: number, field: string, reason: ImportErrorReason, message: string): ImportRowError => ({ row, field, reason, message });

/** Spreadsheet exports escape formulas with a leading apostrophe ('=…); undo that. */
function cleanCell(raw: string | undefined): string {
  const s = (raw ?? '').replace(/\u00a0/g, ' ').trim();
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

function parseFile(kind: ImportKind, text: string): ParsedFile {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] });
  const errors: ImportRowError[] = [];
  for (const e of parsed.errors) {
    // A one-column file has no delimiter to detect; that is not an error in itself.
    if (e.code === 'UndetectableDelimiter') continue;
    const row = (e.row ?? 0) + 1;
    errors.push(err(row, '', 'malformed', `Row ${row}: the line could not be read (${e.message}). Check the quotes on that line.`));
  }
  const data = parsed.data;
  const header = data[0] ?? [];
  if (header.every((h) => cleanCell(h) === '')) {
    return { columns: [], rows: [], errors: [err(1, '', 'empty_file', 'The file is empty. Put the column names in row 1 and the data below.')] };
  }
  const positions: { index: number; column: string }[] = [];
  const seen = new Map<string, number>();
  header.forEach((h, index) => {
    const column = headerIndex[kind].get(normKey(cleanCell(h)));
    if (!column) return; // unknown columns are ignored (e.g. a serial-number column)
    if (seen.has(column)) {
      errors.push(
        err(1, column, 'duplicate_column', `Row 1: columns ${seen.get(column)! + 1} and ${index + 1} are both "${column}". Keep one of them.`),
      );
      return;
    }
    seen.set(column, index);
    positions.push({ index, column });
  });
  for (const required of REQUIRED_COLUMNS[kind]) {
    if (!seen.has(required)) {
      errors.push(err(1, required, 'missing_column', `Row 1: the column "${required}" is missing. Add it to the header row.`));
    }
  }
  const rows: ParsedRow[] = [];
  for (let i = 1; i < data.length; i++) {
    const record = data[i];
    if (record.every((c) => cleanCell(c) === '')) continue;
    const cells: Record<string, string> = {};
    for (const p of positions) cells[p.column] = cleanCell(record[p.index]);
    rows.push({ row: i + 1, cells });
  }
  const columns = positions.map((p) => p.column);
  return { columns, rows, errors };
}

/** YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (also DD.MM.YYYY) → YYYY-MM-DD; null when not a real date. */
export function parseDate(raw: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]*Z?)?$/.exec(raw);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(raw);
    if (!match) return null;
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  }
  if (y < 1950 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------------

interface PlannedUnit {
  id: string;
  level: string;
  acNo: number | null;
  districtCode: string | null;
  blockCode: string | null;
}

interface Plan {
  errors: ImportRowError[];
  toInsert: number;
  toUpdate: number;
  unchanged: number;
  /** Runs the writes; only called when there are no errors, inside the import's transaction. */
  apply: (ctx: WriteContext) => void;
}

function planUnits(db: Db, file: ParsedFile): Plan {
  const errors: ImportRowError[] = [...file.errors];
  const acToPc = pcByAc(db);
  const inFile = new Map<string, { row: number; unit: PlannedUnit | null }>();
  const writes: ((ctx: WriteContext) => void)[] = [];
  let toInsert = 0;
  let toUpdate = 0;
  let unchanged = 0;

  for (const { row, cells } of file.rows) {
    const rowErrors: ImportRowError[] = [];
    const fail = (field: string, reason: ImportErrorReason, message: string): void => {
      rowErrors.push(err(row, field, reason, `Row ${row}, ${field}: ${message}`));
    };

    const levelRaw = cells.level ?? '';
    const level = LEVEL_ALIASES[normKey(levelRaw)] as ImportUnitLevel | undefined;
    if (!levelRaw) fail('level', 'required', 'the level is empty. Write block, mandal, panchayat or booth.');
    else if (!level) fail('level', 'invalid_level', `"${levelRaw}" is not a level. Write block, mandal, panchayat or booth.`);

    const code = (cells.code ?? '').toUpperCase();
    if (!code) fail('code', 'required', 'the code is empty. Give every unit a unique code, e.g. BT-12-0045.');
    else if (!/^[A-Z0-9][A-Z0-9\-_/.]{1,39}$/.test(code)) {
      fail('code', 'invalid_code', `"${code}" is not a valid code. Use letters, digits and hyphens (up to 40), e.g. BT-12-0045.`);
    } else if (level && !code.startsWith(CODE_PREFIX[level])) {
      fail('code', 'invalid_code', `${level} codes start with ${CODE_PREFIX[level]} (e.g. ${CODE_PREFIX[level]}…). Change "${code}".`);
    } else if (inFile.has(code)) {
      fail('code', 'duplicate_code', `the code ${code} already appears in row ${inFile.get(code)!.row}. Each unit must appear once.`);
    }

    const nameEn = cells.name_en ?? '';
    if (!nameEn) fail('name_en', 'required', 'the English name is empty. Enter the name in English.');
    else if (nameEn.length > 200) fail('name_en', 'too_long', 'the name is longer than 200 characters. Shorten it.');
    const nameHi = cells.name_hi ?? '';
    if (nameHi.length > 200) fail('name_hi', 'too_long', 'the Hindi name is longer than 200 characters. Shorten it.');

    const parentCode = (cells.parent_code ?? '').toUpperCase();
    let parent: PlannedUnit | null = null;
    if (!parentCode) fail('parent_code', 'required', 'the parent code is empty. Enter the code of the unit this one belongs to.');
    else {
      const earlier = inFile.get(parentCode);
      if (earlier) parent = earlier.unit;
      else {
        const stored = getUnitByCodeAnyState(db, parentCode);
        if (stored && !stored.deleted) parent = stored;
      }
      if (!parent && !earlier) {
        fail('parent_code', 'unknown_parent', `no unit has the code ${parentCode}. Import the parent first (or put it in an earlier row) or correct the code.`);
      } else if (parent && level && !ALLOWED_PARENTS[level].includes(parent.level)) {
        fail(
          'parent_code',
          'invalid_parent_level',
          `a ${level} cannot belong to a ${parent.level} (${parentCode}). Its parent must be a ${ALLOWED_PARENTS[level].join(' or ')}.`,
        );
      }
    }

    const acRaw = cells.ac_no ?? '';
    let acNo: number | null = null;
    if (acRaw) {
      const n = Number(acRaw);
      if (!Number.isInteger(n) || n < 1 || n > 81) fail('ac_no', 'invalid_ac', `"${acRaw}" is not an assembly constituency number. Enter a number from 1 to 81.`);
      else if (!acToPc.has(n)) fail('ac_no', 'invalid_ac', `assembly constituency ${n} is not in the reference data. Check the number.`);
      else acNo = n;
    } else if (level === 'booth') {
      fail('ac_no', 'required', 'a booth needs its assembly constituency number (1–81).');
    }

    const closedRaw = (cells.closed ?? '').toLowerCase();
    let closed: number | null = null;
    if (closedRaw) {
      if (YES.has(closedRaw)) closed = 1;
      else if (NO.has(closedRaw)) closed = 0;
      else fail('closed', 'invalid_closed', `"${cells.closed}" is not yes or no. Write 1 (closed) or 0 (open), or leave it empty.`);
    }

    const stored = code ? getUnitByCodeAnyState(db, code) : undefined;
    if (stored && stored.deleted) {
      fail('code', 'code_deleted', `the code ${code} belonged to a unit that was deleted. Use a new code.`);
    } else if (stored && level && stored.level !== level) {
      fail('level', 'level_mismatch', `${code} is already a ${stored.level}, not a ${level}. Correct the level or the code.`);
    }
    // A stored unit keeps its district and assembly constituency: every synced row carries them as the
    // keys other control rooms read it by, and the state server refuses to change them.
    if (stored && !stored.deleted && parent) {
      if ((parent.districtCode ?? null) !== (stored.districtCode ?? null)) {
        fail(
          'parent_code',
          'scope_change',
          `${code} is in another district than ${parentCode}. A unit cannot move to another district once it exists: keep its parent in its own district, or close it and add a new unit under ${parentCode}.`,
        );
      }
      if (acNo !== null && acNo !== stored.acNo) {
        fail(
          'ac_no',
          'scope_change',
          stored.acNo === null
            ? `${code} is stored without an assembly constituency, and that cannot change once it exists. Leave the cell empty.`
            : `${code} is in assembly constituency ${stored.acNo}, and that cannot change once it exists. Write ${stored.acNo} or leave the cell empty (or close it and add a new unit).`,
        );
      }
    }

    if (code && !inFile.has(code)) inFile.set(code, { row, unit: null });
    if (rowErrors.length > 0 || !level || !parent) {
      errors.push(...rowErrors);
      continue;
    }

    const districtCode = parent.districtCode;
    const blockCode = level === 'block' ? (stored?.blockCode ?? code.slice(CODE_PREFIX.block.length)) : parent.blockCode;
    const values: Record<string, SqlValue> = {
      name_en: nameEn,
      parent_id: parent.id,
      district_code: districtCode,
      block_code: blockCode,
    };
    if (nameHi) values.name_hi = nameHi;
    // Empty AC / closed / Hindi name cells keep what is stored, so a partial sheet never wipes data.
    const effectiveAc = acNo ?? (stored ? stored.acNo : level === 'booth' ? null : parent.acNo);
    if (acNo !== null || !stored) {
      values.ac_no = effectiveAc;
      values.pc_no = effectiveAc === null ? null : (acToPc.get(effectiveAc) ?? null);
    }
    if (closed !== null) values.closed = closed;

    if (stored) {
      const current: Record<string, SqlValue> = {
        name_en: stored.nameEn,
        name_hi: stored.nameHi,
        parent_id: stored.parentId,
        district_code: stored.districtCode,
        block_code: stored.blockCode,
        ac_no: stored.acNo,
        pc_no: stored.pcNo,
        closed: stored.closed ? 1 : 0,
      };
      const changed = Object.keys(values).some((k) => current[k] !== values[k]);
      if (changed) {
        toUpdate++;
        writes.push((ctx) => upsertRow(ctx, 'org_units', stored.id, values, 'import.unit'));
      } else unchanged++;
      inFile.set(code, { row, unit: { id: stored.id, level, acNo: effectiveAc, districtCode, blockCode } });
    } else {
      const id = newId();
      toInsert++;
      const insertValues: Record<string, SqlValue> = {
        level,
        code,
        name_hi: null,
        closed: 0,
        lat: null,
        lon: null,
        electors: null,
        source: 'import',
        ...values,
      };
      writes.push((ctx) => insertRow(ctx, 'org_units', id, insertValues, 'import.unit'));
      inFile.set(code, { row, unit: { id, level, acNo: effectiveAc, districtCode, blockCode } });
    }
  }

  return {
    errors,
    toInsert,
    toUpdate,
    unchanged,
    apply: (ctx) => {
      for (const w of writes) w(ctx);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Committees and office-bearers
// ---------------------------------------------------------------------------------------------------

const ruleLevelOf = (level: string): OrgLevel =>
  level === 'pc' || level === 'ac' ? 'district' : (level as OrgLevel);

interface CommitteeState {
  row: number;
  /** Existing committee id, or the id it will get. */
  id: string;
  exists: boolean;
  unit: StoredUnit;
  kind: KindRef;
  status: CommitteeStatus;
  declaredOn: string | null;
  verifiedOn: string | null;
  /** Names (normalised) of people appointed in the DB, for matching people without a phone. */
  dbAppointees: (PersonRef & { role: string })[] | null;
}

interface PersonState {
  id: string;
  row: number;
  exists: boolean;
  nameEn: string | null;
  nameHi: string | null;
  phone: string | null;
  voterId: string | null;
}

const sameName = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

function planCommittees(db: Db, file: ParsedFile, userId: string): Plan {
  const errors: ImportRowError[] = [...file.errors];
  const kinds = listKinds(db);
  const kindIndex = new Map<string, KindRef>();
  for (const k of kinds) {
    kindIndex.set(normKey(k.id), k);
    kindIndex.set(normKey(k.nameEn), k);
    kindIndex.set(normKey(k.nameHi), k);
  }
  const unitCache = new Map<string, StoredUnit | null>();
  const committees = new Map<string, CommitteeState>();
  const peopleByPhone = new Map<string, PersonState>();
  const peopleById = new Map<string, PersonState>();
  /** committee id → people added from the file without a phone, for name matching. */
  const namedInCommittee = new Map<string, PersonState[]>();
  const appointmentKeys = new Map<string, number>();
  const writes: ((ctx: WriteContext) => void)[] = [];
  const touched = new Map<string, CommitteeState>();
  let toInsert = 0;
  let toUpdate = 0;
  let unchanged = 0;

  for (const { row, cells } of file.rows) {
    const rowErrors: ImportRowError[] = [];
    const fail = (field: string, reason: ImportErrorReason, message: string): void => {
      rowErrors.push(err(row, field, reason, `Row ${row}, ${field}: ${message}`));
    };

    // --- committee columns ---
    const unitCode = (cells.unit_code ?? '').toUpperCase();
    let unit: StoredUnit | null = null;
    if (!unitCode) fail('unit_code', 'required', 'the unit code is empty. Enter the code of the unit, e.g. B-3064.');
    else {
      if (!unitCache.has(unitCode)) {
        const u = getUnitByCodeAnyState(db, unitCode);
        unitCache.set(unitCode, u && !u.deleted ? u : null);
      }
      unit = unitCache.get(unitCode) ?? null;
      if (!unit) fail('unit_code', 'unknown_unit', `no unit has the code ${unitCode}. Import the unit first or correct the code.`);
    }

    const kindRaw = cells.kind ?? '';
    const kind = kindRaw ? kindIndex.get(normKey(kindRaw)) : undefined;
    if (!kindRaw) fail('kind', 'required', 'the committee kind is empty. Write e.g. main, youth, women, media.');
    else if (!kind) {
      fail('kind', 'unknown_kind', `"${kindRaw}" is not a committee kind. Use one of: ${kinds.map((k) => k.id).join(', ')}.`);
    }

    const statusRaw = cells.status ?? '';
    const status = statusRaw ? STATUS_ALIASES[normKey(statusRaw)] : undefined;
    if (!statusRaw) fail('status', 'required', 'the status is empty. Write not_formed, declared, verified or dissolved.');
    else if (!status) fail('status', 'invalid_status', `"${statusRaw}" is not a status. Write not_formed, declared, verified or dissolved.`);

    const dateOf = (field: 'declared_on' | 'verified_on'): string | null => {
      const raw = cells[field] ?? '';
      if (!raw) return null;
      const d = parseDate(raw);
      if (!d) fail(field, 'invalid_date', `"${raw}" is not a real date. Write it as YYYY-MM-DD or DD-MM-YYYY, e.g. 2026-03-15.`);
      return d;
    };
    const declaredOn = dateOf('declared_on');
    const verifiedOn = dateOf('verified_on');
    if (status === 'not_formed' && (cells.declared_on || cells.verified_on)) {
      fail(cells.declared_on ? 'declared_on' : 'verified_on', 'unexpected_date', 'a committee that is not formed has no dates. Remove the date or change the status.');
    }
    if ((status === 'declared' || status === 'verified') && !cells.declared_on) {
      fail('declared_on', 'required', `a ${status} committee needs the date it was declared.`);
    }
    if (status === 'verified' && !cells.verified_on) fail('verified_on', 'required', 'a verified committee needs the date it was verified.');
    if (declaredOn && verifiedOn && verifiedOn < declaredOn) {
      fail('verified_on', 'date_order', `the committee was verified (${verifiedOn}) before it was declared (${declaredOn}). Correct one of the dates.`);
    }

    // --- office-bearer columns ---
    const roleRaw = cells.role ?? '';
    const role = roleRaw ? ROLE_ALIASES[normKey(roleRaw)] : undefined;
    const nameEn = cells.name_en || null;
    const nameHi = cells.name_hi || null;
    const phoneRaw = cells.phone ?? '';
    const epicRaw = cells.voter_id ?? '';
    const hasPerson = Boolean(roleRaw || nameEn || nameHi || phoneRaw || epicRaw);
    if (roleRaw && !role) {
      fail('role', 'invalid_role', `"${roleRaw}" is not a post. Use one of: ${ROLES.join(', ')} (or अध्यक्ष, महामंत्री, सदस्य …).`);
    } else if (!roleRaw && hasPerson) fail('role', 'required', 'the post is empty. Write the post this person holds, e.g. president or member.');
    if (hasPerson && !nameEn && !nameHi) fail('name_en', 'required', 'the name is empty. Enter the name in English or Hindi.');
    if ((nameEn?.length ?? 0) > 120) fail('name_en', 'too_long', 'the name is longer than 120 characters. Shorten it.');
    if ((nameHi?.length ?? 0) > 120) fail('name_hi', 'too_long', 'the name is longer than 120 characters. Shorten it.');
    let phone: string | null = null;
    if (phoneRaw) {
      if (phoneLostDigits(phoneRaw)) {
        fail('phone', 'phone_truncated', 'the spreadsheet shortened this number to scientific notation and lost digits. Format the column as Text, re-enter the number and save again.');
      } else {
        phone = normalisePhone(phoneRaw);
        if (!phone) fail('phone', 'invalid_phone', 'this is not a 10-digit Indian mobile number (starting with 6–9). Correct it or leave it empty.');
      }
    }
    let voterId: string | null = null;
    if (epicRaw) {
      voterId = normaliseEpic(epicRaw);
      if (!voterId) fail('voter_id', 'invalid_voter_id', 'a voter id (EPIC) is three letters and seven digits, e.g. ABC1234567. Correct it or leave it empty.');
    }

    // --- the committee this row belongs to; its status and dates must agree across its rows ---
    let committee: CommitteeState | undefined;
    if (unit && kind && status) {
      const key = `${unit.id}|${kind.id}`;
      committee = committees.get(key);
      if (committee) {
        const c = committee;
        if (c.status !== status) fail('status', 'conflicting_committee', `row ${c.row} gives this committee the status ${c.status}. Use the same status on every row of a committee.`);
        if (cells.declared_on && c.declaredOn !== declaredOn) fail('declared_on', 'conflicting_committee', `row ${c.row} gives a different declaration date for this committee. Use the same date on every row.`);
        if (cells.verified_on && c.verifiedOn !== verifiedOn) fail('verified_on', 'conflicting_committee', `row ${c.row} gives a different verification date for this committee. Use the same date on every row.`);
      }
    }

    // --- one phone belongs to one person: an earlier row with the same phone must name the same person ---
    if (phone) {
      const earlier = peopleByPhone.get(phone);
      if (earlier && ((nameEn && earlier.nameEn && !sameName(nameEn, earlier.nameEn)) || (nameHi && earlier.nameHi && !sameName(nameHi, earlier.nameHi)))) {
        fail('phone', 'phone_conflict', `row ${earlier.row} has the same phone number for a person with a different name. One phone belongs to one person: correct the number or the name.`);
      }
    }

    if (rowErrors.length > 0 || !unit || !kind || !status) {
      errors.push(...rowErrors);
      continue;
    }

    // Plan the committee (first row of it).
    let rowOutcome: 'insert' | 'update' | 'unchanged' = 'unchanged';
    if (!committee) {
      const existing = committeeByUnitKind(db, unit.id, kind.id);
      committee = {
        row,
        id: existing?.id ?? newId(),
        exists: Boolean(existing),
        unit,
        kind,
        status,
        declaredOn,
        verifiedOn,
        dbAppointees: null,
      };
      committees.set(`${unit.id}|${kind.id}`, committee);
      const c = committee;
      const scope = { ac_no: unit.acNo, district_code: unit.districtCode };
      if (!existing) {
        rowOutcome = 'insert';
        writes.push((ctx) =>
          insertRow(
            ctx,
            'committees',
            c.id,
            {
              unit_id: unit!.id,
              kind_id: kind.id,
              status,
              declared_on: declaredOn,
              verified_on: verifiedOn,
              declared_by: declaredOn ? userId : null,
              verified_by: verifiedOn ? userId : null,
              complete: 0,
              member_count: 0,
              ...scope,
            },
            'import.committee',
          ),
        );
      } else {
        const changes: Record<string, SqlValue> = {};
        if (existing.status !== status) changes.status = status;
        // Empty date cells keep the stored dates; a changed date records who changed it.
        if (declaredOn && existing.declaredOn !== declaredOn) {
          changes.declared_on = declaredOn;
          changes.declared_by = userId;
        }
        if (verifiedOn && existing.verifiedOn !== verifiedOn) {
          changes.verified_on = verifiedOn;
          changes.verified_by = userId;
        }
        if (Object.keys(changes).length > 0) {
          rowOutcome = 'update';
          writes.push((ctx) => upsertRow(ctx, 'committees', c.id, changes, 'import.committee'));
        }
      }
      touched.set(c.id, c);
    }
    const c = committee;

    if (role) {
      // Who this person is: by phone (earlier rows, then the database), else by name within the committee —
      // when the row has a phone, only a same-named person without one (the phone is then filled in).
      let person: PersonState | null = phone ? (peopleByPhone.get(phone) ?? null) : null;
      if (!person && phone) {
        const stored = personByPhone(db, phone);
        if (stored) person = peopleById.get(stored.id) ?? { ...stored, row, exists: true };
      }
      if (!person) {
        const byName = (p: { nameEn: string | null; nameHi: string | null; phone: string | null }): boolean =>
          (!phone || p.phone === null) && Boolean((nameEn && sameName(p.nameEn, nameEn)) || (nameHi && sameName(p.nameHi, nameHi)));
        c.dbAppointees ??= c.exists ? appointeesOfCommittee(db, c.id) : [];
        const fromDb = c.dbAppointees.find(byName);
        if (fromDb) {
          person = peopleById.get(fromDb.id) ?? { id: fromDb.id, nameEn: fromDb.nameEn, nameHi: fromDb.nameHi, phone: fromDb.phone, voterId: fromDb.voterId, row, exists: true };
        } else person = (namedInCommittee.get(c.id) ?? []).find(byName) ?? null;
      }
      if (!person) {
        const p: PersonState = { id: newId(), row, exists: false, nameEn, nameHi, phone, voterId };
        person = p;
        rowOutcome = 'insert';
        writes.push((ctx) =>
          insertRow(
            ctx,
            'people',
            p.id,
            { name_en: p.nameEn, name_hi: p.nameHi, phone: p.phone, voter_id: p.voterId, ac_no: unit!.acNo, district_code: unit!.districtCode },
            'import.person',
          ),
        );
      } else {
        // The file fills in what it gives; empty cells keep what is stored.
        const p = person;
        const changes: Record<string, SqlValue> = {};
        if (nameEn && p.nameEn !== nameEn) changes.name_en = nameEn;
        if (nameHi && p.nameHi !== nameHi) changes.name_hi = nameHi;
        if (phone && p.phone !== phone) changes.phone = phone;
        if (voterId && p.voterId !== voterId) changes.voter_id = voterId;
        if (Object.keys(changes).length > 0) {
          if (rowOutcome === 'unchanged') rowOutcome = 'update';
          if (changes.name_en !== undefined) p.nameEn = nameEn;
          if (changes.name_hi !== undefined) p.nameHi = nameHi;
          if (changes.phone !== undefined) p.phone = phone;
          if (changes.voter_id !== undefined) p.voterId = voterId;
          const id = p.id;
          writes.push((ctx) => upsertRow(ctx, 'people', id, changes, 'import.person'));
        }
      }
      peopleById.set(person.id, person);
      if (person.phone) peopleByPhone.set(person.phone, person);
      else {
        const list = namedInCommittee.get(c.id) ?? [];
        if (!list.includes(person)) list.push(person);
        namedInCommittee.set(c.id, list);
      }

      const apptKey = `${c.id}|${person.id}|${role}`;
      if (appointmentKeys.has(apptKey)) {
        errors.push(err(row, 'role', 'duplicate_row', `Row ${row}, role: row ${appointmentKeys.get(apptKey)} already appoints this person as ${role} in this committee. Remove one of the rows.`));
        continue;
      }
      appointmentKeys.set(apptKey, row);
      c.dbAppointees ??= c.exists ? appointeesOfCommittee(db, c.id) : [];
      const held = c.dbAppointees.some((a) => a.id === person!.id && a.role === role);
      if (!held) {
        rowOutcome = 'insert';
        const personId = person.id;
        writes.push((ctx) =>
          insertRow(
            ctx,
            'appointments',
            newId(),
            { committee_id: c.id, person_id: personId, role, ac_no: unit!.acNo, district_code: unit!.districtCode },
            'import.appointment',
          ),
        );
      }
    }

    if (rowOutcome === 'insert') toInsert++;
    else if (rowOutcome === 'update') toUpdate++;
    else unchanged++;
  }

  return {
    errors,
    toInsert,
    toUpdate,
    unchanged,
    apply: (ctx) => {
      for (const w of writes) w(ctx);
      // Keep each committee's complete / member_count consistent with its appointments and the rules.
      const rules = new Map(listRules(db).map((r) => [`${r.level}:${r.category}`, r]));
      for (const c of touched.values()) {
        const roles = liveRolesOfCommittee(db, c.id) as Role[];
        const rule = rules.get(`${ruleLevelOf(c.unit.level)}:${c.kind.category}`);
        const result = computeCommitteeCompleteness(
          rule ? { requiredRoles: JSON.parse(rule.requiredRoles) as Role[], minMembers: rule.minMembers } : undefined,
          roles,
        );
        upsertRow(ctx, 'committees', c.id, { complete: result.complete ? 1 : 0, member_count: roles.length }, 'import.committee');
      }
    },
  };
}

function plan(db: Db, kind: ImportKind, file: ParsedFile, userId: string): Plan {
  // Without the required columns every row would repeat the same complaint: report the header alone.
  if (file.errors.some((e) => e.row === 1)) {
    return { errors: file.errors.filter((e) => e.row === 1), toInsert: 0, toUpdate: 0, unchanged: 0, apply: () => undefined };
  }
  return kind === 'units' ? planUnits(db, file) : planCommittees(db, file, userId);
}

function errorRowCount(errors: ImportRowError[]): number {
  return new Set(errors.map((e) => e.row)).size;
}

/** Parse and check a CSV file without writing anything: what would be inserted, updated or left as is, and every bad row. */
export function previewImport(db: Db, kind: ImportKind, text: string): ImportPreview {
  const file = parseFile(kind, text);
  const p = plan(db, kind, file, 'preview');
  return {
    kind,
    rows: file.rows.length,
    toInsert: p.toInsert,
    toUpdate: p.toUpdate,
    unchanged: p.unchanged,
    errors: p.errors.sort((a, b) => a.row - b.row),
    sample: file.rows.slice(0, 10).map((r) => r.cells),
    columns: file.columns,
  };
}

/**
 * Import a CSV file: everything or nothing. The file is checked again inside the transaction; if any row has
 * an error nothing is written. Re-importing the same file writes nothing (unchanged rows are skipped).
 */
export function commitImport(db: Db, clock: LocalClock, userId: string, kind: ImportKind, text: string, at: string): ImportCommitResult {
  const file = parseFile(kind, text);
  return db.transaction(() => {
    const p = plan(db, kind, file, userId);
    if (p.errors.length > 0) {
      const n = errorRowCount(p.errors);
      throw new AppError(
        'import_rejected',
        `${n} ${n === 1 ? 'row has' : 'rows have'} errors; nothing was imported. Fix them and import again.`,
      );
    }
    if (p.toInsert + p.toUpdate > 0) p.apply(beginChange(db, clock, userId, at));
    return { inserted: p.toInsert, updated: p.toUpdate, unchanged: p.unchanged };
  })();
}
