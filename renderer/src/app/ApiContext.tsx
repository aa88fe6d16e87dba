import { createContext, useContext, type ReactNode } from 'react';
import type { Api, CallName, CallOutput, CallResult } from '../../../shared/ipc/contract';
import { api as defaultApi, ApiError } from '../api/client';

/**
 * The backend the query hooks talk to. Production uses the client's `api` (Electron preload or
 * HTTP); tests inject a fake so components can be exercised without a host.
 */
const ApiContext = createContext<Api>(defaultApi);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  return useContext(ApiContext);
}

/** Call through a given Api and unwrap: resolves with the value or throws an ApiError. */
export async function callWith<K extends CallName>(
  api: Api,
  name: K,
  input: Parameters<Api[K]>[0],
): Promise<CallOutput<K>> {
  const fn = api[name] as (i: unknown) => Promise<CallResult<unknown>>;
  const result = await fn(input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.field);
  return result.value as CallOutput<K>;
}

/** A bound caller for hooks: `const call = useCall(); call('units.get', {...})`. */
export function useCall() {
  const api = useApi();
  return <K extends CallName>(name: K, input: Parameters<Api[K]>[0]) => callWith(api, name, input);
}
