const SECRET_KEYS = new Set([
  'password',
  'temporarypassword',
  'proposedpassword',
  'previouspassword',
  'secret',
  'clientsecret',
  'token',
]);

/** A copy of what was asked with secret fields (password, temporaryPassword, …) removed at every depth. */
export function summarizeRequest(request: Record<string, unknown>): Record<string, unknown> {
  return strip(request) as Record<string, unknown>;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEYS.has(key.toLowerCase())) continue;
    out[key] = strip(v);
  }
  return out;
}
