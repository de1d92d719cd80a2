import type { ReactNode } from 'react';
import { Box, CircularProgress, Typography } from '@mui/material';
import { useListContext } from 'react-admin';

/**
 * A list's rows only when they answer its current filters and page: while a new search (or page) loads,
 * react-admin keeps the previous rows as placeholder data — rows that do not match the search box. Show
 * that the list is loading instead.
 */
export function FreshRows({ children, loadingText }: { children: ReactNode; loadingText: string }) {
  const { isPlaceholderData } = useListContext();
  if (!isPlaceholderData) return <>{children}</>;
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2, py: 4 }}>
      <CircularProgress size={20} aria-hidden />
      <Typography variant="body2">{loadingText}</Typography>
    </Box>
  );
}
