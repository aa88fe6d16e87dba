// Domain vocabulary shared by main, the Node host and the renderer.
// Pure data: no Node, Electron or React imports here (enforced by lint).

export const USER_ROLES = ['operator', 'incharge', 'scheduler', 'state_admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Every kind of unit in either hierarchy. `pc` = Lok Sabha, `ac` = assembly constituency. */
export const UNIT_LEVELS = ['state', 'district', 'pc', 'ac', 'block', 'mandal', 'panchayat', 'booth'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Levels of the party (organisational) hierarchy that carry committees, top to bottom. */
export const ORG_LEVELS = ['state', 'district', 'block', 'mandal', 'panchayat', 'booth'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** Levels a dashboard can measure completeness at ("choose the level"). */
export const MEASURE_LEVELS = ['block', 'mandal', 'panchayat', 'booth'] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];

export const COMMITTEE_CATEGORIES = ['main', 'frontal', 'department', 'cell', 'media', 'social_media'] as const;
export type CommitteeCategory = (typeof COMMITTEE_CATEGORIES)[number];

export const COMMITTEE_STATUSES = ['not_formed', 'declared', 'verified', 'dissolved'] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];

export const ROLES = [
  'president',
  'vice_president',
  'general_secretary',
  'secretary',
  'treasurer',
  'spokesperson',
  'convenor',
  'member',
  'bla',
] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  name: string;
  role: UserRole;
  createdAt: string;
}

export interface OrgUnit {
  id: string;
  level: UnitLevel;
  /** Globally unique, level-prefixed code, e.g. D-355, PC-1, AC-12, B-3064, M-3064-01, P-3064-001, BT-12-0045. */
  code: string;
  nameEn: string;
  nameHi: string | null;
  parentId: string | null;
  districtCode: string | null;
  acNo: number | null;
  pcNo: number | null;
  closed: boolean;
  lat: number | null;
  lon: number | null;
  electors: number | null;
}

export interface CommitteeKind {
  id: string;
  category: CommitteeCategory;
  nameEn: string;
  nameHi: string;
  builtin: boolean;
}

export interface Person {
  id: string;
  nameEn: string | null;
  nameHi: string | null;
  /** Always masked when it crosses to the renderer, e.g. "98•••••210". */
  phoneMasked: string | null;
  voterIdMasked: string | null;
}

export interface Appointment {
  id: string;
  committeeId: string;
  personId: string;
  role: Role;
  person: Person;
}

export interface Committee {
  id: string;
  unitId: string;
  kindId: string;
  status: CommitteeStatus;
  declaredOn: string | null;
  verifiedOn: string | null;
  declaredBy: string | null;
  verifiedBy: string | null;
  complete: boolean;
}

export interface CompletenessRule {
  level: OrgLevel;
  category: CommitteeCategory;
  requiredRoles: Role[];
  minMembers: number;
}

export interface CompletenessResult {
  complete: boolean;
  missingRoles: Role[];
  /** How many more members are needed to reach the minimum (0 when enough). */
  membersShort: number;
}

/** done / expected with closed units excluded from both; pct is null when nothing is expected ("no data"). */
export interface Figure {
  expected: number;
  declared: number;
  verified: number;
  done: number;
  pct: number | null;
}
