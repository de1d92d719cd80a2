import { describe, expect, it } from '@jest/globals';
import type { IdpDetail } from '@poolkeeper/contract';
import { validateForm } from '../../common/contract-form';
import {
  createForm,
  editForm,
  idpApiField,
  parseIdentifiers,
  toAttributeMapping,
  toCreateBody,
  toFormValues,
  toMappingRows,
  toUpdateBody,
  type IdpFormValues,
} from './idp-forms';
import { secretState } from './idp-types';
import { clientChanges } from './idp-client-changes';

const oidcValues: IdpFormValues = {
  type: 'OIDC',
  name: 'Partners',
  details: {
    client_id: ' portal ',
    client_secret: 's3cret',
    oidc_issuer: 'https://login.partners.example',
    authorize_scopes: 'openid email',
    attributes_request_method: 'GET',
  },
  mapping: [
    { attribute: 'email', claim: 'mail' },
    { attribute: 'given_name', claim: 'first_name' },
    { attribute: '', claim: '' },
  ],
  identifiers: 'partners.example, partners.example\nother.example',
  reason: '  onboarding ',
};

const oidcRecord = (over: Partial<IdpDetail> = {}): IdpDetail => ({
  poolId: 'eu-west-1_Abc',
  name: 'Partners',
  type: 'OIDC',
  details: {
    client_id: 'portal',
    oidc_issuer: 'https://login.partners.example',
    authorize_scopes: 'openid email',
    attributes_request_method: 'GET',
    // Cognito adds the endpoints it discovered.
    authorize_url: 'https://login.partners.example/authorize',
  },
  secretsSet: ['client_secret'],
  attributeMapping: { email: 'mail', given_name: 'first_name' },
  idpIdentifiers: ['partners.example'],
  samlMetadata: null,
  clients: [],
  createdAt: null,
  updatedAt: null,
  ...over,
});

