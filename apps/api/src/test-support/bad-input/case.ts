import type { errorCodes } from '@poolkeeper/contract';
import type { Role } from '../local-api';

/** One malformed request and the clear error it must get. */
export interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  path: string;
  body?: unknown;
  /** Send `body` as is (a string), not JSON-encoded. */
  raw?: boolean;
  contentType?: string;
  role?: Role | null;
  status: number;
  code: (typeof errorCodes)[number];
  /** A `details[].field` the answer must name. */
  field?: string;
}

export const tooLong = 'u'.repeat(129);
export const big = { reason: 'x'.repeat(120 * 1024) };
