import { useEffect, useMemo, useState } from 'react';
import { Autocomplete, Box, Chip, TextField, Typography } from '@mui/material';
import { useInfiniteGetList } from 'react-admin';
import { roleNameOfArn } from '@poolkeeper/contract';
import type { IamRoleRecord } from './identity-pools-provider';

const MORE = '\u0000more';
const PAGE = 20;

/**
 * An IAM role picker over ListRoles (`GET /iam/roles`): type to search by name, pages of 20 with a
 * "More roles…" option at the end of the list (keyboard: arrow down to it, Enter). Each role says whether
 * it trusts this identity pool for `amr`; the picked role's record is handed up with its trust check.
 */
export function IamRolePicker({
  label,
  value,
  identityPoolId,
  amr,
  onChange,
  error,
}: {
  label: string;
  value: string;
  identityPoolId: string;
  amr: 'authenticated' | 'unauthenticated';
  onChange: (arn: string, role: IamRoleRecord | null) => void;
  error?: string;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const {
    data,
    hasNextPage,
    fetchNextPage,
    isFetching,
    error: loadError,
  } = useInfiniteGetList<IamRoleRecord>(
    'iam-roles',
    { pagination: { page: 1, perPage: PAGE }, filter: { search, identityPoolId } },
    { enabled: open },
  );
  const roles = useMemo(() => data?.pages.flatMap((p) => p.data) ?? [], [data]);
  const byArn = useMemo(() => new Map(roles.map((r) => [r.arn, r])), [roles]);
  const options = [...roles.map((r) => r.arn), ...(hasNextPage ? [MORE] : [])];
  // The current role is offered too (MUI wants the value among the options), except in a search's results.
  if (value && !search && !options.includes(value)) options.unshift(value);

  return (
    <Autocomplete
      open={open}
      onOpen={() => setOpen(true)}
      onClose={(_event, reason) => {
        if (reason !== 'selectOption') setOpen(false);
      }}
      value={value || null}
      options={options}
      filterOptions={(x) => x}
      loading={isFetching}
      getOptionLabel={(arn) => (arn === MORE ? 'More roles…' : (roleNameOfArn(arn) ?? arn))}
      isOptionEqualToValue={(a, b) => a === b}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setTyped(text);
        if (reason === 'clear') setTyped('');
      }}
      onChange={(_event, arn) => {
        if (arn === MORE) {
          void fetchNextPage();
          return;
        }
        setOpen(false);
        setTyped('');
        onChange(arn ?? '', arn ? (byArn.get(arn) ?? null) : null);
      }}
      noOptionsText={loadError ? 'The roles could not be loaded.' : 'No role matches.'}
      renderOption={(props, arn) => {
        const { key, ...rest } = props as typeof props & { key: string };
        if (arn === MORE)
          return (
            <li key={key} {...rest}>
              <Typography variant="body2" color="primary">
                More roles…
              </Typography>
            </li>
          );
        const role = byArn.get(arn);
        const trusted = role?.trust ? role.trust[amr] : null;
        return (
          <li key={key} {...rest}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', width: '100%' }}>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="body2">{roleNameOfArn(arn) ?? arn}</Typography>
                {role?.description && (
                  <Typography variant="caption" color="text.secondary">
                    {role.description}
                  </Typography>
                )}
              </Box>
              {trusted !== null && (
                <Chip
                  size="small"
                  variant="outlined"
                  color={trusted ? 'success' : 'warning'}
                  label={trusted ? 'Trusts this pool' : 'Not trusted'}
                />
              )}
            </Box>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={Boolean(error)}
          helperText={error ?? (value ? value : 'Type to search IAM roles by name.')}
          margin="dense"
        />
      )}
      sx={{ minWidth: 280, flex: 1 }}
    />
  );
}
