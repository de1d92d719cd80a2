import { describe, expect, it } from '@jest/globals';
import { parseSamlMetadata } from './saml-metadata';

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

const xml = (cert: string) => `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example/meta">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>
      <ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

describe('SAML metadata reader', () => {
  it('reads the entity id, SSO location and the certificate subject and validity', () => {
    expect(parseSamlMetadata(xml(CERT), new Date('2030-01-01T00:00:00Z'))).toEqual({
      entityId: 'https://idp.example/meta',
      ssoUrls: ['https://idp.example/sso'],
      certificates: [
        {
          use: 'signing',
          subject: 'CN=idp.acme.example',
          notBefore: '2026-12-02T14:07:46.000Z',
          notAfter: '2036-11-29T14:07:46.000Z',
          expired: false,
        },
      ],
    });
  });

  it('an expired certificate says so; garbage is null, never thrown', () => {
    expect(parseSamlMetadata(xml(CERT), new Date('2040-01-01T00:00:00Z')).certificates[0]!.expired).toBe(
      true,
    );
    const meta = parseSamlMetadata(xml('not base64 at all!'));
    expect(meta.certificates[0]).toMatchObject({ notAfter: null, expired: null });
    expect(parseSamlMetadata('<nope/>')).toEqual({ entityId: null, ssoUrls: [], certificates: [] });
  });
});
