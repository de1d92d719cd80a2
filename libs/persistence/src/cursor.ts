/** Opaque list cursor: base64url of the last returned row's `sequence`. */
export function encodeCursor(sequence: bigint): string {
  return Buffer.from(sequence.toString(), 'utf8').toString('base64url');
}

export class InvalidCursorError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(cursor: string) {
    super(`Invalid audit cursor: ${JSON.stringify(cursor.slice(0, 64))}`);
    this.name = 'InvalidCursorError';
  }
}

export function decodeCursor(cursor: string): bigint {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError(cursor);
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9][0-9]{0,18}$/.test(text)) throw new InvalidCursorError(cursor);
  const value = BigInt(text);
  if (value > 9223372036854775807n || encodeCursor(value) !== cursor) throw new InvalidCursorError(cursor);
  return value;
}
