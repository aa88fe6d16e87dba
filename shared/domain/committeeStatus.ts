import type { CommitteeStatus } from './types';

/** The committee state machine: not formed → declared → verified, or dissolved; a dissolved committee can be declared again. */
const TRANSITIONS: Record<CommitteeStatus, readonly CommitteeStatus[]> = {
  not_formed: ['declared'],
  declared: ['verified', 'dissolved'],
  verified: ['dissolved'],
  dissolved: ['declared'],
};

export function canTransition(from: CommitteeStatus, to: CommitteeStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: CommitteeStatus): readonly CommitteeStatus[] {
  return TRANSITIONS[from];
}
