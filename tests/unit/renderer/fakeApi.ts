import { vi } from 'vitest';
import { CALL_NAME_LIST } from '../../../shared/ipc/callNames';
import type { Api, CallName, CallOutput } from '../../../shared/ipc/contract';

type Impl = { [K in CallName]?: (input: Parameters<Api[K]>[0]) => CallOutput<K> | Promise<CallOutput<K>> };

/** A fake backend: each call is a vi.fn answering {ok:true,value} from `impl`, or a clear failure when not provided. */
export function fakeApi(impl: Impl) {
  const calls = Object.fromEntries(
    CALL_NAME_LIST.map((name) => [
      name,
      vi.fn(async (input: unknown) => {
        const f = impl[name] as ((i: unknown) => unknown) | undefined;
        if (!f) return { ok: false, error: { code: 'internal', message: `fake api: ${name} not provided` } };
        try {
          return { ok: true, value: await f(input) };
        } catch (e) {
          const err = e as { code?: string; message: string };
          return { ok: false, error: { code: err.code ?? 'internal', message: err.message } };
        }
      }),
    ]),
  );
  return calls as unknown as Api & { [K in CallName]: ReturnType<typeof vi.fn> };
}
