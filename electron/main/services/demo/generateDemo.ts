import type { SetupStage } from '../../../../shared/ipc/views';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { computeCommitteeCompleteness, defaultCompletenessRules } from '../../../../shared/domain/completeness';
import type { CommitteeCategory, CommitteeStatus, CompletenessRule, OrgLevel, Role } from '../../../../shared/domain/types';
import type { Db } from '../../db/connection';
import { getMeta, setMeta } from '../../db/repositories/meta';
import { countUnitsBySource, listUnitsOfLevel, type ReferenceUnitRow } from '../../db/repositories/reference';
import type { SqlValue } from '../../db/schema';
import type { LocalClock } from '../../sync/clock';
import { beginChange, insertRow, newId, upsertRow, type WriteContext } from '../../sync/writer';
import { generateVisitsDemo } from './generateVisitsDemo';
import { AppError } from '../AppError';
import { BUILTIN_KINDS } from '../reference/loadReference';
import { pointInArea, toArea, type Area } from './geometry';
import { generateMembershipDemo } from './membershipDemo';
import { seedDirectivesDemo } from './seedDirectives';
import { BOOTH_PLACES, FEMALE_FIRST, FEMALE_SURNAMES, MALE_FIRST, SURNAMES, type NamePair } from './names';

export interface GenerateDemoOptions {
  db: Db;
  clock: LocalClock;
  userId: string;
  seed: number;
  /** Wall time (ms) the demo is generated at; its history runs over the 120 days before. */
  now: number;
  onProgress?: (progress: number, stage: SetupStage) => void;
  shouldCancel?: () => boolean;
  /** Folder holding `jharkhand/assembly.geojson`; found next to the app when omitted. */
  resourcesDir?: string;
  /** Fraction of the ~29,500 booths to generate (tests use a small one); 1 = full Jharkhand scale. */
  scale?: number;
}

export const DEMO_TOTAL_BOOTHS = 29_500;
const HISTORY_DAYS = 120;
const DAY_MS = 86_400_000;
/** Rows written between two yields to the event loop: small enough to keep the host answering. */
const CHUNK = 1500;

/** mulberry32: tiny, fast, good enough for demo data, and the same sequence for the same seed everywhere. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Largest-remainder split of `total` in proportion to `weights`: sums exactly to total. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++;
  return out;
}

function findResourcesDir(explicit: string | undefined): string | null {
  if (explicit) return explicit;
  for (const start of [__dirname, process.cwd()]) {
    let dir = start;
    for (;;) {
      if (existsSync(path.join(dir, 'resources', 'jharkhand', 'assembly.geojson'))) return path.join(dir, 'resources');
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

interface PlannedCommittee {
  id: string;
  unitId: string;
  unitLevel: OrgLevel | 'pc';
  kindId: string;
  status: CommitteeStatus;
  declaredAt: number | null;
  /** When it was verified or dissolved. */
  changedAt: number | null;
  acNo: number | null;
  pcNo: number | null;
  districtCode: string | null;
  poolKey: string | null;
  parentPoolKey: string | null;
  slots: { role: Role; reuse: boolean }[];
  complete: boolean;
}

interface UnitInfo {
  id: string;
  code: string;
  acNo: number | null;
  pcNo: number | null;
  districtCode: string | null;
  blockCode: string | null;
}

/**
 * Generate a seeded, realistic demo dataset over the real Jharkhand geography (reference data must be loaded):
 * each block gets the AC its headquarters lies in, mandals group 5–8 panchayats, ~29,500 booths follow the 2019
 * electorate, and committees are in every state of progress — some Lok Sabha seats well ahead, some lagging —
 * with a 120-day history. Everything happens in ONE transaction: cancelling (or a failure) rolls it all back.
 * The same seed gives the same data (ids aside, which are UUIDv7 by design).
 */
