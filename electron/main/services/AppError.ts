import type { ErrorCode } from '../../../shared/ipc/contract';

/** An error a person can act on. Services throw it; the dispatcher turns it into `{ok:false,error}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
