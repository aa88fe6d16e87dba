import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { defaultCompletenessRules } from '../../../../shared/domain/completeness';
import type { CommitteeCategory } from '../../../../shared/domain/types';
import { parseHlc } from '../../../../shared/sync/hlc';
import type { Db } from '../../db/connection';
import { committeeKindIds, completenessRuleIds, unitIdsByCode } from '../../db/repositories/reference';
import type { SqlValue } from '../../db/schema';
import type { LocalClock } from '../../sync/clock';
import { beginChange, insertRow, type WriteContext } from '../../sync/writer';

/** Reference rows are written by the state office's data, not by a local person. */
export const SYSTEM_USER_ID = 'system';

export const STATE_CODE = 'S-JH';

/**
 * The built-in committee kinds. Frontal organisations are "मोर्चा" (wings), departments "विभाग",
 * cells "प्रकोष्ठ" — the terms party offices use in their circulars. The state can add more kinds.
 */
export const BUILTIN_KINDS: { id: string; category: CommitteeCategory; nameEn: string; nameHi: string }[] = [
  { id: 'main', category: 'main', nameEn: 'Main committee', nameHi: 'मुख्य समिति' },
  { id: 'youth', category: 'frontal', nameEn: 'Youth wing', nameHi: 'युवा मोर्चा' },
  { id: 'students', category: 'frontal', nameEn: "Students' wing", nameHi: 'छात्र मोर्चा' },
  { id: 'women', category: 'frontal', nameEn: "Women's wing", nameHi: 'महिला मोर्चा' },
  { id: 'service', category: 'frontal', nameEn: 'Service wing', nameHi: 'सेवा मोर्चा' },
  { id: 'labour', category: 'frontal', nameEn: 'Labour wing', nameHi: 'मजदूर मोर्चा' },
  { id: 'dept_training', category: 'department', nameEn: 'Training department', nameHi: 'प्रशिक्षण विभाग' },
  { id: 'dept_legal', category: 'department', nameEn: 'Legal department', nameHi: 'विधि विभाग' },
  { id: 'cell_doctors', category: 'cell', nameEn: "Doctors' cell", nameHi: 'चिकित्सा प्रकोष्ठ' },
  { id: 'cell_teachers', category: 'cell', nameEn: "Teachers' cell", nameHi: 'शिक्षक प्रकोष्ठ' },
  { id: 'media', category: 'media', nameEn: 'Media committee', nameHi: 'मीडिया समिति' },
  { id: 'social_media', category: 'social_media', nameEn: 'Social-media committee', nameHi: 'सोशल मीडिया समिति' },
];

type CsvRow = Record<string, string>;

export function referenceUnitId(code: string): string {
  return `ref-${code}`;
}

function readCsv(file: string): CsvRow[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`Reference file ${path.basename(file)} is damaged (row ${e.row ?? '?'}: ${e.message}). Reinstall the app.`);
  }
  return parsed.data;
}

const blank = (s: string | undefined): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

const toInt = (s: string | undefined): number | null => {
  const t = blank(s);
  if (t === null) return null;
  const n = Number(t);
  return Number.isInteger(n) ? n : null;
};

