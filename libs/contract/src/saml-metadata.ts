import type { SamlMetadataSummary } from './identity-providers';

/**
 * A small reader of SAML 2.0 metadata (OASIS saml-metadata-2.0-os): the EntityDescriptor's `entityID`, the
 * IdP's SingleSignOnService locations and its `KeyDescriptor` X.509 certificates. The certificates' validity
 * is read from their DER (RFC 5280: TBSCertificate.validity, UTCTime or GeneralizedTime) and the subject's
 * common name when present. Pure (browser and Node): no XML library, no network. Unreadable parts are null, never thrown.
 */
export function parseSamlMetadata(xml: string, now: Date = new Date()): SamlMetadataSummary {
  const entityId = /<(?:\w+:)?EntityDescriptor\b[^>]*\bentityID\s*=\s*"([^"]*)"/.exec(xml)?.[1] ?? null;
  const ssoUrls = [...xml.matchAll(/<(?:\w+:)?SingleSignOnService\b[^>]*\bLocation\s*=\s*"([^"]*)"/g)].map(
    (m) => m[1] as string,
  );
  const certificates = [
    ...xml.matchAll(/<(?:\w+:)?KeyDescriptor\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?KeyDescriptor>/g),
  ].flatMap((m) => {
    const use = /\buse\s*=\s*"([^"]*)"/.exec(m[1] ?? '')?.[1] ?? null;
    return [
      ...(m[2] ?? '').matchAll(/<(?:\w+:)?X509Certificate>([\s\S]*?)<\/(?:\w+:)?X509Certificate>/g),
    ].map((c) => ({ use, ...readCertificate((c[1] ?? '').replace(/\s+/g, ''), now) }));
  });
  return { entityId, certificates, ssoUrls: [...new Set(ssoUrls)] };
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function tlv(der: Uint8Array, at: number): Tlv {
  const tag = der[at] as number;
  let len = der[at + 1] as number;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4) throw new Error('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (der[start + i] as number);
    start += n;
  }
  if (start + len > der.length) throw new Error('truncated');
  return { tag, start, end: start + len };
}

function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const t = tlv(der, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

const text = (der: Uint8Array, t: Tlv) => new TextDecoder().decode(der.slice(t.start, t.end));

function time(der: Uint8Array, t: Tlv): Date | null {
  const s = text(der, t);
  const m =
    t.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return null;
  let year = Number(m[1]);
  if (t.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/** The subject's CN (OID 2.5.4.3), else null. */
function commonName(der: Uint8Array, name: Tlv): string | null {
  for (const set of children(der, name))
    for (const attr of children(der, set)) {
      const [oid, value] = children(der, attr);
      if (oid && value && [...der.slice(oid.start, oid.end)].join(',') === '85,4,3')
        return `CN=${text(der, value)}`;
    }
  return null;
}

function readCertificate(base64: string, now: Date) {
  const empty = { subject: null, notBefore: null, notAfter: null, expired: null };
  try {
    const der = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const cert = tlv(der, 0);
    const tbs = children(der, cert)[0] as Tlv;
    const fields = children(der, tbs);
    // An explicit version ([0]) comes first when present: serial, signature, issuer, validity, subject.
    const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
    const validity = fields[offset + 3] as Tlv;
    const [from, to] = children(der, validity);
    const notBefore = from ? time(der, from) : null;
    const notAfter = to ? time(der, to) : null;
    const subject = fields[offset + 4] ? commonName(der, fields[offset + 4] as Tlv) : null;
    return {
      subject,
      notBefore: notBefore?.toISOString() ?? null,
      notAfter: notAfter?.toISOString() ?? null,
      expired: notAfter ? notAfter.getTime() < now.getTime() : null,
    };
  } catch {
    return empty;
  }
}