export async function generateDemo(opts: GenerateDemoOptions): Promise<void> {
  const { db, clock, userId, seed, now } = opts;
  const scale = opts.scale ?? 1;
  const report = (p: number, stage: SetupStage): void => opts.onProgress?.(Math.min(1, Math.max(0, p)), stage);
  const rand = mulberry32(seed ^ 0x5a17a7);

  report(0, 'reference');
  if (getMeta(db, 'demo') !== null || countUnitsBySource(db, 'demo') > 0) {
    throw new AppError('conflict', 'This database already holds demo data. Start from an empty database to generate it again.');
  }
  const state = listUnitsOfLevel(db, 'state')[0];
  const acs = listUnitsOfLevel(db, 'ac');
  const pcs = listUnitsOfLevel(db, 'pc');
  const districts = listUnitsOfLevel(db, 'district');
  const blocks = listUnitsOfLevel(db, 'block');
  const panchayats = listUnitsOfLevel(db, 'panchayat');
  if (!state || acs.length === 0 || blocks.length === 0) {
    throw new AppError('conflict', 'Load the reference geography before generating demo data.');
  }
  const acByNo = new Map(acs.map((a) => [a.acNo as number, a]));
  const pcOfAc = (ac: number | null): number | null => (ac === null ? null : (acByNo.get(ac)?.pcNo ?? null));

  // Block → AC: the AC polygon holding the block headquarters; else the district's largest-electorate AC.
  const areas = new Map<number, Area>();
  const resourcesDir = findResourcesDir(opts.resourcesDir);
  if (resourcesDir) {
    const geo = JSON.parse(readFileSync(path.join(resourcesDir, 'jharkhand', 'assembly.geojson'), 'utf8')) as {
      features: { properties: { ac_no: number }; geometry: { type: string; coordinates: unknown } }[];
    };
    for (const f of geo.features) areas.set(Number(f.properties.ac_no), toArea(f.geometry));
  }
  const largestAcOfDistrict = new Map<string, number>();
  for (const a of [...acs].sort((x, y) => (y.electors ?? 0) - (x.electors ?? 0) || (x.acNo ?? 0) - (y.acNo ?? 0))) {
    if (a.districtCode && !largestAcOfDistrict.has(a.districtCode)) largestAcOfDistrict.set(a.districtCode, a.acNo as number);
  }
  const blockAc = new Map<string, number>();
  for (const b of blocks) {
    let ac: number | null = null;
    if (b.lat !== null && b.lon !== null) {
      for (const [no, area] of areas) {
        if (pointInArea(b.lon, b.lat, area)) {
          ac = no;
          break;
        }
      }
    }
    ac ??= largestAcOfDistrict.get(b.districtCode ?? '') ?? null;
    if (ac === null) throw new Error(`No assembly constituency found for block ${b.code}`);
    blockAc.set(b.code, ac);
  }

  // Progress differs strongly by Lok Sabha: a shuffled ladder from ~18% to ~85% verified, plus a little per-AC noise.
  const pcOrder = pcs.map((p) => p.pcNo as number).sort((a, b) => a - b);
  for (let i = pcOrder.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pcOrder[i], pcOrder[j]] = [pcOrder[j], pcOrder[i]];
  }
  const pcFactor = new Map<number, number>();
  pcOrder.forEach((pc, i) => pcFactor.set(pc, 0.18 + (0.67 * i) / Math.max(1, pcOrder.length - 1)));
  const acFactor = new Map<number, number>();
  for (const a of acs) acFactor.set(a.acNo as number, clamp((pcFactor.get(a.pcNo as number) ?? 0.5) + (rand() - 0.5) * 0.14, 0.08, 0.92));

  const rules = new Map<string, CompletenessRule>();
  for (const r of defaultCompletenessRules()) rules.set(`${r.level}:${r.category}`, r);
  const kindCategory = new Map<string, CommitteeCategory>(BUILTIN_KINDS.map((k) => [k.id, k.category]));

  const historyStart = now - HISTORY_DAYS * DAY_MS;
  const setupAt = new Date(historyStart - DAY_MS).toISOString();
  // A time of day in office hours, India (UTC+5:30): 04:00–13:00 UTC keeps the UTC date equal to the IST date.
  const dayTime = (day: number): number =>
    Math.floor(historyStart / DAY_MS) * DAY_MS + day * DAY_MS + (4 + rand() * 9) * 3_600_000;
  const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

  let written = 0;
  let cancelled = false;
  const checkpoint = async (progress: number, stage: SetupStage): Promise<void> => {
    report(progress, stage);
    await yieldToHost();
    if (opts.shouldCancel?.()) {
      cancelled = true;
      throw new AppError('cancelled', 'Demo generation was cancelled; nothing was written.');
    }
  };
  const maybeYield = async (progress: number, stage: SetupStage): Promise<void> => {
    if (++written % CHUNK === 0) await checkpoint(progress, stage);
  };

  db.exec('BEGIN');
  try {
    await checkpoint(0.03, 'units');
    const unitsCtx = beginChange(db, clock, userId, setupAt);

    // --- blocks get their AC ---
    const blockInfo = new Map<string, UnitInfo>();
    for (const b of blocks) {
      const ac = blockAc.get(b.code) as number;
      upsertRow(unitsCtx, 'org_units', b.id, { ac_no: ac, pc_no: pcOfAc(ac) }, 'unit.update');
      blockInfo.set(b.blockCode ?? '', { id: b.id, code: b.code, acNo: ac, pcNo: pcOfAc(ac), districtCode: b.districtCode, blockCode: b.blockCode });
    }

    // --- a few panchayats closed (some became urban after 2019: the real count is now lower) ---
    const closedPanchayats = new Set<string>();
    for (const p of panchayats) if (rand() < 0.01) closedPanchayats.add(p.code);

    // --- mandals: one per 5–8 panchayats of a block; panchayats move under them and take the block's AC ---
    const panchayatsByBlock = new Map<string, ReferenceUnitRow[]>();
    for (const p of panchayats) {
      const list = panchayatsByBlock.get(p.blockCode ?? '') ?? [];
      list.push(p);
      panchayatsByBlock.set(p.blockCode ?? '', list);
    }
    const mandals: (UnitInfo & { level: 'mandal' })[] = [];
    const panchayatInfo: (UnitInfo & { closed: boolean; nameEn: string; mandalId: string })[] = [];
    const mandalsByAc = new Map<number, UnitInfo[]>();
    let bi = 0;
    for (const b of blocks) {
      const info = blockInfo.get(b.blockCode ?? '') as UnitInfo;
      const ps = panchayatsByBlock.get(b.blockCode ?? '') ?? [];
      const count = Math.max(1, Math.round(ps.length / (5 + rand() * 3)));
      const ids: string[] = [];
      for (let m = 0; m < count; m++) {
        const id = newId();
        const n = String(m + 1).padStart(2, '0');
        insertRow(
          unitsCtx,
          'org_units',
          id,
          {
            level: 'mandal',
            code: `M-${b.blockCode}-${n}`,
            name_en: `${b.nameEn} Mandal ${m + 1}`,
            name_hi: b.nameHi ? `${b.nameHi} मंडल ${m + 1}` : null,
            parent_id: b.id,
            district_code: b.districtCode,
            block_code: b.blockCode,
            ac_no: info.acNo,
            pc_no: info.pcNo,
            closed: 0,
            source: 'demo',
          },
          'unit.create',
        );
        ids.push(id);
        const mInfo = { ...info, id, code: `M-${b.blockCode}-${n}`, level: 'mandal' as const };
        mandals.push(mInfo);
        const list = mandalsByAc.get(info.acNo as number) ?? [];
        list.push(mInfo);
        mandalsByAc.set(info.acNo as number, list);
      }
      ps.forEach((p, k) => {
        const mandalId = ids[Math.min(ids.length - 1, Math.floor((k * ids.length) / ps.length))];
        const closed = closedPanchayats.has(p.code);
        upsertRow(
          unitsCtx,
          'org_units',
          p.id,
          { parent_id: mandalId, ac_no: info.acNo, pc_no: info.pcNo, ...(closed ? { closed: 1 } : {}) },
          'unit.update',
        );
        panchayatInfo.push({ id: p.id, code: p.code, acNo: info.acNo, pcNo: info.pcNo, districtCode: p.districtCode, blockCode: p.blockCode, closed, nameEn: p.nameEn, mandalId });
      });
      if (++bi % 20 === 0) await checkpoint(0.03 + (0.1 * bi) / blocks.length, 'units');
    }

    // --- booths: ~29,500 over the ACs in proportion to their 2019 electors ---
    await checkpoint(0.14, 'booths');
    const totalBooths = Math.round(DEMO_TOTAL_BOOTHS * scale);
    const acList = [...acs].sort((a, b) => (a.acNo ?? 0) - (b.acNo ?? 0));
    const perAc = apportion(totalBooths, acList.map((a) => a.electors ?? 0));
    const openPanchayatsByAc = new Map<number, typeof panchayatInfo>();
    const openPanchayatsByDistrict = new Map<string, typeof panchayatInfo>();
    for (const p of panchayatInfo) {
      if (p.closed) continue;
      const a = openPanchayatsByAc.get(p.acNo as number) ?? [];
      a.push(p);
      openPanchayatsByAc.set(p.acNo as number, a);
      const d = openPanchayatsByDistrict.get(p.districtCode ?? '') ?? [];
      d.push(p);
      openPanchayatsByDistrict.set(p.districtCode ?? '', d);
    }
    const booths: (UnitInfo & { closed: boolean; parentId: string; parentCode: string; panchayatId: string | null })[] = [];
    let boothNo = 0;
    for (let i = 0; i < acList.length; i++) {
      const ac = acList[i];
      const acNo = ac.acNo as number;
      const n = perAc[i];
      if (n === 0) continue;
      // Same AC's panchayats; an urban AC with none uses its mandals; else the panchayats of the AC's district.
      const ps = openPanchayatsByAc.get(acNo) ?? [];
      const parents: { id: string; code: string; nameEn: string; districtCode: string | null; blockCode: string | null; panchayatId: string | null }[] =
        ps.length > 0
          ? ps.map((p) => ({ id: p.id, code: p.code, nameEn: p.nameEn, districtCode: p.districtCode, blockCode: p.blockCode, panchayatId: p.id }))
          : (mandalsByAc.get(acNo) ?? []).length > 0
            ? (mandalsByAc.get(acNo) ?? []).map((m) => ({ id: m.id, code: m.code, nameEn: m.code, districtCode: m.districtCode, blockCode: m.blockCode, panchayatId: null }))
            : (openPanchayatsByDistrict.get(ac.districtCode ?? '') ?? []).map((p) => ({
                id: p.id,
                code: p.code,
                nameEn: p.nameEn,
                districtCode: p.districtCode,
                blockCode: p.blockCode,
                panchayatId: p.id,
              }));
      if (parents.length === 0) throw new Error(`No panchayat or mandal to attach the booths of AC ${acNo} to`);
      const perBooth = (ac.electors ?? 0) / n;
      const pcNo = ac.pcNo;
      let placeCount = 0;
      let lastParent = '';
      for (let k = 0; k < n; k++) {
        const parent = parents[Math.min(parents.length - 1, Math.floor((k * parents.length) / n))];
        if (parent.id !== lastParent) {
          placeCount = 0;
          lastParent = parent.id;
        }
        const place = BOOTH_PLACES[placeCount++ % BOOTH_PLACES.length];
        const code = `BT-${acNo}-${String(k + 1).padStart(4, '0')}`;
        const closed = rand() < 0.004;
        const id = newId();
        const placeName = parent.panchayatId ? `${place[0]}, ${parent.nameEn}` : `${place[0]} ${k + 1}`;
        insertRow(
          unitsCtx,
          'org_units',
          id,
          {
            level: 'booth',
            code,
            name_en: `${k + 1} — ${placeName}`,
            name_hi: null,
            parent_id: parent.id,
            district_code: parent.districtCode,
            block_code: parent.blockCode,
            ac_no: acNo,
            pc_no: pcNo,
            closed: closed ? 1 : 0,
            electors: Math.round(perBooth * (0.8 + rand() * 0.4)),
            source: 'demo',
          },
          'unit.create',
        );
        booths.push({ id, code, acNo, pcNo, districtCode: parent.districtCode, blockCode: parent.blockCode, closed, parentId: parent.id, parentCode: parent.code, panchayatId: parent.panchayatId });
        boothNo++;
        await maybeYield(0.14 + (0.2 * boothNo) / Math.max(1, totalBooths), 'booths');
      }
    }

    // --- committees: plan statuses, dates and office-bearer slots ---
    await checkpoint(0.35, 'committees');
    const planned: PlannedCommittee[] = [];
    const levelBoost: Record<string, number> = { district: 0.12, pc: 0.05, block: 0.08, mandal: 0.04, panchayat: 0, booth: -0.04 };
    // Higher levels were formed first: their declarations fall earlier in the 120 days.
    const levelPace: Record<string, number> = { district: 0.45, pc: 0.6, block: 0.65, mandal: 0.8, panchayat: 0.9, booth: 1 };
    const districtAc = (code: string | null): number | null => largestAcOfDistrict.get(code ?? '') ?? null;

    const plan = (
      unit: UnitInfo,
      level: OrgLevel | 'pc',
      kindId: string,
      factorAc: number | null,
      poolKey: string | null,
      parentPoolKey: string | null,
    ): void => {
      const category = kindCategory.get(kindId) ?? 'main';
      const base = factorAc !== null ? (acFactor.get(factorAc) ?? 0.5) : 0.5;
      const v = clamp((category === 'main' ? base : base * 0.8) + levelBoost[level], 0.04, 0.95);
      const u = rand();
      let status: CommitteeStatus | null;
      if (u < 0.015) status = 'dissolved';
      else if (u < 0.015 + v) status = 'verified';
      else if (u < 0.015 + v + (1 - v) * 0.45) status = 'declared';
      else status = rand() < 0.35 ? 'not_formed' : null;
      if (status === null) return;

      const ruleLevel: OrgLevel = level === 'pc' ? 'district' : level;
      const rule = rules.get(`${ruleLevel}:${category}`);
      let roles: Role[] = [];
      let declaredAt: number | null = null;
      let changedAt: number | null = null;
      if (status !== 'not_formed') {
        // Ahead constituencies started earlier; sqrt skews towards recent days so the curve climbs.
        const startShare = 1 - base * 0.5;
        const d1 = Math.floor((HISTORY_DAYS - 12) * levelPace[level] * startShare * Math.sqrt(rand()));
        declaredAt = dayTime(d1);
        if (status !== 'declared') changedAt = dayTime(Math.min(HISTORY_DAYS - 1, d1 + 2 + Math.floor(rand() * 24)));
        const wantComplete = status === 'verified' ? rand() < 0.93 : status === 'declared' ? rand() < 0.55 : rand() < 0.5;
        roles = plannedRoles(rand, ruleLevel, category, rule, wantComplete);
      }
      const complete = computeCommitteeCompleteness(rule, roles).complete;
      planned.push({
        id: newId(),
        unitId: unit.id,
        unitLevel: level,
        kindId,
        status,
        declaredAt,
        changedAt,
        acNo: unit.acNo,
        pcNo: unit.pcNo,
        districtCode: unit.districtCode,
        poolKey,
        parentPoolKey,
        slots: roles.map((role, i) => ({ role, reuse: i === 0 ? false : rand() < 0.1 })),
        complete,
      });
    };

    const wingKinds = ['youth', 'students', 'women', 'service', 'labour', 'media', 'social_media'];
    const districtOnlyKinds = ['dept_training', 'dept_legal', 'cell_doctors', 'cell_teachers'];
    for (const d of districts) {
      const info: UnitInfo = { id: d.id, code: d.code, acNo: null, pcNo: null, districtCode: d.districtCode, blockCode: null };
      const fac = districtAc(d.districtCode);
      plan(info, 'district', 'main', fac, `D:${d.districtCode}`, null);
      for (const k of [...wingKinds, ...districtOnlyKinds]) plan(info, 'district', k, fac, null, `D:${d.districtCode}`);
    }
    for (const p of pcs) {
      const info: UnitInfo = { id: p.id, code: p.code, acNo: null, pcNo: p.pcNo, districtCode: null, blockCode: null };
      const fac = acs.find((a) => a.pcNo === p.pcNo)?.acNo ?? null;
      for (const k of ['media', 'social_media']) plan(info, 'pc', k, fac, null, null);
    }
    for (const b of blocks) {
      const info = blockInfo.get(b.blockCode ?? '') as UnitInfo;
      plan(info, 'block', 'main', info.acNo, `B:${b.blockCode}`, `D:${b.districtCode}`);
      for (const k of wingKinds) plan(info, 'block', k, info.acNo, null, `B:${b.blockCode}`);
    }
    for (const m of mandals) plan(m, 'mandal', 'main', m.acNo, `M:${m.id}`, `B:${m.blockCode}`);
    for (const p of panchayatInfo) if (!p.closed) plan(p, 'panchayat', 'main', p.acNo, `P:${p.id}`, `M:${p.mandalId}`);
    for (const b of booths) if (!b.closed) plan(b, 'booth', 'main', b.acNo, null, b.panchayatId ? `P:${b.panchayatId}` : `M:${b.parentId}`);

    // --- write committees as declared (or planned) on their declaration day ---
    const contexts = new Map<string, WriteContext>();
    for (let i = 0; i < planned.length; i++) {
      const c = planned[i];
      const at = c.declaredAt !== null ? new Date(c.declaredAt).toISOString() : setupAt;
      const ctx = beginChange(db, clock, userId, at);
      contexts.set(c.id, ctx);
      const declared = c.status !== 'not_formed';
      insertRow(
        ctx,
        'committees',
        c.id,
        {
          unit_id: c.unitId,
          kind_id: c.kindId,
          status: declared ? 'declared' : 'not_formed',
          declared_on: declared && c.declaredAt !== null ? isoDate(c.declaredAt) : null,
          verified_on: null,
          declared_by: declared ? userId : null,
          verified_by: null,
          complete: c.complete ? 1 : 0,
          member_count: c.slots.length,
          ac_no: c.acNo,
          district_code: c.districtCode,
        },
        'committee.create',
      );
      await maybeYield(0.35 + (0.2 * i) / planned.length, 'committees');
    }

    // --- people and appointments; a few people hold a post in two committees ---
    await checkpoint(0.56, 'people');
    const pools = new Map<string, string[]>();
    const phones = phoneSequence(seed);
    const epics = epicSequence(seed);
    let done = 0;
    for (const c of planned) {
      const ctx = contexts.get(c.id) as WriteContext;
      const used = new Set<string>();
      for (const slot of c.slots) {
        let personId: string | null = null;
        if (slot.reuse && c.parentPoolKey) {
          const pool = pools.get(c.parentPoolKey);
          const candidate = pool && pool.length > 0 ? pool[Math.floor(rand() * pool.length)] : null;
          if (candidate && !used.has(candidate)) personId = candidate;
        }
        if (!personId) {
          personId = newId();
          const female = rand() < (c.kindId === 'women' ? 0.97 : 0.3);
          const first = pick(rand, female ? FEMALE_FIRST : MALE_FIRST);
          const last: NamePair = female && rand() < 0.45 ? pick(rand, FEMALE_SURNAMES) : pick(rand, SURNAMES);
          const values: Record<string, SqlValue> = {
            name_en: `${first[0]} ${last[0]}`,
            name_hi: `${first[1]} ${last[1]}`,
            phone: phones(),
            voter_id: rand() < 0.4 ? epics(c.acNo ?? c.pcNo ?? 0) : null,
            ac_no: c.acNo,
            district_code: c.districtCode,
          };
          insertRow(ctx, 'people', personId, values, 'person.create');
          if (c.poolKey) {
            const pool = pools.get(c.poolKey) ?? [];
            pool.push(personId);
            pools.set(c.poolKey, pool);
          }
        }
        used.add(personId);
        insertRow(
          ctx,
          'appointments',
          newId(),
          { committee_id: c.id, person_id: personId, role: slot.role, ac_no: c.acNo, district_code: c.districtCode },
          'appointment.add',
        );
        await maybeYield(0.56 + (0.34 * done) / planned.length, 'people');
      }
      done++;
    }

    // --- verification and dissolution, each on its own day ---
    for (let i = 0; i < planned.length; i++) {
      const c = planned[i];
      if (c.changedAt === null) continue;
      const ctx = beginChange(db, clock, userId, new Date(c.changedAt).toISOString());
      const changes: Record<string, SqlValue> =
        c.status === 'verified'
          ? { status: 'verified', verified_on: isoDate(c.changedAt), verified_by: userId }
          : { status: 'dissolved' };
      upsertRow(ctx, 'committees', c.id, changes, 'committee.status');
      await maybeYield(0.9 + (0.09 * i) / planned.length, 'people');
    }

    // Membership drive: enrollers, workshops, members with planted integrity problems.
    await checkpoint(0.99, 'people');
    generateMembershipDemo({ db, clock, userId, now, rand, scale });
    // --- leader visits: leaders, venues near block headquarters, requests, polling phases ---
    const pcName = new Map(pcs.map((p) => [p.pcNo as number, p.nameEn]));
    generateVisitsDemo(beginChange(db, clock, userId, new Date(now).toISOString()), {
      rand,
      today: new Date(now + 330 * 60_000).toISOString().slice(0, 10),
      blockHqs: blocks
        .filter((b) => b.lat !== null && b.lon !== null)
        .map((b) => {
          const ac = blockAc.get(b.code) as number;
          return { nameEn: b.nameEn, nameHi: b.nameHi, lat: b.lat as number, lon: b.lon as number, acNo: ac, pcNo: pcOfAc(ac) ?? 0, districtCode: b.districtCode };
        }),
      pcs: [...pcName].map(([pcNo, nameEn]) => ({ pcNo, nameEn })).sort((a, b) => a.pcNo - b.pcNo),
      venues: 200,
      requests: 60,
      leaders: 'demo',
      campaignDays: 45,
      sampleVisits: true,
    });
    // Rosters and the standing directives: their own random stream, so the committees above stay as they were.
    seedDirectivesDemo(
      beginChange(db, clock, userId, new Date(now).toISOString()),
      mulberry32(seed ^ 0xd1ec7),
      now,
      new Map([...blockInfo.values()].map((b) => [b.id, { acNo: b.acNo, districtCode: b.districtCode }])),
    );

    setMeta(db, 'demo', JSON.stringify({ seed, generatedAt: new Date(now).toISOString() }));
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (cancelled) report(0, 'cancelled');
    throw err;
  }
  report(1, 'done');
}

