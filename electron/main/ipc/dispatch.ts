import { contract, isCallName, type CallResult, type Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../services/AppError';

/**
 * The single entry for every call, whatever the transport (Electron IPC, the Node host's HTTP, tests):
 * look the call up in the contract, validate the payload with its schema, run the handler, and return
 * the result or the error as a value. Personal data never reaches a log from here: inputs are not logged.
 */
export async function dispatch(handlers: Handlers, name: string, payload: unknown): Promise<CallResult<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'not_found', message: `There is no call named "${name}".` } };
  }
  const parsed = contract[name].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: field ? `${field}: ${issue.message}` : (issue?.message ?? 'The request was not valid.'),
        field,
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppError) {
      return { ok: false, error: { code: err.code, message: err.message, field: err.field } };
    }
    // Unexpected failures: log the call name and the error only, never the payload (it may hold phone numbers).
    console.error(`[dispatch] ${name} failed:`, err instanceof Error ? err.stack : err);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside the app. Try again; if it repeats, restart the app.' } };
  }
}
