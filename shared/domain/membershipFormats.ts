/**
 * Reading the membership app's exports and paper forms: header aliases in Hindi and English, Indian
 * date formats, Excel serial dates, gender and mode words. Pure functions: the import service, the
 * paper-form entry and the tests share them. Phones and EPIC go through personalData.ts.
 */

export const MEMBER_FIELDS = ['membership_id', 'name', 'phone', 'epic', 'gender', 'booth_code', 'enroller', 'enrolled_at', 'mode'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** Columns a member row cannot do without; the rest are optional (a paper form may lack an EPIC). */
export const REQUIRED_MEMBER_FIELDS: readonly MemberField[] = ['phone', 'booth_code'];

/** canonical field → headers seen in the app's exports and in hand-made sheets (English and Hindi). */
export const MEMBER_HEADER_ALIASES: Record<MemberField, readonly string[]> = {
  membership_id: ['membership_id', 'membership id', 'membership no', 'member id', 'member no', 'सदस्यता संख्या', 'सदस्यता आईडी', 'सदस्यता क्रमांक', 'सदस्य संख्या'],
  name: ['name', 'member name', 'full name', 'नाम', 'सदस्य का नाम', 'सदस्य नाम'],
  phone: ['phone', 'mobile', 'mobile no', 'mobile number', 'phone number', 'contact', 'मोबाइल', 'मोबाइल नंबर', 'मोबाइल संख्या', 'फोन', 'फ़ोन', 'फोन नंबर', 'फ़ोन नंबर'],
  epic: ['epic', 'epic no', 'epic number', 'voter id', 'voter_id', 'voter card', 'मतदाता पहचान पत्र', 'मतदाता पहचान पत्र संख्या', 'वोटर आईडी', 'ईपिक'],
  gender: ['gender', 'sex', 'लिंग'],
  booth_code: ['booth_code', 'booth', 'booth code', 'booth no', 'polling booth', 'बूथ', 'बूथ कोड', 'बूथ संख्या', 'मतदान केंद्र'],
  enroller: ['enroller', 'enroller id', 'enroller login', 'login id', 'app login', 'enrolled by', 'नामांकनकर्ता', 'नामांकनकर्ता आईडी', 'सदस्यता प्रभारी', 'लॉगिन आईडी'],
  enrolled_at: ['enrolled_at', 'enrolled at', 'enrolled on', 'date', 'date of enrolment', 'enrolment date', 'created at', 'timestamp', 'दिनांक', 'तिथि', 'सदस्यता तिथि', 'नामांकन तिथि'],
  mode: ['mode', 'source', 'channel', 'माध्यम', 'प्रकार'],
};

/** Case, spaces, underscores, hyphens, brackets, dots and the Devanagari nukta do not matter in a header. */
export function normaliseHeader(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u093c/g, '')
    .replace(/[\s_\-().:#/]/g, '');
}

const ALIAS_INDEX = new Map<string, MemberField>();
for (const field of MEMBER_FIELDS) for (const a of MEMBER_HEADER_ALIASES[field]) ALIAS_INDEX.set(normaliseHeader(a), field);

/**
 * Map each header of a file to a member field (or null: ignored). A mapping remembered for this source
 * (keyed by normalised header) wins over the aliases; a field is never mapped twice (first column wins).
 */
export function mapMemberColumns(headers: readonly string[], remembered?: Readonly<Record<string, MemberField | null>>): (MemberField | null)[] {
  const used = new Set<MemberField>();
  return headers.map((h) => {
    const key = normaliseHeader(h);
    const field = remembered && key in remembered ? remembered[key] : (ALIAS_INDEX.get(key) ?? null);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1950 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Excel's day 0 is 30 Dec 1899 (it counts the non-existent 29 Feb 1900, which this epoch absorbs). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel serial date (e.g. 46032.5) as local wall time 'YYYY-MM-DDTHH:MM', or null outside 1950–2100. */
export function excelSerialToLocal(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 18_264 || serial > 73_415) return null;
  const ms = EXCEL_EPOCH_MS + Math.round(serial * 86_400_000 / 60_000) * 60_000;
  return new Date(ms).toISOString().slice(0, 16);
}

/**
 * A date and optional time as written in India → 'YYYY-MM-DDTHH:MM' (the wall time as written, IST;
 * '00:00' when no time was given), or null when it is not a real date. Accepts YYYY-MM-DD, DD-MM-YYYY,
 * DD/MM/YYYY, D.M.YY (two-digit years are 20YY), Excel serial numbers, and a trailing time
 * (HH:MM[:SS] with optional AM/PM). Day first always: 03/04/2026 is 3 April.
 */
export function parseIndianDateTime(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = String(raw).trim();
  if (s === '') return null;
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToLocal(Number(s));
  const m = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m) return null;
  let y: number;
  let mo: number;
  let d: number;
  if (m[1].length === 4) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    if (m[3].length > 2) return null;
  } else {
    if (m[1].length > 2 || (m[3].length !== 2 && m[3].length !== 4)) return null;
    d = Number(m[1]);
    mo = Number(m[2]);
    y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  }
  if (!validYmd(y, mo, d)) return null;
  let hh = m[4] === undefined ? 0 : Number(m[4]);
  const mm = m[5] === undefined ? 0 : Number(m[5]);
  const ampm = m[7]?.toLowerCase();
  if (ampm) {
    if (hh < 1 || hh > 12) return null;
    hh = (hh % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hh > 23 || mm > 59) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(hh)}:${pad(mm)}`;
}

/** The date part only ('YYYY-MM-DD'), same formats. */
export function parseIndianDate(raw: string | null | undefined): string | null {
  return parseIndianDateTime(raw)?.slice(0, 10) ?? null;
}

export type Gender = 'F' | 'M' | 'O';
const GENDERS: Record<string, Gender> = {
  f: 'F', female: 'F', w: 'F', woman: 'F', महिला: 'F', स्त्री: 'F', म: 'F',
  m: 'M', male: 'M', man: 'M', पुरुष: 'M', पु: 'M',
  o: 'O', other: 'O', t: 'O', transgender: 'O', अन्य: 'O',
};
export function normaliseGender(raw: string | null | undefined): Gender | null {
  if (raw == null) return null;
  return GENDERS[String(raw).trim().toLowerCase()] ?? null;
}

export type MemberMode = 'digital' | 'offline';
const MODES: Record<string, MemberMode> = {
  digital: 'digital', app: 'digital', online: 'digital', missedcall: 'digital', डिजिटल: 'digital', ऑनलाइन: 'digital',
  offline: 'offline', paper: 'offline', form: 'offline', manual: 'offline', ऑफलाइन: 'offline', ऑफ़लाइन: 'offline', कागज: 'offline', फॉर्म: 'offline',
};
export function normaliseMode(raw: string | null | undefined): MemberMode | null {
  if (raw == null) return null;
  return MODES[normaliseHeader(String(raw))] ?? null;
}
