import HubIcon from '@mui/icons-material/Hub';
import { List, TextField } from 'react-admin';
import { CursorPagination, ListErrorAlert } from '../../common/cursor-pagination';
import { EmptyState } from '../../common/list-states';
import { ResponsiveDatagrid } from '../../common/responsive-list';

/** The identity pools that federate a managed user pool (the API shows no others). */
export function IdentityPoolList() {
  return (
    <List
      resource="identity-pools"
      title="Identity pools"
      perPage={60}
      sort={{ field: '', order: 'ASC' }}
      pagination={<CursorPagination />}
      queryOptions={{ onError: () => undefined }}
      error={<ListErrorAlert title="The identity pools could not be loaded" />}
      exporter={false}
      empty={
        <EmptyState
          icon={<HubIcon />}
          title="No identity pools federate a managed user pool."
          hint="An identity pool appears here once one of its Cognito user-pool providers is a pool poolkeeper manages."
        />
      }
    >
      <ResponsiveDatagrid rowClick="show" bulkActionButtons={false} aria-label="Identity pools">
        <TextField source="name" sortable={false} />
        <TextField source="id" label="Identity pool id" sortable={false} />
      </ResponsiveDatagrid>
    </List>
  );
}
