/**
 * Integrity rules of the membership drive: what makes a claimed member not (yet) verified. Each rule
 * looks at every member record at once and produces findings — a stable key (so a review survives a
 * recompute), the members it is against, and the numbers behind it for a clear explanation. A record is
 * verified when no finding against it is open or confirmed (dismissed findings no longer count).
 *
 * Pure and allocation-aware: the import runs these over a million records within its time budget.
 */

export const FINDING_RULES = [
  'duplicate_phone',
  'duplicate_epic',
  'shared_phone',
  'phone_run',
  'velocity_hour',
  'velocity_day',
  'night_bulk',
  'booth_over_share',
  'enroller_untrained',
  'enroller_wrong_booth',
  'booth_out_of_scope',
] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

export const FINDING_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** A finding in these states keeps its members out of the verified count. */
export function findingBlocksVerification(status: FindingStatus): boolean {
  return status !== 'dismissed';
}

export interface IntegrityThresholds {
  /** Members one enroller can plausibly sign up in one clock hour (app or paper). */
  maxPerHour: number;
  /** … in one day. */
  maxPerDay: number;
  /** Night: from this hour (IST, 0–23) … */
  nightFromHour: number;
  /** … to before this hour. */
  nightToHour: number;
  /** More than this many night-time sign-ups by one enroller in one night is "bulk at implausible hours". */
  maxAtNight: number;
  /** This many (or more) consecutive phone numbers form a suspicious run. */
  phoneRunLength: number;
  /** This many (or more) members on one phone is "many on one phone" (2 up to this is a duplicate). */
  manyOnOnePhone: number;
  /** A booth's members above this share of its electorate are flagged. */
  maxShareOfElectorate: number;
}

/**
 * Defaults: a trained enroller with the app manages about one sign-up every two minutes at a camp, so 30
 * an hour and 200 a day are already busy; sign-ups between 23:00 and 05:00 are rare, more than 10 in one
 * night by one enroller is bulk entry; 5 consecutive numbers are not chance; a family shares a phone, 4
 * or more members on one number is not a family; half of a booth's electors as members is implausible.
 */
export const DEFAULT_THRESHOLDS: IntegrityThresholds = {
  maxPerHour: 30,
  maxPerDay: 200,
  nightFromHour: 23,
  nightToHour: 5,
  maxAtNight: 10,
  phoneRunLength: 5,
  manyOnOnePhone: 4,
  maxShareOfElectorate: 0.5,
};

export interface MemberFacts {
  id: string;
  phone: string | null;
  epic: string | null;
  boothId: string;
  enrollerId: string | null;
  /** Wall time in IST, 'YYYY-MM-DDTHH:MM'. */
  enrolledAt: string | null;
  /** The Lok Sabha the import was made for (its booths must lie in it); null = no scope given. */
  scopePcNo: number | null;
}

export interface BoothFacts {
  id: string;
  code: string;
  electors: number | null;
  acNo: number | null;
  pcNo: number | null;
  districtCode: string | null;
}

export interface EnrollerFacts {
  id: string;
  loginId: string;
  level: 'chief' | 'booth';
  /** Booth-level enrollers: their booth. */
  boothId: string | null;
  /** Chief enrollers: their district and/or assembly constituency. */
  districtCode: string | null;
  acNo: number | null;
  trained: boolean;
}

export interface Finding {
  rule: FindingRule;
  /** Stable across recomputes: the rule and what it is about (a phone, an enroller and hour, a booth …). */
  key: string;
  memberIds: string[];
  /** Numbers and names for the explanation. `phone` / `epic` are full here: services mask them before they leave main. */
  params: Record<string, string | number>;
}

function group<K>(members: readonly MemberFacts[], keyOf: (m: MemberFacts) => K | null): Map<K, MemberFacts[]> {
  const out = new Map<K, MemberFacts[]>();
  for (const m of members) {
    const k = keyOf(m);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(m);
    else out.set(k, [m]);
  }
  return out;
}

const ids = (list: readonly MemberFacts[]): string[] => list.map((m) => m.id);

/** Same phone on 2..(manyOnOnePhone-1) records → duplicate; on manyOnOnePhone or more → many on one phone. */
export function findPhoneProblems(members: readonly MemberFacts[], t: IntegrityThresholds): Finding[] {
  const out: Finding[] = [];
  for (const [phone, list] of group(members, (m) => m.phone)) {
    if (list.length < 2) continue;
    const booths = new Set(list.map((m) => m.boothId)).size;
    const rule: FindingRule = list.length >= t.manyOnOnePhone ? 'shared_phone' : 'duplicate_phone';
    out.push({ rule, key: `${rule}:${phone}`, memberIds: ids(list), params: { count: list.length, booths, phone } });
  }
  return out;
}

