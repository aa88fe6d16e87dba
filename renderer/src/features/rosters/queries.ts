import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterKind } from '../../../../shared/ipc/views';
import { useCall } from '../../app/ApiContext';

/** The query keys each roster's lists live under, refreshed after an import. */
const ROSTER_QUERY_KEYS: Record<RosterKind, readonly string[]> = {
  speakers: ['speakers'],
  teams: ['teams'],
  whatsapp: ['whatsapp'],
  controlRooms: ['control-rooms'],
  offices: ['offices', 'directives', 'compliance'],
};

export function useRosterImportPreview(roster: RosterKind) {
  const call = useCall();
  return useMutation({ mutationFn: (input: { fileName: string; text: string }) => call('rosters.importPreview', { roster, ...input }) });
}

export function useRosterImportCommit(roster: RosterKind) {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { fileName: string; text: string }) => call('rosters.importCommit', { roster, ...input }),
    onSuccess: () => Promise.all(ROSTER_QUERY_KEYS[roster].map((k) => qc.invalidateQueries({ queryKey: [k] }))),
  });
}