describe('create: form values → CreateIdpBody, per type', () => {
  it('OIDC: trimmed details with the secret, mapping rows, identifiers de-duplicated, reason', () => {
    expect(toCreateBody(oidcValues)).toEqual({
      name: 'Partners',
      type: 'OIDC',
      details: {
        client_id: 'portal',
        client_secret: 's3cret',
        oidc_issuer: 'https://login.partners.example',
        authorize_scopes: 'openid email',
        attributes_request_method: 'GET',
      },
      attributeMapping: { email: 'mail', given_name: 'first_name' },
      idpIdentifiers: ['partners.example', 'other.example'],
      reason: 'onboarding',
    });
    expect(validateForm(createForm, oidcValues, undefined)).toBeNull();
  });

  it('OIDC: an empty secret is left out (a public client), and the contract accepts that', () => {
    const values = { ...oidcValues, details: { ...oidcValues.details, client_secret: '' } };
    const body = toCreateBody(values);
    expect(body.details).not.toHaveProperty('client_secret');
    expect(validateForm(createForm, values, undefined)).toBeNull();
  });

  it('social providers are named after their type; only their own keys are sent', () => {
    const body = toCreateBody({
      type: 'Google',
      name: 'ignored',
      details: {
        client_id: 'g-id',
        client_secret: 'g-secret',
        authorize_scopes: 'profile email openid',
        // Left over from another type chosen first.
        oidc_issuer: 'https://x.example',
      },
    });
    expect(body).toEqual({
      name: 'Google',
      type: 'Google',
      details: { client_id: 'g-id', client_secret: 'g-secret', authorize_scopes: 'profile email openid' },
    });
    for (const type of ['Facebook', 'LoginWithAmazon', 'SignInWithApple'] as const)
      expect(toCreateBody({ type, name: 'x' }).name).toBe(type);
  });

  it('Google needs its secret; Apple its team id, key id and private key (messages on the inputs)', () => {
    expect(
      validateForm(
        createForm,
        { type: 'Google', details: { client_id: 'g', authorize_scopes: 'email' } },
        undefined,
      ),
    ).toEqual({ 'details.client_secret': 'Client secret is required.' });
    const apple = validateForm(
      createForm,
      { type: 'SignInWithApple', details: { client_id: 'com.example', authorize_scopes: 'email' } },
      undefined,
    );
    expect(Object.keys(apple ?? {}).sort()).toEqual([
      'details.key_id',
      'details.private_key',
      'details.team_id',
    ]);
    const facebook = toCreateBody({
      type: 'Facebook',
      details: { client_id: 'f', client_secret: 's', authorize_scopes: 'email', api_version: 'v17.0' },
    });
    expect(facebook.details).toEqual({
      client_id: 'f',
      client_secret: 's',
      authorize_scopes: 'email',
      api_version: 'v17.0',
    });
  });

  it('SAML: the uploaded file or the URL, never both, and the sign-out switch', () => {
    const file = toCreateBody({
      type: 'SAML',
      name: 'Corp',
      samlSource: 'file',
      signOut: true,
      details: { MetadataFile: '<md:EntityDescriptor/>', MetadataURL: 'https://left.over' },
    });
    expect(file.details).toEqual({ MetadataFile: '<md:EntityDescriptor/>', IDPSignout: 'true' });
    const url = toCreateBody({
      type: 'SAML',
      name: 'Corp',
      samlSource: 'url',
      details: { MetadataFile: '<x/>', MetadataURL: ' https://idp.corp.example/metadata ' },
    });
    expect(url.details).toEqual({ MetadataURL: 'https://idp.corp.example/metadata', IDPSignout: 'false' });
    expect(
      validateForm(createForm, { type: 'SAML', name: 'Corp', samlSource: 'file', details: {} }, undefined),
    ).toEqual({ 'details.MetadataFile': 'Upload the metadata file or give its URL.' });
    expect(
      validateForm(
        createForm,
        { type: 'SAML', name: 'Corp', samlSource: 'url', details: { MetadataURL: 'http://plain' } },
        undefined,
      ),
    ).toEqual({ 'details.MetadataURL': 'Metadata URL must be an https URL.' });
  });

  it('API field paths land on the inputs', () => {
    expect(idpApiField('details.client_id')).toBe('details.client_id');
    expect(idpApiField('attributeMapping.email')).toBe('mapping');
    expect(idpApiField('idpIdentifiers.0')).toBe('identifiers');
    expect(idpApiField('name')).toBe('name');
    expect(idpApiField('somethingElse')).toBe('root.serverError');
  });
});

