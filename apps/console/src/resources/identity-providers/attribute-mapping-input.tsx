import { useMemo } from 'react';
import { Typography } from '@mui/material';
import { ArrayInput, AutocompleteInput, SimpleFormIterator, TextInput } from 'react-admin';
import { customAttributeName, standardAttributeNames } from '@poolkeeper/contract';
import { usePoolAttributes } from '../users/use-pool-attributes';

/** Attributes Cognito fills itself and that no provider claim can be mapped to. */
const notMappable = new Set(['sub', 'identities']);

/**
 * The attribute-mapping editor: rows of user-pool attribute ↔ provider claim, the pool's schema attributes
 * offered (standard ones and the pool's custom attributes), rows added and removed freely.
 */
export function AttributeMappingInput() {
  const { customAttributes } = usePoolAttributes();
  const choices = useMemo(
    () => [
      ...standardAttributeNames.filter((name) => !notMappable.has(name)).map((name) => ({ id: name, name })),
      ...customAttributes.map((raw) => customAttributeName(raw) ?? raw).map((name) => ({ id: name, name })),
    ],
    [customAttributes],
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
