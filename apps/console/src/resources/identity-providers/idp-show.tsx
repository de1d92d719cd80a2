import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import {
  EditButton,
  Labeled,
  Link,
  ListButton,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useParams,
  useRecordContext,
} from 'react-admin';
import { auditLogPath } from '../../common/paths';
import { DateTimeField } from '../../common/date-time-field';
import { RecordLoadError } from '../../common/record-load-error';
import { usePool } from '../../common/use-current-pool';
import { useCan } from '../../common/use-can';
import { FormSection } from '../users/user-inputs';
import type { IdpRecord } from './identity-providers-provider';
import { IdpAppClients } from './idp-app-clients';
import { IdpDeleteButton } from './idp-delete-button';
import { AttributeMappingTable, ProviderSettingsTable } from './idp-show-tables';
import { idpTypeLabel } from './idp-types';
import { SamlMetadataView } from './saml-metadata-view';

function IdpShowActions({ poolId }: { poolId: string }) {
  const record = useRecordContext<IdpRecord>();
  const allowed = useCan();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 0.5, width: '100%' }}>
      <ListButton label="Back to identity providers" sx={{ mr: 'auto' }} />
      {record && allowed('audit.read') && (
        <Button
          component={Link}
          to={auditLogPath({ poolId, target: record.name, action: 'identity-provider.*' })}
          size="small"
          startIcon={<HistoryIcon />}
        >
          Audit history
        </Button>
      )}
      {record && allowed('identity-providers.write') && <EditButton />}
      {record && allowed('identity-providers.write') && <IdpDeleteButton record={record} poolId={poolId} />}
    </TopToolbar>
  );
}

function IdpTitle() {
  const record = useRecordContext<IdpRecord>();
  return <span>Identity provider {record ? record.name : ''}</span>;
}

function IdentifiersField(_props: { label?: string }) {
  const record = useRecordContext<IdpRecord>();
  const identifiers = record?.idpIdentifiers ?? [];
  if (identifiers.length === 0) return <Typography variant="body2">None</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {identifiers.map((identifier) => (
        <Chip key={identifier} label={identifier} size="small" variant="outlined" />
      ))}
    </Stack>
  );
}

function TypeField(_props: { label?: string }) {
  const record = useRecordContext<IdpRecord>();
  return <Typography variant="body2">{record ? idpTypeLabel(record.type) : ''}</Typography>;
}

/** SAML: what the metadata file says; a URL is read by Cognito, not by poolkeeper. */
function SamlSection() {
  const record = useRecordContext<IdpRecord>();
  if (record?.type !== 'SAML') return null;
  return (
    <Box component="section" aria-labelledby="idp-saml-metadata">
      <FormSection>
        <span id="idp-saml-metadata">SAML metadata</span>
      </FormSection>
      {record.samlMetadata ? (
        <SamlMetadataView metadata={record.samlMetadata} />
      ) : (
        <Typography variant="body2">
          Cognito reads the metadata from {record.details?.['MetadataURL'] ?? 'its URL'}; poolkeeper does not
          fetch it, so its entity id and certificates are not shown.
        </Typography>
      )}
    </Box>
  );
}

/** One identity provider of the pool in the URL (`#/pools/<poolId>/identity-providers/<name>/show`). */
export function IdpShow() {
  const pool = usePool();
  const { id = '' } = useParams<{ id: string }>();
  return (
    <Show
      resource="identity-providers"
      title={<IdpTitle />}
      queryOptions={{ meta: { poolId: pool.id }, onError: () => undefined }}
      error={
        <RecordLoadError
          noun="identity provider"
          name={id}
          poolName={pool.name}
          backLabel="Back to identity providers"
        />
      }
      actions={<IdpShowActions poolId={pool.id} />}
    >
      <SimpleShowLayout>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' },
            gap: 2,
          }}
        >
          <Labeled label="Name">
            <TextField source="name" />
          </Labeled>
          <Labeled label="Type">
            <TypeField />
          </Labeled>
          <Labeled label="Identifiers">
            <IdentifiersField />
          </Labeled>
          <Labeled label="Created">
            <DateTimeField source="createdAt" seconds />
          </Labeled>
          <Labeled label="Updated">
            <DateTimeField source="updatedAt" seconds />
          </Labeled>
        </Box>
        <ProviderSettingsTable />
        <SamlSection />
        <AttributeMappingTable />
        <IdpAppClients poolId={pool.id} />
      </SimpleShowLayout>
    </Show>
  );
}
