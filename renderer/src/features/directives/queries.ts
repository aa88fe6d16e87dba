import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import type { UnitLevel } from '../../../../shared/domain/types';
import { useCall } from '../../app/ApiContext';
import { complianceKeys } from '../compliance/queries';

export const meetingKeys = {
  all: ['meetings'] as const,
  directive: (id: string, scope: unknown) => ['directive', id, scope] as const,
};

export function useMeetings() {
  const call = useCall();
  return useQuery({ queryKey: meetingKeys.all, queryFn: () => call('meetings.list', {}) });
}

export function useDirective(input: CallInput<'directives.get'> | null) {
  const call = useCall();
  return useQuery({
    queryKey: meetingKeys.directive(input?.id ?? '', input?.scope ?? null),
    queryFn: () => call('directives.get', input as CallInput<'directives.get'>),
    enabled: Boolean(input),
  });
}

/** Units of one level for a picker (state, Lok Sabha, district: at most a few dozen). */
export function useUnitsOfLevel(level: UnitLevel) {
  const call = useCall();
  return useQuery({ queryKey: ['units-of-level', level], queryFn: () => call('units.search', { q: '', level, limit: 200 }), staleTime: 60_000 });
}

/** Units of one level whose name or code matches, for the directive's unit picker (blocks run to a few hundred). */
export function useUnitSearch(level: UnitLevel, q: string) {
  const call = useCall();
  return useQuery({ queryKey: ['unit-search', level, q], queryFn: () => call('units.search', { q, level, limit: 50 }), placeholderData: (prev) => prev, staleTime: 60_000 });
}

function useInvalidateAll() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: meetingKeys.all }),
      qc.invalidateQueries({ queryKey: ['directive'] }),
      qc.invalidateQueries({ queryKey: complianceKeys.all }),
    ]);
}

export function useCreateMeeting() {
  const call = useCall();
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (input: CallInput<'meetings.create'>) => call('meetings.create', input), onSuccess: invalidate });
}

export function useMarkDirective() {
  const call = useCall();
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (input: CallInput<'directives.mark'>) => call('directives.mark', input), onSuccess: invalidate });
}

export function useEvidence(directiveId: string) {
  const call = useCall();
  return useQuery({ queryKey: ['evidence', directiveId], queryFn: () => call('evidence.list', { directiveId }) });
}

export function useAttachEvidence() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'evidence.attach'>) => call('evidence.attach', input),
    onSuccess: (_r, input) => qc.invalidateQueries({ queryKey: ['evidence', input.directiveId] }),
  });
}

export function useOpenEvidence() {
  const call = useCall();
  return useMutation({ mutationFn: (id: string) => call('evidence.get', { id }) });
}
