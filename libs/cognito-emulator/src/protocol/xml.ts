/** A small XML writer for awsQuery responses (IAM, STS). */

export const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Serializes a result the way awsQuery services shape it: object keys become elements in order, arrays
 * become `<member>` elements, Dates ISO 8601, `undefined` is left out. Keys must be XML names (they are the
 * operation's own output shape, never user input).
 */
export function toQueryXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return escapeXml(value.toISOString());
  if (Array.isArray(value)) return value.map((v) => `<member>${toQueryXml(v)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toQueryXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}
