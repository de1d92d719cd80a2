import { useEffect, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useGetList } from 'react-admin';
import type { UserRecord } from '../users/users-provider';

const SHOWN = 20;

/**
 * Picks one of the pool's users: type the start of a username (or of an email, with an @), as the users list
 * searches (ListUsers prefix filter). Only a user found in the pool can be picked.
 */
export function UserPicker({
  poolId,
  value,
  onChange,
  error,
}: {
  poolId: string;
  value: string | null;
  onChange: (username: string | null) => void;
  error?: string;
}) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const attribute = search.includes('@') ? 'email' : 'username';
  const {
    data,
    isFetching,
    error: loadError,
  } = useGetList<UserRecord>(
    'users',
    {
      pagination: { page: 1, perPage: SHOWN },
      sort: { field: '', order: 'ASC' },
      filter: { search, attribute, match: 'prefix' },
      meta: { poolId },
    },
    { enabled: search.length > 0 },
  );
  const users = search ? (data ?? []) : [];
  const options = users.map((u) => u.username);
  if (value && !options.includes(value)) options.unshift(value);
  const emailOf = new Map(users.map((u) => [u.username, u.email]));
  const loadMessage = loadError instanceof Error ? loadError.message : undefined;

  return (
    <Autocomplete
      options={options}
      value={value}
      onChange={(_event, next) => onChange(next)}
      inputValue={typed}
      onInputChange={(_event, next) => setTyped(next)}
      filterOptions={(all) => all}
      loading={isFetching}
      noOptionsText={
        search ? 'No user of this pool starts with that' : 'Type the start of a username or email'
      }
      getOptionLabel={(username) => username}
      renderOption={(props, username) => {
        const { key, ...rest } = props as typeof props & { key: string };
        const email = emailOf.get(username);
        return (
          <li key={key} {...rest}>
            {email ? `${username} · ${email}` : username}
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label="User"
          required
          autoFocus
          margin="dense"
          error={Boolean(error ?? loadMessage)}
          helperText={
            error ?? loadMessage ?? 'Search by the start of the username, or of the email (with an @).'
          }
        />
      )}
    />
  );
}
