import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useCall } from '../../app/ApiContext';
import { dashboardKeys } from '../dashboard/queries';
import { unitKeys } from '../units/queries';

export const ruleKeys = { all: ['rules'] as const };

export function useRules() {
  const call = useCall();
  return useQuery({ queryKey: ruleKeys.all, queryFn: () => call('rules.list', {}) });
}

export function useUpdateRule() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'rules.update'>) => call('rules.update', input),
    // A rule change moves every committee's completeness and so every figure.
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ruleKeys.all }),
        qc.invalidateQueries({ queryKey: dashboardKeys.all }),
        qc.invalidateQueries({ queryKey: unitKeys.all }),
      ]),
  });
}
