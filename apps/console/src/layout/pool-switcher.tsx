import type { ChangeEvent } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import DnsIcon from '@mui/icons-material/Dns';
import { useMatch, useNavigate } from 'react-admin';
import { poolIdpsPath, poolUsersPath } from '../common/paths';
import { useCurrentPool } from '../common/use-current-pool';

/**
 * Picks the user pool the user screens work on. On a page that carries a pool (`#/pools/<poolId>/…`)
 * it changes the URL — to the new pool's users, since a user page belongs to the pool it was opened
 * in; elsewhere (the audit log) it only remembers the choice for the next visit (react-admin store).
 */
export function PoolSwitcher() {
  const { pool, urlPoolId, pools, isPending, selectPool } = useCurrentPool();
  const navigate = useNavigate();
  // On a pool's identity providers, the new pool's identity providers (a provider belongs to its pool).
  const onIdps = useMatch({ path: '/pools/:poolId/identity-providers/*', end: false }) !== null;

  if (isPending || pools.length === 0) return null;

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const poolId = event.target.value;
    selectPool(poolId);
    if (urlPoolId !== undefined) navigate(onIdps ? poolIdpsPath(poolId) : poolUsersPath(poolId));
  };

  return (
    <TextField
      select
      id="pool-switcher"
      label="Pool"
      size="small"
      value={pool?.id ?? ''}
      onChange={onChange}
      title="The user pool the user screens work on"
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        input: {
          startAdornment: (
            <InputAdornment position="start" sx={{ color: 'inherit', display: { xs: 'none', sm: 'flex' } }}>
              <DnsIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
      sx={{
        // On a phone: as wide as its longest pool name, shrinking (rather than pushing the other
        // app-bar controls off screen) when the bar is full.
        width: { xs: 'auto', sm: 260 },
        minWidth: 0,
        flex: { xs: '0 1 auto', sm: '0 0 auto' },
        mx: { xs: 1, sm: 2 },
        '& .MuiInputBase-root': {
          color: 'inherit',
          fontWeight: 500,
          // Darker than the app bar, not lighter: white text keeps 4.5:1 (WCAG AA) in both themes.
          backgroundColor: 'rgba(0,0,0,0.22)',
          '&:hover': { backgroundColor: 'rgba(0,0,0,0.3)' },
          '&.Mui-focused': { backgroundColor: 'rgba(0,0,0,0.3)' },
        },
        '& .MuiInputLabel-root, & .MuiInputLabel-root.Mui-focused': { color: 'inherit' },
        '& .MuiFilledInput-underline:before, & .MuiFilledInput-underline:after': {
          borderBottomColor: 'currentColor',
        },
        '& .MuiNativeSelect-icon': { color: 'inherit' },
        '& option': { color: 'text.primary' },
      }}
    >
      {/* A pool id in the URL that poolkeeper does not manage (the page says so). */}
      {!pool && (
        <option value="" disabled>
          Unknown pool
        </option>
      )}
      {pools.map((candidate) => (
        <option key={candidate.id} value={candidate.id}>
          {candidate.name}
        </option>
      ))}
    </TextField>
  );
}
