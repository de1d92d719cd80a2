import type { ChangeEvent } from 'react';
import { TextField } from '@mui/material';
import { useLocation, useNavigate } from 'react-admin';
import { useCurrentPool } from '../common/use-current-pool';

/** Picks the user pool the user screens work on; the choice survives reloads (react-admin store). */
export function PoolSwitcher() {
  const { pool, pools, isPending, selectPool } = useCurrentPool();
  const location = useLocation();
  const navigate = useNavigate();

  if (isPending || pools.length === 0) return null;

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    selectPool(event.target.value);
    // A user page belongs to the pool it was opened in: go back to the list of the new pool.
    if (location.pathname.startsWith('/users/')) navigate('/users');
  };

  return (
    <TextField
      select
      id="pool-switcher"
      label="Pool"
      size="small"
      value={pool?.id ?? ''}
      onChange={onChange}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{
        width: 240,
        flex: '0 0 auto',
        mx: 2,
        '& .MuiInputBase-root': { color: 'inherit', backgroundColor: 'rgba(255,255,255,0.12)' },
        '& .MuiInputLabel-root': { color: 'inherit' },
        '& .MuiNativeSelect-icon': { color: 'inherit' },
        '& option': { color: 'text.primary' },
      }}
    >
      {pools.map((candidate) => (
        <option key={candidate.id} value={candidate.id}>
          {candidate.name}
        </option>
      ))}
    </TextField>
  );
}
