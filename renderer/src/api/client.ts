import type { Api, CallName, CallResult } from '../../../shared/ipc/contract';
import { CALL_NAME_LIST } from '../../../shared/ipc/callNames';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in web mode. */
    api?: Api;
  }
}

/** Web mode: the same contract over HTTP from the Node host (`POST /api/<call>`). */
function httpApi(): Api {
  const entries = CALL_NAME_LIST.map((name) => [
    name,
    async (input: unknown): Promise<CallResult<unknown>> => {
      try {
        const res = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as CallResult<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'The app service is not answering. Check that it is still running, then try again.' },
        };
      }
    },
  ]);
  return Object.fromEntries(entries) as unknown as Api;
}

export const api: Api = typeof window !== 'undefined' && window.api ? window.api : httpApi();

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Call and unwrap: resolves with the value or throws an ApiError carrying the main side's message. */
export async function call<K extends CallName>(
  name: K,
  input: Parameters<Api[K]>[0],
): Promise<Awaited<ReturnType<Api[K]>> extends CallResult<infer T> ? T : never> {
  const fn = api[name] as (i: unknown) => Promise<CallResult<unknown>>;
  const result = await fn(input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.field);
  return result.value as never;
}
