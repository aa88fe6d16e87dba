import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useCall } from '../../app/ApiContext';

export const teamKeys = {
  teams: (input: CallInput<'teams.list'>) => ['teams', input] as const,
  whatsapp: (input: CallInput<'whatsapp.list'>) => ['whatsapp', input] as const,
  coverage: ['teams', 'coverage'] as const,
  controlRooms: ['control-rooms'] as const,
};

/** Lok Sabhas, districts and blocks with a media team, a social-media team and both. */
export function useTeamCoverage() {
  const call = useCall();
  return useQuery({ queryKey: teamKeys.coverage, queryFn: () => call('teams.coverage', {}) });
}

export function useTeam(input: CallInput<'teams.list'>) {
  const call = useCall();
  return useQuery({ queryKey: teamKeys.teams(input), queryFn: () => call('teams.list', input) });
}

export function useAddTeamMember() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: CallInput<'teams.add'>) => call('teams.add', input), onSuccess: () => qc.invalidateQueries({ queryKey: ['teams'] }) });
}

export function useWhatsapp(input: CallInput<'whatsapp.list'>) {
  const call = useCall();
  return useQuery({ queryKey: teamKeys.whatsapp(input), queryFn: () => call('whatsapp.list', input) });
}

export function useAddWhatsapp() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: CallInput<'whatsapp.add'>) => call('whatsapp.add', input), onSuccess: () => qc.invalidateQueries({ queryKey: ['whatsapp'] }) });
}

export function useControlRooms() {
  const call = useCall();
  return useQuery({ queryKey: teamKeys.controlRooms, queryFn: () => call('controlRooms.list', {}) });
}

export function useSetControlRoom() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'controlRooms.set'>) => call('controlRooms.set', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.controlRooms }),
  });
}
