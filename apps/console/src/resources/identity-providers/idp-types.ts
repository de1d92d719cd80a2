/**
 * What the console shows of each provider type: its name, and the ProviderDetails inputs in the words of
 * AWS's documentation (Cognito developer guide, "Adding social identity providers" / "Adding OIDC identity
 * providers"; API reference, CreateIdentityProvider ProviderDetails). The rules live in the contract
 * (`idpDetailsSchemas`); this is only how each key is labelled.
 */
import { idpSecretKeys, idpTypes, type IdpType } from '@poolkeeper/contract';

export const idpTypeLabels: Record<IdpType, string> = {
  SAML: 'SAML',
  OIDC: 'OpenID Connect (OIDC)',
  Google: 'Google',
  Facebook: 'Facebook',
  SignInWithApple: 'Sign in with Apple',
  LoginWithAmazon: 'Login with Amazon',
};

export function idpTypeLabel(type: string): string {
  return (idpTypeLabels as Record<string, string>)[type] ?? type;
}

export const idpTypeChoices = idpTypes.map((type) => ({ id: type, name: idpTypeLabels[type] }));

export interface DetailField {
  key: string;
  label: string;
  helperText?: string;
  /** Write-only: empty on edit ("leave blank to keep"), never displayed. */
  secret?: boolean;
  required?: boolean;
  multiline?: boolean;
  choices?: ReadonlyArray<{ id: string; name: string }>;
}

const scopes = (example: string): DetailField => ({
  key: 'authorize_scopes',
  label: 'Authorized scopes',
  helperText: `Separated by spaces, for example “${example}”.`,
  required: true,
});

/** The ProviderDetails inputs of every type but SAML (which has its metadata input). */
export const detailFields: Record<Exclude<IdpType, 'SAML'>, DetailField[]> = {
  OIDC: [
    { key: 'client_id', label: 'Client id', required: true },
    {
      key: 'client_secret',
      label: 'Client secret',
      secret: true,
      helperText: 'Optional: a public client has none.',
    },
    {
      key: 'oidc_issuer',
      label: 'Issuer URL',
      required: true,
      helperText: 'Cognito discovers the endpoints from its /.well-known/openid-configuration.',
    },
    scopes('openid email profile'),
    {
      key: 'attributes_request_method',
      label: 'Attributes request method',
      required: true,
      choices: [
        { id: 'GET', name: 'GET' },
        { id: 'POST', name: 'POST' },
      ],
      helperText: 'How Cognito calls the userInfo endpoint.',
    },
  ],
  Google: [
    { key: 'client_id', label: 'Client id', required: true },
    { key: 'client_secret', label: 'Client secret', secret: true, required: true },
    scopes('profile email openid'),
  ],
  Facebook: [
    { key: 'client_id', label: 'App id', required: true },
    { key: 'client_secret', label: 'App secret', secret: true, required: true },
    scopes('public_profile, email'),
    { key: 'api_version', label: 'API version (optional)', helperText: 'For example v17.0.' },
  ],
  LoginWithAmazon: [
    { key: 'client_id', label: 'Client id', required: true },
    { key: 'client_secret', label: 'Client secret', secret: true, required: true },
    scopes('profile postal_code'),
  ],
  SignInWithApple: [
    { key: 'client_id', label: 'Services id', required: true },
    { key: 'team_id', label: 'Team id', required: true },
    { key: 'key_id', label: 'Key id', required: true },
    {
      key: 'private_key',
      label: 'Private key',
      secret: true,
      required: true,
      multiline: true,
      helperText: 'The contents of the .p8 file Apple gave you.',
    },
    scopes('email name'),
  ],
};

export function isIdpType(value: unknown): value is IdpType {
  return typeof value === 'string' && (idpTypes as readonly string[]).includes(value);
}

/**
 * The write-only secrets of a type and whether Cognito holds each: those it names in `secretsSet`, and the
 * required ones (always set once created; Describe does not even name Apple's private key).
 */
export function secretState(
  type: string,
  secretsSet: readonly string[],
): Array<{ key: string; set: boolean }> {
  if (!isIdpType(type)) return secretsSet.map((key) => ({ key, set: true }));
  const keys: readonly string[] = idpSecretKeys[type];
  const required = type === 'SAML' ? [] : detailFields[type].filter((f) => f.secret && f.required);
  return keys.map((key) => ({
    key,
    set: secretsSet.includes(key) || required.some((field) => field.key === key),
  }));
}