export function findDuplicateEpics(members: readonly MemberFacts[]): Finding[] {
  const out: Finding[] = [];
  for (const [epic, list] of group(members, (m) => m.epic)) {
    if (list.length < 2) continue;
    const booths = new Set(list.map((m) => m.boothId)).size;
    out.push({ rule: 'duplicate_epic', key: `duplicate_epic:${epic}`, memberIds: ids(list), params: { count: list.length, booths, epic } });
  }
  return out;
}

/** Runs of at least `minLength` consecutive numbers in a sorted list of distinct numbers: [start index, length]. */
export function consecutiveRuns(sorted: Float64Array, minLength: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
    if (i - start >= minLength) out.push([start, i - start]);
    start = i;
  }
  return out;
}

/** The finding for one run of consecutive phone numbers: keyed by its first number. */
export function phoneRunFinding(first: number, length: number, memberIds: string[]): Finding {
  const phone = String(first);
  return { rule: 'phone_run', key: `phone_run:${phone}`, memberIds, params: { length, count: memberIds.length, phone } };
}

/** Runs of at least phoneRunLength consecutive numbers (9876500001, …02, …03 …) across all records. */
export function findPhoneRuns(members: readonly MemberFacts[], t: IntegrityThresholds): Finding[] {
  const byNumber = group(members, (m) => (m.phone ? Number(m.phone) : null));
  const numbers = Float64Array.from(byNumber.keys()).sort();
  return consecutiveRuns(numbers, t.phoneRunLength).map(([start, length]) => {
    const memberIds: string[] = [];
    for (let j = start; j < start + length; j++) memberIds.push(...ids(byNumber.get(numbers[j])!));
    return phoneRunFinding(numbers[start], length, memberIds);
  });
}

/**
 * The keys a change to some records can affect: findings about these phones, voter ids, enrollers and
 * booths are recomputed; every other finding stands as it is. (Phone runs are always recomputed, over
 * the sorted list of all numbers.)
 */
export interface FindingScope {
  phones: ReadonlySet<string>;
  epics: ReadonlySet<string>;
  enrollerIds: ReadonlySet<string>;
  boothIds: ReadonlySet<string>;
}

export function scopeOf(members: Iterable<Pick<MemberFacts, 'phone' | 'epic' | 'enrollerId' | 'boothId'>>): FindingScope {
  const phones = new Set<string>();
  const epics = new Set<string>();
  const enrollerIds = new Set<string>();
  const boothIds = new Set<string>();
  for (const m of members) {
    if (m.phone) phones.add(m.phone);
    if (m.epic) epics.add(m.epic);
    if (m.enrollerId) enrollerIds.add(m.enrollerId);
    boothIds.add(m.boothId);
  }
  return { phones, epics, enrollerIds, boothIds };
}

/** Whether a finding key lies within the scope (so it is recomputed from the records of that scope). */
export function keyInScope(key: string, s: FindingScope): boolean {
  const colon = key.indexOf(':');
  const rule = key.slice(0, colon) as FindingRule;
  const rest = key.slice(colon + 1);
  switch (rule) {
    case 'duplicate_phone':
    case 'shared_phone':
      return s.phones.has(rest);
    case 'duplicate_epic':
      return s.epics.has(rest);
    case 'phone_run':
      return true;
    case 'velocity_hour':
    case 'velocity_day':
    case 'night_bulk':
      return s.enrollerIds.has(rest.slice(0, rest.indexOf('|')));
    case 'enroller_untrained':
    case 'enroller_wrong_booth':
      return s.enrollerIds.has(rest);
    case 'booth_over_share':
    case 'booth_out_of_scope':
      return s.boothIds.has(rest);
  }
}

/**
 * Every rule but phone runs over the records of a scope — all records sharing a phone, voter id,
 * enroller or booth of the scope — keeping only the findings whose key lies in the scope (others were
 * computed from a partial view and are not touched).
 */
