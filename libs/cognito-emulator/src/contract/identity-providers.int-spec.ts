import { describe, expect, it, afterAll, beforeAll } from '@jest/globals';
import {
  CreateIdentityProviderCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  DescribeUserPoolClientCommand,
  GetIdentityProviderByIdentifierCommand,
  ListIdentityProvidersCommand,
  UpdateIdentityProviderCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ACME_SAML_METADATA } from '../seed/fixtures/acme-saml-metadata';
import { createPoolWithClient, expectAwsError, Harness, startHarness } from './harness';

const oidcDetails = {
  client_id: 'acme-portal',
  client_secret: 'oidc-secret',
  attributes_request_method: 'GET',
  oidc_issuer: 'https://login.acme.example',
  authorize_scopes: 'openid email profile',
};

describe('identity providers', () => {
  let h: Harness;
  let poolId: string;
  let clientId: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ poolId, clientId } = await createPoolWithClient(h.client));
  });
  afterAll(() => h.close());
  const create = (
    input: Omit<ConstructorParameters<typeof CreateIdentityProviderCommand>[0], 'UserPoolId'>,
  ) => h.client.send(new CreateIdentityProviderCommand({ UserPoolId: poolId, ...input }));

  it('creates an OIDC provider with its mapping and identifiers, and describes it', async () => {
    const out = await create({
      ProviderName: 'AcmeOidc',
      ProviderType: 'OIDC',
      ProviderDetails: oidcDetails,
      AttributeMapping: { email: 'email', 'custom:tenant': 'tenant' },
      IdpIdentifiers: ['acme.example'],
    });
    expect(out.IdentityProvider).toMatchObject({
      UserPoolId: poolId,
      ProviderName: 'AcmeOidc',
      ProviderType: 'OIDC',
      AttributeMapping: { email: 'email', 'custom:tenant': 'tenant' },
      IdpIdentifiers: ['acme.example'],
    });
    expect(out.IdentityProvider?.CreationDate).toBeInstanceOf(Date);
    const described = await h.client.send(
      new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'AcmeOidc' }),
    );
    // the API reference's OIDC "Describe response" adds attributes_url_add_attributes
    expect(described.IdentityProvider?.ProviderDetails).toEqual({
      ...oidcDetails,
      attributes_url_add_attributes: 'false',
    });
    const byId = await h.client.send(
      new GetIdentityProviderByIdentifierCommand({ UserPoolId: poolId, IdpIdentifier: 'acme.example' }),
    );
    expect(byId.IdentityProvider?.ProviderName).toBe('AcmeOidc');
    await expectAwsError(
      h.client.send(
        new GetIdentityProviderByIdentifierCommand({ UserPoolId: poolId, IdpIdentifier: 'nope' }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('refuses duplicate names and identifiers with DuplicateProviderException', async () => {
    await expectAwsError(
      create({ ProviderName: 'AcmeOidc', ProviderType: 'OIDC', ProviderDetails: oidcDetails }),
      'DuplicateProviderException',
    );
    await expectAwsError(
      create({
        ProviderName: 'Other',
        ProviderType: 'OIDC',
        ProviderDetails: oidcDetails,
        IdpIdentifiers: ['acme.example'],
      }),
      'DuplicateProviderException',
    );
  });

  it("validates ProviderDetails per ProviderType as AWS's reference lists them", async () => {
    const { client_id: _omit, ...noClientId } = oidcDetails;
    await expectAwsError(
      create({ ProviderName: 'Bad1', ProviderType: 'OIDC', ProviderDetails: noClientId }),
      'InvalidParameterException',
      /client_id is required/,
    );
    await expectAwsError(
      create({
        ProviderName: 'Bad2',
        ProviderType: 'OIDC',
        ProviderDetails: { ...oidcDetails, attributes_request_method: 'PUT' },
      }),
      'InvalidParameterException',
    );
    await expectAwsError(
      create({ ProviderName: 'Bad3', ProviderType: 'SAML', ProviderDetails: {} }),
      'InvalidParameterException',
      /MetadataFile or MetadataURL/,
    );
    await expectAwsError(
      create({ ProviderName: 'Bad4', ProviderType: 'SAML', ProviderDetails: { MetadataFile: '<x/>' } }),
      'InvalidParameterException',
      /metadata/,
    );
    await expectAwsError(
      create({
        ProviderName: 'SignInWithApple',
        ProviderType: 'SignInWithApple',
        ProviderDetails: { client_id: 'com.acme', authorize_scopes: 'email name', key_id: 'K', team_id: 'T' },
      }),
      'InvalidParameterException',
      /private_key is required/,
    );
    await expectAwsError(
      create({
        ProviderName: 'MyGoogle',
        ProviderType: 'Google',
        ProviderDetails: { client_id: 'g', client_secret: 's', authorize_scopes: 'openid' },
      }),
      'InvalidParameterException',
      /must be Google/,
    );
  });

  it('answers social providers with the keys Cognito adds, and Apple without its private key', async () => {
    const google = await create({
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: { client_id: 'g.apps', client_secret: 's', authorize_scopes: 'email profile openid' },
    });
    expect(google.IdentityProvider?.ProviderDetails).toMatchObject({
      authorize_url: 'https://accounts.google.com/o/oauth2/v2/auth',
      oidc_issuer: 'https://accounts.google.com',
      token_url: 'https://www.googleapis.com/oauth2/v4/token',
    });
    expect(google.IdentityProvider?.AttributeMapping).toEqual({ username: 'sub' });
    const apple = await create({
      ProviderName: 'SignInWithApple',
      ProviderType: 'SignInWithApple',
      ProviderDetails: {
        client_id: 'com.acme',
        authorize_scopes: 'email name',
        key_id: 'K1',
        team_id: 'T1',
        private_key: '-----BEGIN PRIVATE KEY-----x',
      },
    });
    expect(apple.IdentityProvider?.ProviderDetails?.['private_key']).toBeUndefined();
    expect(apple.IdentityProvider?.ProviderDetails).toMatchObject({ key_id: 'K1', team_id: 'T1' });
  });

  it('creates a SAML provider from a metadata file and reads its redirect endpoints', async () => {
    const out = await create({
      ProviderName: 'AcmeSaml',
      ProviderType: 'SAML',
      ProviderDetails: { MetadataFile: ACME_SAML_METADATA, IDPSignout: 'true' },
    });
    expect(out.IdentityProvider?.ProviderDetails).toMatchObject({
      SSORedirectBindingURI: 'https://idp.acme.example/saml/sso',
      SLORedirectBindingURI: 'https://idp.acme.example/saml/slo',
      IDPSignout: 'true',
    });
    const updated = await h.client.send(
      new UpdateIdentityProviderCommand({
        UserPoolId: poolId,
        ProviderName: 'AcmeSaml',
        ProviderDetails: { MetadataURL: 'https://idp.acme.example/saml/metadata' },
        AttributeMapping: { email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' },
      }),
    );
    expect(updated.IdentityProvider?.ProviderDetails).toEqual({
      MetadataURL: 'https://idp.acme.example/saml/metadata',
      IDPSignout: 'true',
    });
  });

  it('lists providers with MaxResults and NextToken', async () => {
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await h.client.send(
        new ListIdentityProvidersCommand({ UserPoolId: poolId, MaxResults: 2, NextToken }),
      );
      expect(page.Providers!.length).toBeLessThanOrEqual(2);
      names.push(...page.Providers!.map((p) => p.ProviderName!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names).toEqual(['AcmeOidc', 'AcmeSaml', 'Google', 'SignInWithApple']);
    await expectAwsError(
      h.client.send(new ListIdentityProvidersCommand({ UserPoolId: poolId, MaxResults: 61 })),
      'InvalidParameterException',
    );
  });

  it('lets app clients name only COGNITO and existing providers, and forgets a deleted provider', async () => {
    const base = { UserPoolId: poolId, ClientId: clientId, ClientName: 'app' };
    await expectAwsError(
      h.client.send(new UpdateUserPoolClientCommand({ ...base, SupportedIdentityProviders: ['Nope'] })),
      'InvalidParameterException',
      /does not exist/,
    );
    await h.client.send(
      new UpdateUserPoolClientCommand({
        ...base,
        SupportedIdentityProviders: ['COGNITO', 'AcmeOidc', 'Google'],
      }),
    );
    const described = async () =>
      (await h.client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })))
        .UserPoolClient?.SupportedIdentityProviders;
    expect(await described()).toEqual(['COGNITO', 'AcmeOidc', 'Google']);
    await h.client.send(new DeleteIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Google' }));
    expect(await described()).toEqual(['COGNITO', 'AcmeOidc']);
    await expectAwsError(
      h.client.send(new DescribeIdentityProviderCommand({ UserPoolId: poolId, ProviderName: 'Google' })),
      'ResourceNotFoundException',
      'Identity provider Google does not exist.',
    );
  });
});
