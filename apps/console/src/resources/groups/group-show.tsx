import { Box, Button } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import {
  EditButton,
  FunctionField,
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
import type { GroupRecord } from './groups-provider';
import { DeleteGroupButton } from './delete-group-button';
import { GroupMembers } from './group-members';
import { precedenceLabel } from './token-role';

function GroupShowActions({ poolId }: { poolId: string }) {
  const record = useRecordContext<GroupRecord>();
  const allowed = useCan();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 0.5, width: '100%' }}>
      <ListButton label="Back to groups" sx={{ mr: 'auto' }} />
      {record && allowed('audit.read') && (
        <Button
          component={Link}
          to={auditLogPath({ poolId, target: record.groupName })}
          size="small"
          startIcon={<HistoryIcon />}
        >
          Audit history
        </Button>
      )}
      {record && allowed('groups.manage') && <EditButton label="Edit group" />}
      {record && allowed('groups.manage') && <DeleteGroupButton record={record} poolId={poolId} />}
    </TopToolbar>
  );
}

function GroupTitle() {
  const record = useRecordContext<GroupRecord>();
  return <span>Group {record ? record.groupName : ''}</span>;
}

function Members({ poolId }: { poolId: string }) {
  const record = useRecordContext<GroupRecord>();
  if (!record) return null;
  return <GroupMembers poolId={poolId} groupName={record.groupName} />;
}

/** One group of the pool in the URL (`#/pools/<poolId>/groups/<groupName>/show`) and its members. */
export function GroupShow() {
  const pool = usePool();
  const { id = '' } = useParams<{ id: string }>();
  return (
    <Show
      resource="groups"
      title={<GroupTitle />}
      queryOptions={{ meta: { poolId: pool.id }, onError: () => undefined }}
      error={<RecordLoadError noun="group" name={id} poolName={pool.name} backLabel="Back to groups" />}
      actions={<GroupShowActions poolId={pool.id} />}
    >
      <SimpleShowLayout>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' },
            gap: 2,
          }}
        >
          <Labeled label="Group name">
            <TextField source="groupName" />
          </Labeled>
          <Labeled label="Precedence">
            <FunctionField<GroupRecord> render={(record) => precedenceLabel(record.precedence)} />
          </Labeled>
          <Labeled label="IAM role">
            <TextField source="roleArn" emptyText="None" sx={{ wordBreak: 'break-all' }} />
          </Labeled>
          <Labeled label="Description">
            <TextField source="description" emptyText="—" />
          </Labeled>
          <Labeled label="Created">
            <DateTimeField source="createdAt" seconds />
          </Labeled>
          <Labeled label="Updated">
            <DateTimeField source="updatedAt" seconds />
          </Labeled>
        </Box>
        <Members poolId={pool.id} />
      </SimpleShowLayout>
    </Show>
  );
}
