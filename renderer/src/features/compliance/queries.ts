import { useQueries, useQuery } from '@tanstack/react-query';
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

export function useCompliances(scopes: CallInput<'compliance.get'>['scope'][]) {
  const call = useCall();
  return useQueries({ queries: scopes.map((scope) => ({ queryKey: complianceKeys.scope(scope), queryFn: () => call('compliance.get', { scope }) })) });
}
