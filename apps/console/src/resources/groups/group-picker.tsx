import { Autocomplete, TextField } from '@mui/material';
import { useGetList } from 'react-admin';
import { GROUPS_PAGE, type GroupRecord } from './groups-provider';
import { precedenceLabel } from './token-role';

/**
 * Picks one of the pool's groups (ListGroups, first page). Groups the user is already in are left out. When
 * the pool has more groups than one page, a group's exact name can be typed too.
 */
export function GroupPicker({
  poolId,
  exclude,
  value,
  onChange,
}: {
  poolId: string;
  exclude: readonly string[];
  value: string | null;
  onChange: (groupName: string | null) => void;
}) {
  const { data, pageInfo, isPending, error } = useGetList<GroupRecord>('groups', {
    pagination: { page: 1, perPage: GROUPS_PAGE },
    sort: { field: '', order: 'ASC' },
    filter: {},
    meta: { poolId },
  });
  const groups = (data ?? []).filter((g) => !exclude.includes(g.groupName));
  const byName = new Map(groups.map((g) => [g.groupName, g]));
  const more = Boolean(pageInfo?.hasNextPage);
  const loadMessage = error instanceof Error ? error.message : undefined;
  return (
    <Autocomplete
      options={groups.map((g) => g.groupName)}
      value={value}
      freeSolo={more}
      autoSelect={more}
      onChange={(_event, next) => onChange(next ? String(next).trim() || null : null)}
      loading={isPending}
      noOptionsText="No other group in this pool"
      renderOption={(props, name) => {
        const { key, ...rest } = props as typeof props & { key: string };
        const group = byName.get(name);
        return (
          <li key={key} {...rest}>
            {group ? `${name} · precedence ${precedenceLabel(group.precedence)}` : name}
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Group"
          required
          autoFocus
          margin="dense"
          error={Boolean(loadMessage)}
          helperText={
            loadMessage ??
            (more
              ? `Showing the first ${GROUPS_PAGE} groups: type a group's exact name to pick another.`
              : 'Lower precedence wins when a user is in several groups.')
          }
        />
      )}
    />
  );
}
