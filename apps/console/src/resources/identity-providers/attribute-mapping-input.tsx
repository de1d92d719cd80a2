import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { Typography } from '@mui/material';
import { ArrayInput, AutocompleteInput, SimpleFormIterator, TextInput } from 'react-admin';
import { customAttributeName, standardAttributeNames } from '@poolkeeper/contract';
import { usePoolAttributes } from '../users/use-pool-attributes';
import type { MappingRow } from './idp-forms';

/** Attributes Cognito fills itself and that no provider claim can be mapped to. */
const notMappable = new Set(['sub', 'identities']);

/**
 * The attributes offered: `username` (OIDC and social providers map it, `sub` by default), the pool's
 * standard and custom schema attributes, and whatever the provider already maps (kept selectable).
 */
export function mappingChoices(customAttributes: readonly string[], mapped: readonly string[]) {
  const names = [
    'username',
    ...standardAttributeNames.filter((name) => !notMappable.has(name)),
    ...customAttributes.map((raw) => customAttributeName(raw) ?? raw),
    ...mapped.filter(Boolean),
  ];
  return [...new Set(names)].map((name) => ({ id: name, name }));
}

/**
 * The attribute-mapping editor: rows of user-pool attribute ↔ provider claim, the pool's schema attributes
 * offered (standard ones and the pool's custom attributes), rows added and removed freely.
 */
export function AttributeMappingInput() {
  const { customAttributes } = usePoolAttributes();
  const rows = useWatch({ name: 'mapping' }) as MappingRow[] | undefined;
  const mapped = (rows ?? []).map((row) => row?.attribute ?? '').join('\n');
  const choices = useMemo(
    () => mappingChoices(customAttributes, mapped.split('\n')),
    [customAttributes, mapped],
  );
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Which claim (or SAML attribute) of the provider fills each attribute of the user pool at sign-in.
      </Typography>
      <ArrayInput source="mapping" label="Attribute mapping" helperText={false}>
        <SimpleFormIterator inline disableReordering disableClear addButton={undefined}>
          <AutocompleteInput
            source="attribute"
            label="User pool attribute"
            choices={choices}
            helperText={false}
            sx={{ minWidth: 240 }}
          />
          <TextInput source="claim" label="Provider claim" helperText={false} sx={{ minWidth: 280 }} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
