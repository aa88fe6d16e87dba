import type { TFunction } from 'i18next';

const TABLES = ['org_units', 'committee_kinds', 'completeness_rules', 'committees', 'people', 'appointments'];

/** A synced table's name in the operator's language (unknown tables as they are). */
export function tableLabel(t: TFunction, table: string): string {
  return TABLES.includes(table) ? t(`sync.tables.${table}`) : table;
}