const toFloat = (s: string | undefined): number | null => {
  const t = blank(s);
  if (t === null) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

/** LGD block names are upper case ("SHALIGRAM RAM NARAYANPUR ALIAS HUNTERGANJ"); the app shows Title Case. */
export function titleCase(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/(^|[\s\-(./])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The time a reference write is stamped with: the clock's own wall time, so tests with a fake clock stay deterministic. */
function clockIso(clock: LocalClock): string {
  return new Date(parseHlc(clock.tick()).millis).toISOString();
}

/**
 * Load the bundled Jharkhand reference geography into org units, plus the built-in committee kinds and
 * the default completeness rules. Idempotent: anything already stored (by code / id) is skipped — never
 * overwritten, because the demo generator, imports and the state admin change these rows later (AC of a
 * panchayat, Hindi names) — so a second call writes nothing. One transaction; rows written as 'system'.
 */
export function loadReference(db: Db, clock: LocalClock, resourcesDir: string): void {
  const dir = path.join(resourcesDir, 'jharkhand', 'csv');
  const districts = readCsv(path.join(dir, 'districts.csv'));
  const pcs = readCsv(path.join(dir, 'lok_sabha.csv'));
  const acs = readCsv(path.join(dir, 'assembly.csv'));
  const electors = readCsv(path.join(dir, 'electors_by_ac.csv'));
  const blocks = readCsv(path.join(dir, 'blocks_lgd.csv'));
  const subdistricts = readCsv(path.join(dir, 'subdistricts_census2011.csv'));
  const namesHi = readCsv(path.join(dir, 'names_hi.csv'));
  const panchayats = readCsv(path.join(dir, 'panchayats.csv'));

  // District Hindi names are keyed by LGD district code in names_hi.csv.
  const districtHi = new Map<string, string>();
  // Block Hindi names: LGD has no local-name column for blocks. The sub-district (anchal / circle) names are
  // the only Devanagari source, linked to 86 blocks by an exact name match of the Census HQ — in Jharkhand a
  // circle and its block share the name, so we use the circle name for the linked block and leave the rest null.
  const blockHi = new Map<string, string>();
  for (const r of namesHi) {
    const hi = blank(r.hindi_name);
    if (!hi) continue;
    if (r.level === 'district') districtHi.set(r.code, hi);
    else if (r.level === 'subdistrict' && blank(r.linked_lgd_block_code)) {
      const code = r.linked_lgd_block_code.trim();
      if (!blockHi.has(code)) blockHi.set(code, hi);
    }
  }

  const electors2019 = new Map<number, number>();
  for (const r of electors) {
    const ac = toInt(r.ac_no);
    const n = toInt(r.electors);
    if (r.year === '2019' && ac !== null && n !== null) electors2019.set(ac, n);
  }

  // Block headquarters: Census-2011 sub-district points carry an LGD block code where the names matched (215 of 260).
  const hq = new Map<string, { lat: number; lon: number }>();
  for (const r of subdistricts) {
    const code = blank(r.lgd_block_code);
    const lat = toFloat(r.lat);
    const lon = toFloat(r.lon);
    if (code && lat !== null && lon !== null && !hq.has(code)) hq.set(code, { lat, lon });
  }

  db.transaction(() => {
    const existingUnits = unitIdsByCode(db);
    const existingKinds = committeeKindIds(db);
    const existingRules = completenessRuleIds(db);

    let ctx: WriteContext | null = null;
    const context = (): WriteContext => {
      ctx ??= beginChange(db, clock, SYSTEM_USER_ID, clockIso(clock));
      return ctx;
    };

    BUILTIN_KINDS.forEach((k, i) => {
      if (existingKinds.has(k.id)) return;
      insertRow(
        context(),
        'committee_kinds',
        k.id,
        { category: k.category, name_en: k.nameEn, name_hi: k.nameHi, builtin: 1, sort: (i + 1) * 10 },
        'reference.kind',
      );
    });

    for (const rule of defaultCompletenessRules()) {
      const id = `${rule.level}:${rule.category}`;
      if (existingRules.has(id)) continue;
      insertRow(
        context(),
        'completeness_rules',
        id,
        { level: rule.level, category: rule.category, required_roles: JSON.stringify(rule.requiredRoles), min_members: rule.minMembers },
        'reference.rule',
      );
    }

    const ids = new Map(existingUnits);
    const unit = (code: string, values: Record<string, SqlValue>): void => {
      if (ids.has(code)) return;
      // The same id on every computer: reference units come from the same files everywhere, and sync
      // must see one state-wide unit, not one copy per control room.
      const id = referenceUnitId(code);
      insertRow(context(), 'org_units', id, { code, closed: 0, source: 'reference', ...values }, 'reference.unit');
      ids.set(code, id);
    };
    const idOf = (code: string): string => {
      const id = ids.get(code);
      if (!id) throw new Error(`Reference data is inconsistent: ${code} is missing. Reinstall the app.`);
      return id;
    };

    unit(STATE_CODE, { level: 'state', name_en: 'Jharkhand', name_hi: 'झारखंड', parent_id: null });
    const stateId = idOf(STATE_CODE);

    for (const d of districts) {
      unit(`D-${d.census2011_code}`, {
        level: 'district',
        name_en: d.district_name,
        name_hi: districtHi.get(d.lgd_code) ?? null,
        parent_id: stateId,
        district_code: d.census2011_code,
      });
    }

    for (const p of pcs) {
      unit(`PC-${p.pc_no}`, {
        level: 'pc',
        name_en: p.pc_name,
        name_hi: blank(p.pc_name_hi),
        parent_id: stateId,
        pc_no: toInt(p.pc_no),
      });
    }

    for (const a of acs) {
      const acNo = toInt(a.ac_no);
      if (acNo === null) continue;
      unit(`AC-${acNo}`, {
        level: 'ac',
        name_en: a.ac_name,
        name_hi: blank(a.name_hi),
        parent_id: idOf(`PC-${a.pc_no}`),
        district_code: a.district_census2011_code,
        ac_no: acNo,
        pc_no: toInt(a.pc_no),
        electors: electors2019.get(acNo) ?? null,
      });
    }

    for (const b of blocks) {
      const point = hq.get(b.lgd_block_code);
      unit(`B-${b.lgd_block_code}`, {
        level: 'block',
        name_en: titleCase(b.block_name_lgd),
        name_hi: blockHi.get(b.lgd_block_code) ?? null,
        parent_id: idOf(`D-${b.district_census2011_code}`),
        district_code: b.district_census2011_code,
        block_code: b.lgd_block_code,
        lat: point?.lat ?? null,
        lon: point?.lon ?? null,
      });
    }

    const blockDistrict = new Map(blocks.map((b) => [b.lgd_block_code, b.district_census2011_code]));
    for (const p of panchayats) {
      const sl = toInt(p.source_sl_no_in_block);
      const districtCode = blockDistrict.get(p.lgd_block_code);
      if (sl === null || !districtCode) throw new Error(`Reference panchayat list is inconsistent at ${p.panchayat_name}. Reinstall the app.`);
      unit(`P-${p.lgd_block_code}-${String(sl).padStart(3, '0')}`, {
        level: 'panchayat',
        name_en: p.panchayat_name.trim(),
        name_hi: null,
        parent_id: idOf(`B-${p.lgd_block_code}`),
        district_code: districtCode,
        block_code: p.lgd_block_code,
        // Panchayats have no AC in the data: the import and the demo generator assign one.
        ac_no: null,
        pc_no: null,
      });
    }
  })();
}

/**
 * The attribution shown in About: the line SOURCES.md suggests, and the shipped sources with their licences
 * (the numbered source list; the "validation only, not shipped" entry is left out), plus the three data
 * files added later, whose licences are stated in prose in SOURCES.md.
 */
export function readAttribution(resourcesDir: string): { line: string; sources: { name: string; licence: string }[] } {
  const md = readFileSync(path.join(resourcesDir, 'jharkhand', 'SOURCES.md'), 'utf8');
  const lineMatch = /Suggested attribution line for the app:\s*"([^"]+)"/.exec(md);
  const line = lineMatch ? lineMatch[1].trim() : 'Boundaries and codes: see SOURCES.md. Not official boundaries.';

  const sources: { name: string; licence: string }[] = [];
  const section = /^## Sources[^\n]*\n([\s\S]*?)(?=^## )/m.exec(md)?.[1] ?? '';
  for (const raw of section.split('\n')) {
    const m = /^\d+\.\s+\*\*(.+?)\.?\*\*(.*)$/.exec(raw.trim());
    if (!m || /not shipped/i.test(m[1])) continue;
    const licence = /\*\*([^*]+)\*\*/.exec(m[2])?.[1] ?? 'ECI publications (see SOURCES.md)';
    sources.push({ name: m[1].trim(), licence: licence.trim() });
  }
  sources.push(
    { name: 'MGNREGA MIS gram panchayat list (via cbgaindia/obi-constituency-data-mapping)', licence: 'Government of India MIS data' },
    { name: 'Local Government Directory Hindi names (via planemad/india-local-government-directory)', licence: 'GODL' },
    { name: 'Electors per AC 2019 (ElectionLens/ElectionLens, from TCPD Lok Dhaba)', licence: 'MIT' },
  );
  return { line, sources };
}