/** Office-bearer roles for one committee; when `complete` is false, either a required post or members are short. */
function plannedRoles(
  rand: () => number,
  level: OrgLevel,
  category: CommitteeCategory,
  rule: CompletenessRule | undefined,
  complete: boolean,
): Role[] {
  const required = rule?.requiredRoles ?? ['president'];
  const min = rule?.minMembers ?? 3;
  const extras: Role[] =
    category === 'main' && (level === 'district' || level === 'block' || level === 'mandal' || level === 'state')
      ? ['vice_president', 'secretary', 'spokesperson', 'vice_president', 'secretary']
      : category === 'main' && level === 'panchayat'
        ? ['vice_president', 'treasurer']
        : category === 'main' && level === 'booth'
          ? []
          : ['vice_president', 'secretary'];
  const roles: Role[] = [...required];
  for (const e of extras) if (roles.length < min + 2 && rand() < 0.7) roles.push(e);
  // Most committees submit just the required strength; higher levels add a few names more.
  const size = min + (level === 'booth' || level === 'panchayat' ? (rand() < 0.3 ? 1 : 0) : Math.floor(rand() * 4));
  while (roles.length < size) roles.push('member');
  if (complete) return roles;
  if (rand() < 0.5 && required.length > 0) {
    // A post left vacant: the required role is missing, the person is a plain member.
    const missing = required[Math.floor(rand() * required.length)];
    const i = roles.indexOf(missing);
    if (i >= 0) roles.splice(i, 1);
    return roles;
  }
  // Too few names submitted so far.
  const short = Math.max(1, min - 1 - Math.floor(rand() * Math.min(3, min)));
  return roles.slice(0, Math.min(short, roles.length));
}

/**
 * Unique, valid-looking mobile numbers: an affine permutation of 0..10^9-1 (the multiplier is coprime
 * with 10^9) gives 9 distinct digits per call; the first digit cycles 6–9.
 */
function phoneSequence(seed: number): () => string {
  let k = 0;
  const offset = ((seed >>> 0) * 7919 + 12345) % 1_000_000_000;
  return () => {
    const n = (((k * 387_420_489) % 1_000_000_000) + offset) % 1_000_000_000;
    const first = 6 + (k % 4);
    k++;
    return `${first}${String(n).padStart(9, '0')}`;
  };
}

/** Voter ids in the EPIC shape (three letters, seven digits), letters varying by AC, never repeating. */
function epicSequence(seed: number): (ac: number) => string {
  let k = 0;
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const offset = ((seed >>> 0) * 104729) % 10_000_000;
  return (ac) => {
    const n = ((k++ * 3_486_784_401) % 10_000_000 + offset) % 10_000_000;
    const prefix = 'J' + letters[ac % letters.length] + letters[Math.floor(k / 10_000_000 + ac / letters.length) % letters.length];
    return `${prefix}${String(n).padStart(7, '0')}`;
  };
}
