import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Api } from '../../../shared/ipc/contract';
import { api as defaultApi } from '../api/client';
import { ApiProvider } from './ApiContext';

export function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // Every change waits in the outbox: the header's "changes waiting" follows each one at once.
    mutationCache: new MutationCache({ onSettled: () => client.invalidateQueries({ queryKey: ['sync-status'] }) }),
    defaultOptions: {
      // A local database answers fast and does not change behind our back: no window-focus refetch storms.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
      mutations: { retry: false },
    },
  });
  return client;
}

export function Providers({ i18n, api = defaultApi, queryClient, children }: { i18n: I18n; api?: Api; queryClient?: QueryClient; children: ReactNode }) {
  const [client] = useState(() => queryClient ?? makeQueryClient());
  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={client}>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
