import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useCall } from '../../app/ApiContext';

export const complianceKeys = {
  all: ['compliance'] as const,
  scope: (scope: CallInput<'compliance.get'>['scope']) => ['compliance', scope] as const,
};

export function useCompliance(scope: CallInput<'compliance.get'>['scope']) {
  const call = useCall();
  // Overdue follows the clock: refresh when the window regains focus and every few minutes.
  return useQuery({ queryKey: complianceKeys.scope(scope), queryFn: () => call('compliance.get', { scope }), refetchInterval: 5 * 60_000 });
}

/** The header's reminder: tasks due within a week and overdue. Under the compliance key, so every write that changes compliance refreshes it. */
export function useComplianceReminders(scope: CallInput<'compliance.reminders'>['scope']) {
  const call = useCall();
  return useQuery({ queryKey: [...complianceKeys.all, 'reminders', scope] as const, queryFn: () => call('compliance.reminders', { scope }), refetchInterval: 5 * 60_000 });
}

export function useCompliances(scopes: CallInput<'compliance.get'>['scope'][]) {
  const call = useCall();
  return useQueries({ queries: scopes.map((scope) => ({ queryKey: complianceKeys.scope(scope), queryFn: () => call('compliance.get', { scope }) })) });
}

export const progressReportKeys = {
  all: ['progress-reports'] as const,
  ofUnit: (unitId: string) => ['progress-reports', unitId] as const,
};

export function useProgressReports(unitId: string | undefined) {
  const call = useCall();
  return useQuery({ queryKey: progressReportKeys.ofUnit(unitId ?? ''), queryFn: () => call('progressReports.list', { unitId }), enabled: Boolean(unitId) });
}

export function useSaveProgressReport() {
  const call = useCall();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'progressReports.save'>) => call('progressReports.save', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: progressReportKeys.all }),
  });
}
