import {
  Box,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
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
import { usePool } from '../../common/use-current-pool';
import { useCan } from '../../common/use-can';
import { auditFilterOfUser } from '../audit-events/audit-subject';
import { UserGroupsSection } from '../groups/user-groups-section';
import type { UserRecord } from './users-provider';
import { UserActions } from './user-actions';
import { UserSupportActions } from './user-support-actions';
import { RecordLoadError } from '../../common/record-load-error';
import { DateTimeField } from '../../common/date-time-field';
import { CognitoStatusNote, UserStatusField } from './user-fields';
import { SignInHistorySection } from './sign-in-history-section';
import { UserMfaPanel } from './user-mfa-panel';

function UserShowActions({ poolId }: { poolId: string }) {
  const record = useRecordContext<UserRecord>();
  const allowed = useCan();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 0.5, width: '100%' }}>
      <ListButton label="Back to users" sx={{ mr: 'auto' }} />
      {record && allowed('audit.read') && (
        <Button
          component={Link}
          to={auditLogPath(auditFilterOfUser({ poolId, username: record.username }))}
          size="small"
          startIcon={<HistoryIcon />}
        >
          Audit history
        </Button>
      )}
      {record && allowed('users.update') && <EditButton />}
      {record && <UserSupportActions record={record} poolId={poolId} />}
      {record && <UserActions record={record} poolId={poolId} />}
    </TopToolbar>
  );
}

function UserTitle() {
  const record = useRecordContext<UserRecord>();
  return <span>User {record ? record.username : ''}</span>;
}

function GroupsField(_props: { label?: string }) {
  const record = useRecordContext<UserRecord>();
  const groups = record?.groups ?? [];
  if (groups.length === 0) return <Typography variant="body2">No groups</Typography>;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      {groups.map((group) => (
        <Chip key={group} label={group} size="small" />
      ))}
    </Stack>
  );
}

function MfaField(_props: { label?: string }) {
  const record = useRecordContext<UserRecord>();
  const enabled = record?.mfa?.enabled ?? [];
  if (enabled.length === 0) return <Typography variant="body2">Not set up</Typography>;
  const preferred = record?.mfa?.preferred;
  return (
    <Typography variant="body2">
      {enabled.join(', ')}
      {preferred ? ` (preferred: ${preferred})` : ''}
    </Typography>
  );
}

function AttributesTable(_props: { label?: string }) {
  const record = useRecordContext<UserRecord>();
  const entries = Object.entries(record?.attributes ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <Typography variant="body2">No attributes</Typography>;
  return (
    <Table
      size="small"
      aria-label="Attributes"
      sx={{ maxWidth: 720, '& th:first-of-type, & td:first-of-type': { pl: 0 } }}
    >
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Attribute
          </TableCell>
          <TableCell component="th" scope="col">
            Value
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(([name, value]) => (
          <TableRow key={name}>
            <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace' }}>
              {name}
            </TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One user of the pool in the URL (`#/pools/<poolId>/users/<username>/show`). */
export function UserShow() {
  const pool = usePool();
  const { id = '' } = useParams<{ id: string }>();
  return (
    <Show
      resource="users"
      title={<UserTitle />}
      // A failed load is shown in place (RecordLoadError), not as a toast and a jump to the list.
      queryOptions={{ meta: { poolId: pool.id }, onError: () => undefined }}
      error={<RecordLoadError noun="user" name={id} poolName={pool.name} backLabel="Back to users" />}
      actions={<UserShowActions poolId={pool.id} />}
    >
      <SimpleShowLayout>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' },
            gap: 2,
          }}
        >
          <Labeled label="Username">
            <TextField source="username" />
          </Labeled>
          <Labeled label="Status">
            <>
              <UserStatusField />
              <CognitoStatusNote />
            </>
          </Labeled>
          <Labeled label="Email">
            <TextField source="email" emptyText="—" />
          </Labeled>
          <Labeled label="Phone number">
            <TextField source="phoneNumber" emptyText="—" />
          </Labeled>
          <Labeled label="Name">
            <TextField source="name" emptyText="—" />
          </Labeled>
          <Labeled label="Created">
            <DateTimeField source="createdAt" seconds />
          </Labeled>
          <Labeled label="Updated">
            <DateTimeField source="updatedAt" seconds />
          </Labeled>
          <Labeled label="Sub">
            <TextField source="sub" emptyText="—" />
          </Labeled>
          <Labeled label="Groups">
            <GroupsField />
          </Labeled>
          <Labeled label="MFA">
            <MfaField />
          </Labeled>
        </Box>
        <Labeled label="All attributes (including custom)">
          <AttributesTable />
        </Labeled>
        <UserMfaPanel />
        <UserGroupsSection poolId={pool.id} />
        <SignInHistorySection />
      </SimpleShowLayout>
    </Show>
  );
}
