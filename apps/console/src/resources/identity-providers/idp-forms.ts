/**
 * The one place that ties the identity-provider forms to the contract: how the form's values become the
 * create body (`createIdpBodySchema`, which checks the details each type needs) or the edit body
 * (`updateIdpBodySchema`, with the details the provider would then have checked by the same per-type
 * schema), and which input shows each body field's problems — the contract's and the API's.
 */
import { z } from 'zod';
import {
  createIdpBodySchema,
  idpDetailsSchemas,
  updateIdpBodySchema,
  type CreateIdpBody,
  type IdpDetail,
  type IdpType,
  type UpdateIdpBody,
} from '@poolkeeper/contract';
import { formLevelError, type ContractForm } from '../../common/contract-form';
import { optionalReason } from '../users/user-forms';
import { detailFields } from './idp-types';

export interface MappingRow {
  attribute?: string | null;
  claim?: string | null;
}

export interface IdpFormValues {
  name?: string | null;
  type?: IdpType | null;
  details?: Record<string, string | null | undefined>;
  /** SAML: where the metadata comes from. */
  samlSource?: 'file' | 'url';
  /** SAML: IDPSignout (sign-out at the IdP too). */
  signOut?: boolean;
  mapping?: MappingRow[];
  /** IdpIdentifiers, separated by commas, spaces or lines. */
  identifiers?: string | null;
  reason?: string | null;
}

const clean = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : '');

export function parseIdentifiers(text: string | null | undefined): string[] {
  return [
    ...new Set(
      clean(text)
        .split(/[\s,]+/)
        .filter(Boolean),
    ),
  ];
}

/** Mapping rows as AttributeMapping; a row left empty on both sides is no row. */
export function toAttributeMapping(rows: MappingRow[] | undefined): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const row of rows ?? []) {
    const attribute = clean(row?.attribute);
    const claim = clean(row?.claim);
    if (attribute || claim) mapping[attribute] = claim;
  }
  return mapping;
}

export function toMappingRows(mapping: Record<string, string> | undefined): MappingRow[] {
  return Object.entries(mapping ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([attribute, claim]) => ({ attribute, claim }));
}

/** The ProviderDetails the form gives for its type (secrets only when typed, empty values left out). */
export function toDetails(values: IdpFormValues, type: IdpType): Record<string, string> {
  const given = values.details ?? {};
  const details: Record<string, string> = {};
  if (type === 'SAML') {
    const key = values.samlSource === 'url' ? 'MetadataURL' : 'MetadataFile';
    const value = key === 'MetadataFile' ? (given[key] ?? '') : clean(given[key]);
    if (value.trim()) details[key] = value;
    details['IDPSignout'] = values.signOut ? 'true' : 'false';
    return details;
  }
  for (const field of detailFields[type]) {
    const value = clean(given[field.key]);
    if (value) details[field.key] = value;
  }
  return details;
}

/** Social providers are named after their type (API reference, CreateIdentityProvider ProviderName). */
export function isSocial(type: IdpType | null | undefined): boolean {
  return !!type && type !== 'SAML' && type !== 'OIDC';
}

export function toCreateBody(values: IdpFormValues): CreateIdpBody {
  const type = (values.type ?? 'OIDC') as IdpType;
  const mapping = toAttributeMapping(values.mapping);
  const identifiers = parseIdentifiers(values.identifiers);
  return {
    name: isSocial(type) ? type : clean(values.name),
    type,
    details: toDetails(values, type),
    ...(Object.keys(mapping).length ? { attributeMapping: mapping } : {}),
    ...(identifiers.length ? { idpIdentifiers: identifiers } : {}),
    ...optionalReason(values.reason),
  };
}

const sameRecord = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** What changed against the provider as loaded: details that differ (a secret only when typed). */
export function toUpdateBody(values: IdpFormValues, record: IdpDetail): UpdateIdpBody {
  const type = record.type as IdpType;
  const details: Record<string, string> = {};
  for (const [key, value] of Object.entries(toDetails(values, type))) {
    const before = record.details[key];
    // A switch left off that the provider never had is no change.
    if (before !== value && !(before === undefined && value === 'false')) details[key] = value;
  }
  const mapping = toAttributeMapping(values.mapping);
  const identifiers = parseIdentifiers(values.identifiers);
  return {
    ...(Object.keys(details).length ? { details } : {}),
    ...(sameRecord(mapping, record.attributeMapping) ? {} : { attributeMapping: mapping }),
    ...(JSON.stringify(identifiers) === JSON.stringify(record.idpIdentifiers)
      ? {}
      : { idpIdentifiers: identifiers }),
    ...optionalReason(values.reason),
  };
}

/** The form values of a provider as loaded: secrets are never known, so their inputs start empty. */
export function toFormValues(record: IdpDetail): IdpFormValues {
  const details: Record<string, string> = { ...record.details };
  return {
    name: record.name,
    type: record.type as IdpType,
    details,
    samlSource: record.details['MetadataURL'] ? 'url' : 'file',
    signOut: record.details['IDPSignout'] === 'true',
    mapping: toMappingRows(record.attributeMapping),
    identifiers: record.idpIdentifiers.join(', '),
    reason: '',
  };
}

/** A body field (contract or API) → the input that shows it. */
export function idpApiField(field: string): string {
  if (field === 'name' || field === 'type' || field === 'reason') return field;
  if (field.startsWith('details.')) return field;
  if (field.startsWith('attributeMapping')) return 'mapping';
  if (field.startsWith('idpIdentifiers')) return 'identifiers';
  return formLevelError;
}

export const createForm: ContractForm<IdpFormValues> = {
  schema: createIdpBodySchema,
  toBody: (values) => toCreateBody(values),
  fieldOf: idpApiField,
  codeFields: { IDP_EXISTS: 'name' },
};

/**
 * The edit body, and the details the provider would have after it checked by its type's schema. The
 * secrets Cognito holds count as given (they are kept when left blank).
 */
export function editSchema(record: IdpDetail): z.ZodType {
  const typeSchema = idpDetailsSchemas[record.type as IdpType];
  // The secrets Cognito holds: those it names, and the required ones (always set; Describe does not even
  // name Apple's private key).
  const type = record.type as IdpType;
  const required = type === 'SAML' ? [] : detailFields[type].filter((f) => f.secret && f.required);
  const held = Object.fromEntries(
    [...record.secretsSet, ...required.map((f) => f.key)].map((key) => [key, '(kept)']),
  );
  return updateIdpBodySchema.superRefine((body, ctx) => {
    if (!typeSchema) return;
    const merged: Record<string, string> = { ...record.details, ...held, ...(body.details ?? {}) };
    // A SAML provider set up by URL: Cognito may answer the document it read as MetadataFile too.
    if (type === 'SAML' && merged['MetadataURL'] !== undefined) delete merged['MetadataFile'];
    const checked = typeSchema.safeParse(merged);
    if (checked.success) return;
    for (const issue of checked.error.issues)
      ctx.addIssue({ code: 'custom', path: ['details', ...issue.path], message: issue.message });
  });
}

export function editForm(record: IdpDetail): ContractForm<IdpFormValues> {
  return {
    schema: editSchema(record),
    toBody: (values) => toUpdateBody(values, record),
    fieldOf: idpApiField,
  };
}
