import type { MouseEvent } from 'react';
import { Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import HubOutlinedIcon from '@mui/icons-material/HubOutlined';
import { CreateButton, Datagrid, Link, List, TopToolbar, useCreatePath, useRecordContext } from 'react-admin';
import { ListErrorAlert } from '../../common/cursor-pagination';
import { EmptyState } from '../../common/list-states';
import { usePool } from '../../common/use-current-pool';
import { useCan } from '../../common/use-can';
import type { IdpRecord } from './identity-providers-provider';
import { idpTypeLabel } from './idp-types';

function IdpListActions() {
  const allowed = useCan();
  return (
    <TopToolbar>
      {allowed('identity-providers.write') && <CreateButton label="Add provider" icon={<AddIcon />} />}
    </TopToolbar>
  );
}

function IdpsEmpty({ poolName }: { poolName: string }) {
  const allowed = useCan();
  return (
    <EmptyState
      icon={<HubOutlinedIcon />}
      title={`${poolName} has no identity providers yet.`}
      hint="Users of this pool sign in with a Cognito password only. Add a SAML, OIDC or social provider to let them federate."
      action={
        allowed('identity-providers.write') ? (
          <CreateButton label="Add provider" variant="contained" icon={<AddIcon />} />
        ) : undefined
      }
    />
  );
}

/** The provider's name as a real link (keyboard: Tab, Enter). */
function NameField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<IdpRecord>();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource: 'identity-providers', id: record.id, type: 'show' })}
      underline="hover"
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ fontWeight: 500 }}
    >
      {record.name}
    </MuiLink>
  );
}

function TypeField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<IdpRecord>();
  return <Typography variant="body2">{record ? idpTypeLabel(record.type) : ''}</Typography>;
}

function ChipsOrDash({ items }: { items: string[] }) {
  if (items.length === 0)
    return (
      <Typography variant="body2" component="span">
        —
      </Typography>
    );
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {items.map((item) => (
        <Chip key={item} label={item} size="small" variant="outlined" />
      ))}
    </Stack>
  );
}

function IdentifiersField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<IdpRecord>();
  return <ChipsOrDash items={record?.idpIdentifiers ?? []} />;
}

function ClientsField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<IdpRecord>();
  return <ChipsOrDash items={(record?.clients ?? []).map((c) => c.name || c.clientId)} />;
}

/** The identity providers of the pool in the URL. */
export function IdpList() {
  const pool = usePool();
  return (
    <List
      resource="identity-providers"
      storeKey={`identity-providers.${pool.id}`}
      title={`Identity providers · ${pool.name}`}
      queryOptions={{ meta: { poolId: pool.id }, onError: () => undefined }}
      perPage={1000}
      sort={{ field: '', order: 'ASC' }}
      pagination={false}
      actions={<IdpListActions />}
      empty={<IdpsEmpty poolName={pool.name} />}
      error={<ListErrorAlert title="The identity providers could not be loaded" />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} aria-label="Identity providers">
        <NameField label="Name" sortable={false} />
        <TypeField label="Type" sortable={false} />
        <IdentifiersField label="Identifiers" sortable={false} />
        <ClientsField label="App clients using it" sortable={false} />
      </Datagrid>
    </List>
  );
}
