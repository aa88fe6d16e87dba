import { useQueries, useQuery } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useApi, callWith } from '../../app/ApiContext';

export type DashboardInput = CallInput<'dashboard.get'>;

export const dashboardKeys = {
  all: ['dashboard'] as const,
  one: (input: DashboardInput) => ['dashboard', input] as const,
};

export function useDashboard(input: DashboardInput | null) {
  const api = useApi();
  return useQuery({
    queryKey: dashboardKeys.one(input as DashboardInput),
    queryFn: () => callWith(api, 'dashboard.get', input as DashboardInput),
    enabled: input != null,
    // Keep the previous figures on screen while a new filter loads, so the map re-styles instead of flashing.
    placeholderData: (prev) => prev,
  });
}

export function useDashboards(inputs: DashboardInput[]) {
  const api = useApi();
  return useQueries({
    queries: inputs.map((input) => ({
      queryKey: dashboardKeys.one(input),
      queryFn: () => callWith(api, 'dashboard.get', input),
    })),
  });
}
