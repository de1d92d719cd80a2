import type { SamlCertificate } from '@poolkeeper/contract';

/** A certificate this close to its end is flagged: the IdP must roll it over before sign-ins break. */
export const expiringSoonDays = 30;

export type CertificateStatus = 'expired' | 'expiring-soon' | 'valid' | 'unknown';

/** Where a SAML signing certificate stands at `now` (from its notAfter as the metadata gives it). */
export function certificateStatus(cert: Pick<SamlCertificate, 'notAfter'>, now: Date): CertificateStatus {
  if (!cert.notAfter) return 'unknown';
  const end = new Date(cert.notAfter).getTime();
  if (Number.isNaN(end)) return 'unknown';
  if (end < now.getTime()) return 'expired';
  if (end - now.getTime() <= expiringSoonDays * 86_400_000) return 'expiring-soon';
  return 'valid';
}

/** Whole days from `now` to the certificate's end (negative once expired), or null when unknown. */
export function daysLeft(cert: Pick<SamlCertificate, 'notAfter'>, now: Date): number | null {
  if (!cert.notAfter) return null;
  const end = new Date(cert.notAfter).getTime();
  return Number.isNaN(end) ? null : Math.floor((end - now.getTime()) / 86_400_000);
}
