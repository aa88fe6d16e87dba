import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useCall } from '../../app/ApiContext';
import { complianceKeys } from '../compliance/queries';
import { meetingKeys } from '../directives/queries';

export const officeKeys = {
  all: ['offices'] as const,
  list: (scope: CallInput<'offices.list'>) => ['offices', scope] as const,
};

export function useOffices(scope: CallInput<'offices.list'>) {
  const call = useCall();
  return useQuery({ queryKey: officeKeys.list(scope), queryFn: () => call('offices.list', scope) });
}

export function useSetOffice() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'offices.set'>) => call('offices.set', input),
    // An office can complete a "party office in this block" directive: every view of directive status is stale.
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: officeKeys.all }),
        qc.invalidateQueries({ queryKey: complianceKeys.all }),
        qc.invalidateQueries({ queryKey: meetingKeys.all }),
        qc.invalidateQueries({ queryKey: ['directive'] }),
      ]),
  });
}

export function useExportRoster() {
  const call = useCall();
  return useMutation({ mutationFn: (roster: CallInput<'rosters.export'>['roster']) => call('rosters.export', { roster }) });
}
