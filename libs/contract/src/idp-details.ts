import { z } from 'zod';

/**
 * ProviderDetails per ProviderType, as the Cognito API reference documents them (CreateIdentityProvider,
 * "ProviderDetails"): the keys each type needs, and the optional ones an operator sets. One place for both
 * the API (create is checked with these before Cognito is asked) and the console's forms. Keys not listed
 * are passed on to Cognito unchanged (it adds its own, such as `authorize_url`, in Describe's answer).
 *
 * Secrets (`client_secret`, Apple's `private_key`) are write-only (see secrets.ts `isSecretKey`).
 */
const required = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required`, abort: true });
const httpsUrl = (label: string) => required(label).regex(/^https:\/\/\S+$/, `${label} must be an https URL`);
const optionalHttpsUrl = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^https:\/\/\S+$/, `${label} must be an https URL`)
    .optional();
const scopes = required('Scopes').max(2048);
const boolText = z.enum(['true', 'false']).optional();

/** OIDC: the issuer (Cognito discovers the endpoints from it), the app's client, scopes, request method. */
export const oidcDetailsSchema = z.looseObject({
  client_id: required('Client id'),
  /** Optional for OIDC: a public client has none. */
  client_secret: z.string().optional(),
  oidc_issuer: httpsUrl('Issuer'),
  authorize_scopes: scopes,
  attributes_request_method: z.enum(['GET', 'POST'], { error: 'Choose GET or POST' }),
  authorize_url: optionalHttpsUrl('Authorize URL'),
  token_url: optionalHttpsUrl('Token URL'),
  attributes_url: optionalHttpsUrl('Attributes URL'),
  jwks_uri: optionalHttpsUrl('JWKS URI'),
});

/** Google, Login with Amazon: client id, client secret, scopes. */
export const oauthSocialDetailsSchema = z.looseObject({
  client_id: required('Client id'),
  client_secret: required('Client secret'),
  authorize_scopes: scopes,
});

/** Facebook: as the other social providers, and the Graph API version (Cognito picks one when absent). */
export const facebookDetailsSchema = oauthSocialDetailsSchema.extend({
  api_version: z
    .string()
    .trim()
    .regex(/^v\d+\.\d+$/, 'API version looks like v17.0')
    .optional(),
});

/** Sign in with Apple: services id, team id, key id and the private key (write-only), scopes. */
export const appleDetailsSchema = z.looseObject({
  client_id: required('Services id'),
  team_id: required('Team id'),
  key_id: required('Key id'),
  private_key: required('Private key'),
  authorize_scopes: scopes,
});

/** SAML: exactly one of MetadataFile (the document) or MetadataURL (https), and the optional switches. */
export const samlDetailsSchema = z
  .looseObject({
    MetadataFile: z.string().min(1).max(131072).optional(),
    MetadataURL: optionalHttpsUrl('Metadata URL'),
    IDPSignout: boolText,
    IDPInit: boolText,
    EncryptedResponses: boolText,
    RequestSigningAlgorithm: z.literal('rsa-sha256').optional(),
  })
  .superRefine((d, ctx) => {
    const file = d.MetadataFile !== undefined;
    const url = d.MetadataURL !== undefined;
    if (file === url)
      ctx.addIssue({
        code: 'custom',
        path: [file ? 'MetadataURL' : 'MetadataFile'],
        message: file
          ? 'Give either a metadata file or a metadata URL, not both'
          : 'Upload the metadata file or give its URL',
      });
  });

export const idpDetailsSchemas = {
  SAML: samlDetailsSchema,
  OIDC: oidcDetailsSchema,
  Google: oauthSocialDetailsSchema,
  Facebook: facebookDetailsSchema,
  LoginWithAmazon: oauthSocialDetailsSchema,
  SignInWithApple: appleDetailsSchema,
} as const;

/** The keys of each type that are write-only secrets (blank on edit: "leave blank to keep"). */
export const idpSecretKeys = {
  SAML: [],
  OIDC: ['client_secret'],
  Google: ['client_secret'],
  Facebook: ['client_secret'],
  LoginWithAmazon: ['client_secret'],
  SignInWithApple: ['private_key'],
} as const satisfies Record<keyof typeof idpDetailsSchemas, readonly string[]>;
