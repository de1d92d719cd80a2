import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { isSecretKey } from '@poolkeeper/contract';
import { FormSection } from '../users/user-inputs';
import type { IdpRecord } from './identity-providers-provider';
import { detailFields, isIdpType, secretState } from './idp-types';

const cellSx = { '& th:first-of-type, & td:first-of-type': { pl: 0 } };

/** The label of a ProviderDetails key in the words of the type's form, else the key itself. */
function labelOf(type: string, key: string): string {
  if (!isIdpType(type) || type === 'SAML') return key;
  return detailFields[type].find((field) => field.key === key)?.label ?? key;
}

/**
 * The provider's settings as Cognito holds them. Secrets are write-only: the table says whether one is
 * set, never what it is (the API does not return them). The SAML metadata file is summarised below.
 */
export function ProviderSettingsTable() {
  const record = useRecordContext<IdpRecord>();
  if (!record) return null;
  const details = Object.entries(record.details ?? {})
    .filter(([key]) => !isSecretKey(key))
    .sort(([a], [b]) => a.localeCompare(b));
  const secrets = secretState(record.type, record.secretsSet ?? []);
  return (
    <>
      <FormSection>Provider settings</FormSection>
      <Table size="small" aria-label="Provider settings" sx={{ maxWidth: 820, ...cellSx }}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Setting
            </TableCell>
            <TableCell component="th" scope="col">
              Value
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {details.map(([key, value]) => (
            <TableRow key={key}>
              <TableCell component="th" scope="row">
                {labelOf(record.type, key)}
                {labelOf(record.type, key) !== key && ' '}
                {labelOf(record.type, key) !== key && (
                  <Typography variant="caption" component="span" color="text.secondary" sx={{ ml: 1 }}>
                    {key}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>
                {key === 'MetadataFile' ? `Uploaded file (${value.length} characters)` : value}
              </TableCell>
            </TableRow>
          ))}
          {secrets.map(({ key, set }) => (
            <TableRow key={key}>
              <TableCell component="th" scope="row">
                {labelOf(record.type, key)}
              </TableCell>
              <TableCell data-testid={`secret-${key}`}>
                {set ? 'Set (write-only: never shown)' : 'Not set'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** User-pool attribute ↔ provider claim, as Cognito fills the user at each federated sign-in. */
export function AttributeMappingTable() {
  const record = useRecordContext<IdpRecord>();
  if (!record) return null;
  const entries = Object.entries(record.attributeMapping ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <FormSection>Attribute mapping</FormSection>
      {entries.length === 0 ? (
        <Typography variant="body2">No attribute is mapped: users get only their username.</Typography>
      ) : (
        <Table size="small" aria-label="Attribute mapping" sx={{ maxWidth: 820, ...cellSx }}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                User pool attribute
              </TableCell>
              <TableCell component="th" scope="col">
                Provider claim
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map(([attribute, claim]) => (
              <TableRow key={attribute}>
                <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace' }}>
                  {attribute}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>{claim}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
