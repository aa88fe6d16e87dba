import type { TFunction } from 'i18next';
import { CONFLICT_REASONS } from '../../../../shared/sync/merge';

const TABLES = ['org_units', 'committee_kinds', 'completeness_rules', 'committees', 'people', 'appointments'];

/** A synced table's name in the operator's language (unknown tables as they are). */
export function tableLabel(t: TFunction, table: string): string {
  return TABLES.includes(table) ? t(`sync.tables.${table}`) : table;
}

/** Why a value lost, in the operator's language (a reason this version does not know, as it is). */
export function conflictReasonLabel(t: TFunction, reason: string): string {
  return (CONFLICT_REASONS as readonly string[]).includes(reason) ? t(`conflicts.reasons.${reason}`) : reason;
}