export function findProblemsInScope(
  members: readonly MemberFacts[],
  enrollers: ReadonlyMap<string, EnrollerFacts>,
  booths: ReadonlyMap<string, BoothFacts>,
  t: IntegrityThresholds,
  scope: FindingScope | 'all',
): Finding[] {
  const found = [
    ...findPhoneProblems(members, t),
    ...findDuplicateEpics(members),
    ...findVelocityProblems(members, enrollers, t),
    ...findBoothsOverShare(members, booths, t),
    ...findEnrollerProblems(members, enrollers, booths),
    ...findOutOfScope(members, booths),
  ];
  return scope === 'all' ? found : found.filter((f) => keyInScope(f.key, scope));
}

function hourOf(at: string): number {
  return Number(at.slice(11, 13));
}

/** Per enroller: more than maxPerHour in one clock hour, more than maxPerDay in one day, more than maxAtNight in one night. */
export function findVelocityProblems(members: readonly MemberFacts[], enrollers: ReadonlyMap<string, EnrollerFacts>, t: IntegrityThresholds): Finding[] {
  const out: Finding[] = [];
  const login = (id: string): string => enrollers.get(id)?.loginId ?? id;
  const byHour = group(members, (m) => (m.enrollerId && m.enrolledAt ? `${m.enrollerId}|${m.enrolledAt.slice(0, 13)}` : null));
  for (const [k, list] of byHour) {
    if (list.length <= t.maxPerHour) continue;
    const [enrollerId, hour] = k.split('|');
    out.push({ rule: 'velocity_hour', key: `velocity_hour:${k}`, memberIds: ids(list), params: { count: list.length, limit: t.maxPerHour, enroller: login(enrollerId), at: `${hour}:00` } });
  }
  const byDay = group(members, (m) => (m.enrollerId && m.enrolledAt ? `${m.enrollerId}|${m.enrolledAt.slice(0, 10)}` : null));
  for (const [k, list] of byDay) {
    if (list.length <= t.maxPerDay) continue;
    const [enrollerId, day] = k.split('|');
    out.push({ rule: 'velocity_day', key: `velocity_day:${k}`, memberIds: ids(list), params: { count: list.length, limit: t.maxPerDay, enroller: login(enrollerId), at: day } });
  }
  const night = (at: string): string | null => {
    const h = hourOf(at);
    const inNight = t.nightFromHour > t.nightToHour ? h >= t.nightFromHour || h < t.nightToHour : h >= t.nightFromHour && h < t.nightToHour;
    if (!inNight) return null;
    // A night is named by the evening it starts on: 01:30 on the 5th belongs to the night of the 4th.
    if (h < t.nightToHour && t.nightFromHour > t.nightToHour) {
      const d = new Date(`${at.slice(0, 10)}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - 1);
      return d.toISOString().slice(0, 10);
    }
    return at.slice(0, 10);
  };
  const byNight = group(members, (m) => {
    if (!m.enrollerId || !m.enrolledAt) return null;
    const n = night(m.enrolledAt);
    return n ? `${m.enrollerId}|${n}` : null;
  });
  for (const [k, list] of byNight) {
    if (list.length <= t.maxAtNight) continue;
    const [enrollerId, day] = k.split('|');
    out.push({ rule: 'night_bulk', key: `night_bulk:${k}`, memberIds: ids(list), params: { count: list.length, limit: t.maxAtNight, enroller: login(enrollerId), at: day } });
  }
  return out;
}

/** Members of a booth beyond the allowed share of its electorate: the latest sign-ups past the limit. */
export function findBoothsOverShare(members: readonly MemberFacts[], booths: ReadonlyMap<string, BoothFacts>, t: IntegrityThresholds): Finding[] {
  const out: Finding[] = [];
  for (const [boothId, list] of group(members, (m) => m.boothId)) {
    const booth = booths.get(boothId);
    if (!booth?.electors) continue;
    const limit = Math.floor(booth.electors * t.maxShareOfElectorate);
    if (list.length <= limit) continue;
    const sorted = [...list].sort((a, b) => (a.enrolledAt ?? '').localeCompare(b.enrolledAt ?? '') || a.id.localeCompare(b.id));
    out.push({
      rule: 'booth_over_share',
      key: `booth_over_share:${boothId}`,
      memberIds: ids(sorted.slice(limit)),
      params: { count: list.length, electors: booth.electors, share: Math.round(t.maxShareOfElectorate * 100), limit, booth: booth.code },
    });
  }
  return out;
}

/** Records from an enroller never trained, or not an enroller of that booth (chief: outside their district / AC). */
export function findEnrollerProblems(members: readonly MemberFacts[], enrollers: ReadonlyMap<string, EnrollerFacts>, booths: ReadonlyMap<string, BoothFacts>): Finding[] {
  const out: Finding[] = [];
  for (const [enrollerId, list] of group(members, (m) => m.enrollerId)) {
    const e = enrollers.get(enrollerId);
    if (!e) continue;
    if (!e.trained) out.push({ rule: 'enroller_untrained', key: `enroller_untrained:${enrollerId}`, memberIds: ids(list), params: { count: list.length, enroller: e.loginId } });
    const wrong = list.filter((m) => {
      if (e.level === 'booth') return e.boothId !== m.boothId;
      const b = booths.get(m.boothId);
      if (!b) return true;
      return (e.acNo !== null && b.acNo !== e.acNo) || (e.districtCode !== null && b.districtCode !== e.districtCode);
    });
    if (wrong.length > 0) {
      out.push({ rule: 'enroller_wrong_booth', key: `enroller_wrong_booth:${enrollerId}`, memberIds: ids(wrong), params: { count: wrong.length, enroller: e.loginId } });
    }
  }
  return out;
}

/** Records whose booth lies outside the Lok Sabha the import was made for. */
export function findOutOfScope(members: readonly MemberFacts[], booths: ReadonlyMap<string, BoothFacts>): Finding[] {
  const byBooth = group(members, (m) => (m.scopePcNo !== null && booths.get(m.boothId)?.pcNo !== m.scopePcNo ? m.boothId : null));
  const out: Finding[] = [];
  for (const [boothId, list] of byBooth) {
    const b = booths.get(boothId);
    out.push({ rule: 'booth_out_of_scope', key: `booth_out_of_scope:${boothId}`, memberIds: ids(list), params: { count: list.length, booth: b?.code ?? boothId, pcNo: list[0].scopePcNo ?? 0 } });
  }
  return out;
}

export function findIntegrityProblems(
  members: readonly MemberFacts[],
  enrollers: ReadonlyMap<string, EnrollerFacts>,
  booths: ReadonlyMap<string, BoothFacts>,
  t: IntegrityThresholds = DEFAULT_THRESHOLDS,
): Finding[] {
  return [
    ...findPhoneProblems(members, t),
    ...findDuplicateEpics(members),
    ...findPhoneRuns(members, t),
    ...findVelocityProblems(members, enrollers, t),
    ...findBoothsOverShare(members, booths, t),
    ...findEnrollerProblems(members, enrollers, booths),
    ...findOutOfScope(members, booths),
  ];
}

/** An English explanation (logs-free; the renderer uses its own catalogue with the same params). Phones/EPIC masked. */
export function explainFinding(f: Pick<Finding, 'rule' | 'params'>, mask: (kind: 'phone' | 'epic', v: string) => string): string {
  const p = f.params;
  switch (f.rule) {
    case 'duplicate_phone':
      return `Phone ${mask('phone', String(p.phone))} is on ${p.count} records in ${p.booths} booth(s).`;
    case 'shared_phone':
      return `${p.count} members were enrolled on one phone, ${mask('phone', String(p.phone))}.`;
    case 'duplicate_epic':
      return `Voter id ${mask('epic', String(p.epic))} is on ${p.count} records in ${p.booths} booth(s).`;
    case 'phone_run':
      return `${p.length} consecutive phone numbers from ${mask('phone', String(p.phone))} (${p.count} records).`;
    case 'velocity_hour':
      return `Enroller ${p.enroller} signed up ${p.count} members in the hour from ${p.at} (limit ${p.limit}).`;
    case 'velocity_day':
      return `Enroller ${p.enroller} signed up ${p.count} members on ${p.at} (limit ${p.limit}).`;
    case 'night_bulk':
      return `Enroller ${p.enroller} signed up ${p.count} members during the night of ${p.at} (limit ${p.limit}).`;
    case 'booth_over_share':
      return `Booth ${p.booth} has ${p.count} members, more than ${p.share}% of its ${p.electors} electors.`;
    case 'enroller_untrained':
      return `Enroller ${p.enroller} has not attended a training workshop (${p.count} records).`;
    case 'enroller_wrong_booth':
      return `Enroller ${p.enroller} is not an enroller of the booth of ${p.count} record(s).`;
    case 'booth_out_of_scope':
      return `Booth ${p.booth} is outside Lok Sabha ${p.pcNo} (${p.count} records).`;
  }
}
