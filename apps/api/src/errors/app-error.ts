import type { ErrorCode } from '@poolkeeper/contract';

/** The domain error services throw (never HTTP exceptions); the global filter maps `code` to a status. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
