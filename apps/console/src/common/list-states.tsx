import type { ReactNode } from 'react';
import { Box, Button, Typography } from '@mui/material';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { useListContext } from 'react-admin';

/** A list's "nothing here" panel: an icon, one sentence, a hint, and what to do next. */
export function EmptyState({
  icon,
  title,
  hint,
  action,
}: {
  icon: ReactNode;
  title: string;
  hint?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Box
      role="status"
      sx={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        textAlign: 'center',
        gap: 1,
        px: 2,
        py: 6,
        color: 'text.secondary',
        '& > svg': { fontSize: 48, color: 'action.disabled' },
      }}
    >
      {icon}
      <Typography variant="h6" component="p" color="text.primary">
        {title}
      </Typography>
      {hint && (
        <Typography variant="body2" component="p" sx={{ maxWidth: 480 }}>
          {hint}
        </Typography>
      )}
      {action && <Box sx={{ mt: 1 }}>{action}</Box>}
    </Box>
  );
}

/** Shown inside a list when filters match nothing: says so and offers to clear them. */
export function NoMatches({ title, hint }: { title: string; hint?: ReactNode }) {
  const { filterValues, setFilters } = useListContext();
  const filtered = Object.keys(filterValues ?? {}).length > 0;
  return (
    <EmptyState
      icon={<SearchOffIcon />}
      title={title}
      hint={hint}
      action={
        filtered ? (
          <Button variant="outlined" onClick={() => setFilters({}, [])}>
            Clear filters
          </Button>
        ) : undefined
      }
    />
  );
}