describe('edit: the provider as loaded → form values → UpdateIdpBody', () => {
  it('starts with the secret empty (write-only) and the mapping as rows', () => {
    const values = toFormValues(oidcRecord());
    expect(values.details?.['client_secret']).toBeUndefined();
    expect(values.mapping).toEqual([
      { attribute: 'email', claim: 'mail' },
      { attribute: 'given_name', claim: 'first_name' },
    ]);
    expect(values.identifiers).toBe('partners.example');
  });

  it('nothing changed, secret left empty: an empty body (the secret is kept by Cognito)', () => {
    const record = oidcRecord();
    const values = toFormValues(record);
    expect(toUpdateBody(values, record)).toEqual({});
    expect(validateForm(editForm(record), values, undefined)).toBeNull();
  });

  it('only what changed is sent: a new mapping row, the scopes, never an empty secret', () => {
    const record = oidcRecord();
    const values = toFormValues(record);
    values.details = { ...values.details, authorize_scopes: 'openid email profile', client_secret: '' };
    values.mapping = [...(values.mapping ?? []), { attribute: 'family_name', claim: 'last_name' }];
    values.reason = 'more claims';
    const body = toUpdateBody(values, record);
    expect(body).toEqual({
      details: { authorize_scopes: 'openid email profile' },
      attributeMapping: { email: 'mail', given_name: 'first_name', family_name: 'last_name' },
      reason: 'more claims',
    });
    expect(JSON.stringify(body)).not.toContain('client_secret');
  });

  it('a secret typed on edit replaces the stored one', () => {
    const record = oidcRecord();
    const values = toFormValues(record);
    values.details = { ...values.details, client_secret: 'rotated' };
    expect(toUpdateBody(values, record)).toEqual({ details: { client_secret: 'rotated' } });
  });

  it('a required secret held by Cognito need not be typed again (Google, Apple)', () => {
    const google = oidcRecord({
      name: 'Google',
      type: 'Google',
      details: { client_id: 'g', authorize_scopes: 'email' },
      secretsSet: ['client_secret'],
    });
    expect(validateForm(editForm(google), toFormValues(google), undefined)).toBeNull();
    const apple = oidcRecord({
      name: 'SignInWithApple',
      type: 'SignInWithApple',
      details: { client_id: 'com.example', team_id: 'T', key_id: 'K', authorize_scopes: 'email' },
      secretsSet: [],
    });
    expect(validateForm(editForm(apple), toFormValues(apple), undefined)).toBeNull();
  });

  it('emptying a required setting is refused on its input', () => {
    const record = oidcRecord();
    const values = toFormValues(record);
    values.details = { ...values.details, oidc_issuer: 'not a url' };
    expect(validateForm(editForm(record), values, undefined)).toEqual({
      'details.oidc_issuer': 'Issuer must be an https URL.',
    });
  });

  it('SAML by URL: a metadata document Cognito answers too does not trip "not both"', () => {
    const record = oidcRecord({
      name: 'Corp',
      type: 'SAML',
      details: {
        MetadataURL: 'https://idp.corp.example/metadata',
        MetadataFile: '<x/>',
        IDPSignout: 'false',
      },
      secretsSet: [],
    });
    const values = toFormValues(record);
    expect(values.samlSource).toBe('url');
    expect(toUpdateBody(values, record)).toEqual({});
    expect(validateForm(editForm(record), values, undefined)).toBeNull();
  });

  it('identifiers and mapping emptied are sent as empty', () => {
    const record = oidcRecord();
    const values = { ...toFormValues(record), identifiers: '', mapping: [] };
    expect(toUpdateBody(values, record)).toEqual({ attributeMapping: {}, idpIdentifiers: [] });
  });
});

describe('helpers', () => {
  it('identifiers split on commas, spaces and lines', () => {
    expect(parseIdentifiers(' a.example,b.example\n c.example  a.example ')).toEqual([
      'a.example',
      'b.example',
      'c.example',
    ]);
    expect(parseIdentifiers(null)).toEqual([]);
  });

  it('mapping rows ↔ AttributeMapping', () => {
    expect(toAttributeMapping([{ attribute: ' email ', claim: ' mail ' }, { attribute: null }])).toEqual({
      email: 'mail',
    });
    expect(toMappingRows({ name: 'n', email: 'e' })).toEqual([
      { attribute: 'email', claim: 'e' },
      { attribute: 'name', claim: 'n' },
    ]);
  });

  it('which write-only secrets Cognito holds', () => {
    expect(secretState('OIDC', [])).toEqual([{ key: 'client_secret', set: false }]);
    expect(secretState('OIDC', ['client_secret'])).toEqual([{ key: 'client_secret', set: true }]);
    expect(secretState('SignInWithApple', [])).toEqual([{ key: 'private_key', set: true }]);
    expect(secretState('SAML', [])).toEqual([]);
  });

  it('app clients to change: the whole new provider list of each changed client', () => {
    const clients = [
      { clientId: 'a', name: 'web', providers: ['COGNITO', 'Corp'] },
      { clientId: 'b', name: 'mobile', providers: ['COGNITO'] },
      { clientId: 'c', name: '', providers: ['COGNITO', 'Corp'] },
    ];
    expect(clientChanges(clients, 'Corp', new Set(['a', 'c']))).toEqual([]);
    expect(clientChanges(clients, 'Corp', new Set(['b', 'c']))).toEqual([
      { clientId: 'a', name: 'web', adds: false, providers: ['COGNITO'] },
      { clientId: 'b', name: 'mobile', adds: true, providers: ['COGNITO', 'Corp'] },
    ]);
  });
});
