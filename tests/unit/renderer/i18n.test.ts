import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/en.json';
import hi from '../../../renderer/src/i18n/hi.json';
import {
  COMMITTEE_CATEGORIES,
  COMMITTEE_STATUSES,
  MEASURE_LEVELS,
  ROLES,
  UNIT_LEVELS,
  USER_ROLES,
} from '../../../shared/domain/types';
import { ERROR_CODES } from '../../../shared/ipc/contract';
import { IMPORT_ERROR_REASONS, SETUP_STAGES } from '../../../shared/ipc/views';
import { SYNC_ERROR_CODES } from '../../../shared/ipc/syncViews';
import { CONFLICT_REASONS } from '../../../shared/sync/merge';
import { CONFLICT_KINDS } from '../../../shared/domain/visits/conflicts';
import { UNMET_REASONS } from '../../../shared/domain/visits/suggest';
import { LEADER_TIERS, TERRAINS, TRAVEL_MODES, VISIT_STATUSES } from '../../../shared/domain/visits/types';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const EN = flatten(en as Tree);
const HI = flatten(hi as Tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const SRC = join(__dirname, '../../../renderer/src');

describe('i18n catalogues', () => {
  it('en and hi have exactly the same keys', () => {
    const onlyEn = [...EN.keys()].filter((k) => !HI.has(k));
    const onlyHi = [...HI.keys()].filter((k) => !EN.has(k));
    expect({ onlyEn, onlyHi }).toEqual({ onlyEn: [], onlyHi: [] });
  });

  it('every literal t() key and label key used in renderer/src exists in both catalogues', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)) used.add(m[1]);
      // Keys kept in tables (navigation, column headers) and passed to t() later.
      for (const m of text.matchAll(/\blabel:\s*'([a-zA-Z]+\.[a-zA-Z_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !EN.has(k) || !HI.has(k));
    expect(missing).toEqual([]);
  });

  it('keys built from domain vocabularies exist (roles, levels, statuses, categories, error codes)', () => {
    const needed = [
      ...USER_ROLES.map((r) => `userRoles.${r}`),
      ...ROLES.map((r) => `roles.${r}`),
      ...UNIT_LEVELS.map((l) => `levels.${l}`),
      ...MEASURE_LEVELS.map((l) => `levelsPlural.${l}`),
      ...COMMITTEE_STATUSES.map((s) => `status.${s}`),
      ...COMMITTEE_STATUSES.map((s) => `statusAction.${s}`),
      ...COMMITTEE_CATEGORIES.map((c) => `categories.${c}`),
      ...ERROR_CODES.map((c) => `errors.${c}`),
      ...['districts', 'pcs', 'acs'].map((l) => `map.layers.${l}`),
      ...['units', 'committees'].flatMap((k) => [`import.kinds.${k}`, `import.columns.${k}`, `export.kinds.${k}`]),
      'about.modes.electron',
      'about.modes.web',
      ...SETUP_STAGES.map((s) => `setup.stages.${s}`),
      ...IMPORT_ERROR_REASONS.map((r) => `importErrors.${r}`),
      ...SYNC_ERROR_CODES.map((c) => `sync.failure.${c}`),
      ...CONFLICT_REASONS.map((r) => `conflicts.reasons.${r}`),
      ...CONFLICT_KINDS.flatMap((k) => [`visits.conflict.${k}`, `visits.conflictKind.${k}`]),
      'visits.conflict.outside_availability_date',
      'visits.conflict.permission_refused',
      ...UNMET_REASONS.map((r) => `visits.unmet.${r}`),
      ...VISIT_STATUSES.flatMap((s) => [`visits.status.${s}`, `visits.statusAction.${s}`]),
      ...LEADER_TIERS.map((x) => `visits.tier.${x}`),
      ...TERRAINS.map((x) => `visits.terrain.${x}`),
      ...TRAVEL_MODES.map((x) => `visits.mode.${x}`),
      ...['gap', 'proposed', 'confirmed', 'held'].map((x) => `visits.coverage.states.${x}`),
      ...['not_applied', 'applied', 'granted', 'refused'].map((x) => `visits.permission.${x}`),
    ];
    expect(needed.filter((k) => !EN.has(k) || !HI.has(k))).toEqual([]);
  });

  it('no Hindi value is a copy of the English one, apart from an allow-list', () => {
    const allowed = new Set<string>(['report.subtitle']);
    const same = [...EN].filter(([k, v]) => !allowed.has(k) && HI.get(k) === v).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('Hindi values are written in Devanagari (not transliterated Latin)', () => {
    const latinOnly = [...HI].filter(([, v]) => {
      const letters = v.replace(/\{\{[^}]+\}\}/g, '').replace(/[^A-Za-z\u0900-\u097F]/g, '');
      return letters.length > 0 && !/[\u0900-\u097F]/.test(letters);
    });
    expect(latinOnly.map(([k]) => k)).toEqual([]);
  });

  it('interpolation placeholders match between languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = [...EN].filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(HI.get(k) ?? ''))).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });
});

describe('membership catalogue', () => {
  it('has a label, rule name, explanation and stage for every domain value', async () => {
    const { MEMBER_FIELDS } = await import('../../../shared/domain/membershipFormats');
    const { FINDING_RULES, FINDING_STATUSES } = await import('../../../shared/domain/membershipIntegrity');
    const { MEMBER_IMPORT_STAGES } = await import('../../../shared/ipc/views');
    const { MEMBERSHIP_TABS } = await import('../../../renderer/src/features/membership/tabs');
    const needed = [
      ...MEMBER_FIELDS.map((f) => `membership.fields.${f}`),
      ...FINDING_RULES.flatMap((r) => [`membership.rules.${r}`, `membership.explain.${r}`]),
      ...FINDING_STATUSES.map((s) => `membership.findingStatus.${s}`),
      ...MEMBER_IMPORT_STAGES.map((s) => `membership.import.stages.${s}`),
      ...MEMBERSHIP_TABS.map((s) => `membership.tabs.${s}`),
      ...['chief', 'booth'].map((l) => `membership.enrollers.levels.${l}`),
      ...['F', 'M', 'O'].map((g) => `membership.gender.${g}`),
      ...['saved', 'duplicate', 'flagged'].map((s) => `membership.entry.${s}`),
      ...['target', 'members', 'flagged'].map((s) => `membership.panel.measures.${s}`),
    ];
    expect(needed.filter((k) => !EN.has(k) || !HI.has(k))).toEqual([]);
  });
});
