import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useCall } from '../../app/ApiContext';

export const speakerKeys = {
  all: ['speakers'] as const,
  list: (filter: CallInput<'speakers.list'>) => ['speakers', filter] as const,
};

export function useSpeakers(filter: CallInput<'speakers.list'>) {
  const call = useCall();
  return useQuery({ queryKey: speakerKeys.list(filter), queryFn: () => call('speakers.list', filter) });
}

export function useSaveSpeaker() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'speakers.save'>) => call('speakers.save', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: speakerKeys.all }),
  });
}

/** Remove a speaker (a tombstone, undoable from the change banner). */
export function useRemoveSpeaker() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'speakers.remove'>) => call('speakers.remove', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: speakerKeys.all }),
  });
}
