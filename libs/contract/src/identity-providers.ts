import { z } from 'zod';
import { pageOf, reasonSchema } from './common';
import { idpDetailsSchemas } from './idp-details';

/** ProviderType values of CreateIdentityProvider (API reference, CreateIdentityProvider). */
export const idpTypes = ['SAML', 'OIDC', 'Google', 'Facebook', 'SignInWithApple', 'LoginWithAmazon'] as const;
export type IdpType = (typeof idpTypes)[number];

/** ProviderName: 1..32 characters, `[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+` (API reference). */
export const idpNameSchema = z
  .string()
  .min(1, { error: 'is required', abort: true })
  .max(32)
  .regex(/^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u, 'is not a valid provider name');

/** ProviderDetails as given: key → value (secret keys are write-only and never returned). */
const detailsSchema = z.record(z.string().min(1).max(131), z.string().max(131072));
/** AttributeMapping: user-pool attribute → provider attribute/claim. */
const attributeMappingSchema = z.record(z.string().min(1).max(32), z.string().min(1).max(131));
const idpIdentifiersSchema = z.array(z.string().min(1).max(40)).max(50);

export const samlCertificateSchema = z
  .object({
    use: z.string().nullable(),
    subject: z.string().nullable(),
    notBefore: z.string().nullable(),
    notAfter: z.string().nullable(),
    expired: z.boolean().nullable(),
  })
  .meta({ id: 'SamlCertificate' });
export type SamlCertificate = z.infer<typeof samlCertificateSchema>;

export const samlMetadataSummarySchema = z
  .object({
    entityId: z.string().nullable(),
    certificates: z.array(samlCertificateSchema),
    ssoUrls: z.array(z.string()),
  })
  .meta({ id: 'SamlMetadataSummary' });
export type SamlMetadataSummary = z.infer<typeof samlMetadataSummarySchema>;

export const idpSummarySchema = z
  .object({
    name: z.string(),
    type: z.string(),
    /** IdpIdentifiers (e.g. email domains that route users to this provider). */
    idpIdentifiers: z.array(z.string()),
    /** App clients that offer this provider (SupportedIdentityProviders). */
    clients: z.array(z.object({ clientId: z.string(), name: z.string() })),
    createdAt: z.string().nullable(),
  })
  .meta({ id: 'IdpSummary' });
export type IdpSummary = z.infer<typeof idpSummarySchema>;

export const idpDetailSchema = z
  .object({
    poolId: z.string(),
    name: z.string(),
    type: z.string(),
    /** ProviderDetails without secrets. */
    details: z.record(z.string(), z.string()),
    /** Names of the secret details Cognito holds (values are write-only). */
    secretsSet: z.array(z.string()),
    attributeMapping: z.record(z.string(), z.string()),
    idpIdentifiers: z.array(z.string()),
    /** SAML only: the metadata parsed (null when it could not be read or is a URL not fetched). */
    samlMetadata: samlMetadataSummarySchema.nullable(),
    /** App clients that offer this provider (SupportedIdentityProviders). */
    clients: z.array(z.object({ clientId: z.string(), name: z.string() })),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'IdpDetail' });
export type IdpDetail = z.infer<typeof idpDetailSchema>;

export const idpPageSchema = pageOf(idpSummarySchema).meta({ id: 'IdpPage' });

export const createIdpBodySchema = z
  .object({
    name: idpNameSchema,
    type: z.enum(idpTypes),
    details: detailsSchema,
    attributeMapping: attributeMappingSchema.optional(),
    idpIdentifiers: idpIdentifiersSchema.optional(),
    reason: reasonSchema,
  })
  .strict()
  .superRefine((body, ctx) => {
    // API reference, CreateIdentityProvider: a social provider is named after its type.
    if (body.type !== 'SAML' && body.type !== 'OIDC' && body.name !== body.type)
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: `must be ${body.type} for this provider type`,
      });
    // The details each ProviderType needs (idp-details.ts), reported on `details.<key>`.
    const checked = idpDetailsSchemas[body.type].safeParse(body.details);
    if (checked.success) return;
    for (const issue of checked.error.issues)
      ctx.addIssue({ code: 'custom', path: ['details', ...issue.path], message: issue.message });
  })
  .meta({ id: 'CreateIdpBody' });
export type CreateIdpBody = z.infer<typeof createIdpBodySchema>;

export const updateIdpBodySchema = z
  .object({
    /** Merged into the provider's details by Cognito; a secret given here replaces the stored one. */
    details: detailsSchema.optional(),
    attributeMapping: attributeMappingSchema.optional(),
    idpIdentifiers: idpIdentifiersSchema.optional(),
    reason: reasonSchema,
  })
  .strict()
  .meta({ id: 'UpdateIdpBody' });
export type UpdateIdpBody = z.infer<typeof updateIdpBodySchema>;

/** `COGNITO` and provider names an app client offers. */
export const clientIdpsSchema = z
  .object({ clientId: z.string(), providers: z.array(z.string()) })
  .meta({ id: 'ClientIdentityProviders' });
export type ClientIdps = z.infer<typeof clientIdpsSchema>;

export const setClientIdpsBodySchema = z
  .object({ providers: z.array(z.string().min(1).max(32)).max(60), reason: reasonSchema })
  .strict()
  .meta({ id: 'SetClientIdentityProvidersBody' });
export type SetClientIdpsBody = z.infer<typeof setClientIdpsBodySchema>;

export const clientIdSchema = z
  .string()
  .min(1, { error: 'is required', abort: true })
  .max(128)
  .regex(/^[\w+]+$/, 'is not a valid app client id');

/** An app client of a pool and the providers it offers (GET /pools/:poolId/clients). */
export const appClientIdpsSchema = z
  .object({ clientId: z.string(), name: z.string(), providers: z.array(z.string()) })
  .meta({ id: 'AppClientIdentityProviders' });
export type AppClientIdps = z.infer<typeof appClientIdpsSchema>;
export const appClientIdpsPageSchema = pageOf(appClientIdpsSchema).meta({
  id: 'AppClientIdentityProvidersPage',
});
