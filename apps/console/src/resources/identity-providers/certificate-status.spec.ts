import { describe, expect, it } from '@jest/globals';
import { parseSamlMetadata } from '@poolkeeper/contract';
import { certificateStatus, daysLeft, expiringSoonDays } from './certificate-status';

// The demo IdP's self-signed certificate (CN=idp.acme.example, valid 2026-12-02T14:07:46Z to 2036-11-29T14:07:46Z).
const CERT = `MIIDRzCCAi+gAwIBAgIUXaTZlLTdW/dh364fIDLydxVdMoowDQYJKoZIhvcNAQELBQAwMzEZMBcG
A1UEAwwQaWRwLmFjbWUuZXhhbXBsZTEWMBQGA1UECgwNQWNtZSBEZW1vIElkUDAeFw0yNjEyMDIx
NDA3NDZaFw0zNjExMjkxNDA3NDZaMDMxGTAXBgNVBAMMEGlkcC5hY21lLmV4YW1wbGUxFjAUBgNV
BAoMDUFjbWUgRGVtbyBJZFAwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCU5ovehE36
vphg8IGEJzthgPm42DOWqsPfUwzPJxk8dFu5Mn4LdQgGFlVJtHkPfNOm+iStbuglPGX8z6sTOPcR
sYSGVl5M1BnXADebvjadhfkjhiYa9nm/Wwt+WTN5ZxPnfCftFSUe+TdcZHwIuIdFwW6PzF+ajTw8
3CIm4REmKh8Xeb/+3VZOy82G9ivS0QSyttx1OqDZBcaVpfL3Y0Rq/uBabJdBY28IbVh2m6tfia/i
iA22vijIJ6e9iXxSIOtQNXJltOkrOPmICvboxmpVIdTTGMwFKTGD/H+Iui/zhmxq4S9thFl+hi2a
TgLjLOPTWWvvvyTeMhk46MX2SwT/AgMBAAGjUzBRMB0GA1UdDgQWBBTfYceelftjfRpNk0mc3/fA
sjoiczAfBgNVHSMEGDAWgBTfYceelftjfRpNk0mc3/fAsjoiczAPBgNVHRMBAf8EBTADAQH/MA0G
CSqGSIb3DQEBCwUAA4IBAQBXvHqlhhrDHi4qipVyHWEejrjmGoGvDpopEj1/yQNzSxM8HUQ2YY18
+lw22PelFiA6uxl/0/J2qMTkfUSQpP8xB8ie5pUIZK3rdzsDlXrzyvHKsD8f68Kpf/akGPTfn9MG
5/EZPcjIhSiLCLwnOu9VpkHe+qsUzp0S0k3CoVL1VJGG9fo004/GuIKmOAXhE2PwpZFXQdQXftBX
+qAFQvDgBNWdDxtWrKVwSjwC1MM/B2dKt3tqipVpVsaAWoPbASCI/vcjeaXeuNFoWJb/erQj1jVb
P0+tyyWZK6TigAk5462jrrCTiYeWBkUt9sD1s/3zIZi8+dVnmyY/O+LNqaKp`;

const metadata = `<?xml version="1.0"?>
<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:corp:idp">
  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <KeyDescriptor><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data>
      <X509Certificate>
${CERT}
      </X509Certificate></X509Data></KeyInfo></KeyDescriptor>
    <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.corp.example/sso"/>
  </IDPSSODescriptor>
</EntityDescriptor>`;

const end = '2036-11-29T14:07:46.000Z';
const at = (iso: string) => new Date(iso);

describe('an uploaded metadata file as the console previews it', () => {
  it('reads the entity id and the certificate (unprefixed elements, line-wrapped base64)', () => {
    const parsed = parseSamlMetadata(metadata, at('2030-01-01T00:00:00Z'));
    expect(parsed.entityId).toBe('urn:corp:idp');
    expect(parsed.ssoUrls).toEqual(['https://idp.corp.example/sso']);
    expect(parsed.certificates).toEqual([
      {
        use: null,
        subject: 'CN=idp.acme.example',
        notBefore: '2026-12-02T14:07:46.000Z',
        notAfter: end,
        expired: false,
      },
    ]);
  });
});

describe('certificate status', () => {
  it('valid well before the end, expiring soon within 30 days, expired after', () => {
    expect(expiringSoonDays).toBe(30);
    expect(certificateStatus({ notAfter: end }, at('2030-01-01T00:00:00Z'))).toBe('valid');
    expect(certificateStatus({ notAfter: end }, at('2036-10-30T14:07:46Z'))).toBe('expiring-soon');
    expect(certificateStatus({ notAfter: end }, at('2036-10-30T14:07:45Z'))).toBe('valid');
    expect(certificateStatus({ notAfter: end }, at('2036-11-29T14:07:47Z'))).toBe('expired');
  });

  it('an unreadable date is unknown, never valid', () => {
    expect(certificateStatus({ notAfter: null }, at('2030-01-01T00:00:00Z'))).toBe('unknown');
    expect(certificateStatus({ notAfter: 'garbage' }, at('2030-01-01T00:00:00Z'))).toBe('unknown');
    expect(daysLeft({ notAfter: null }, at('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('days left count whole days, negative once expired', () => {
    expect(daysLeft({ notAfter: end }, at('2036-11-19T14:07:46Z'))).toBe(10);
    expect(daysLeft({ notAfter: end }, at('2036-11-30T14:07:46Z'))).toBe(-1);
  });
});
