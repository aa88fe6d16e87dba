import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useCall } from '../../app/ApiContext';

export const visitKeys = { plan: ['visits', 'plan'] as const };

export function usePlan() {
  const call = useCall();
  return useQuery({ queryKey: visitKeys.plan, queryFn: () => call('visits.plan', {}) });
}

/** Every planning write changes what the workspace draws (conflicts, coverage): refetch the plan. */
type PlanWrite =
  | 'visits.saveLeader'
  | 'visits.saveVenue'
  | 'visits.saveRequest'
  | 'visits.create'
  | 'visits.update'
  | 'visits.setPollDate'
  | 'visits.setSettings'
  | 'visits.suggest'
  | 'visits.acceptSuggestion'
  | 'visits.decideSuggestion'
  | 'visits.deleteLeader'
  | 'visits.deleteVenue';

function usePlanMutation<K extends PlanWrite>(name: K) {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<K>) => call(name, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: visitKeys.plan }),
  });
}

export const useSaveLeader = () => usePlanMutation('visits.saveLeader');
export const useSaveVenue = () => usePlanMutation('visits.saveVenue');
export const useSaveRequest = () => usePlanMutation('visits.saveRequest');
export const useCreateVisit = () => usePlanMutation('visits.create');
export const useUpdateVisit = () => usePlanMutation('visits.update');
export const useSetPollDate = () => usePlanMutation('visits.setPollDate');
export const useSetSettings = () => usePlanMutation('visits.setSettings');

export const useDeleteLeader = () => usePlanMutation('visits.deleteLeader');
export const useDeleteVenue = () => usePlanMutation('visits.deleteVenue');
/** The suggested tour is stored by the host (until each suggestion is decided) and comes back with the plan. */
export const useSuggest = () => usePlanMutation('visits.suggest');
export const useAcceptSuggestion = () => usePlanMutation('visits.acceptSuggestion');
export const useDecideSuggestion = () => usePlanMutation('visits.decideSuggestion');
