import { Alert, AlertTitle, Box, Button, Toolbar, Typography } from '@mui/material';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import { useListContext, useListPaginationContext } from 'react-admin';

/**
 * Previous / Next paging for cursor-paged lists: Cognito cannot count, so there is no total and no
 * "page 7 of 12" — only the page you are on and whether another follows (react-admin `pageInfo`).
 */
export function CursorPagination() {
  const { page, perPage, hasNextPage, hasPreviousPage, setPage, isPending } = useListPaginationContext();
  if (isPending) return <Toolbar variant="dense" />;
  if (page === 1 && !hasNextPage) return null;
  return (
    <Toolbar
      variant="dense"
      component="nav"
      aria-label="Pagination"
      sx={{ justifyContent: 'flex-end', gap: 2 }}
    >
      <Typography variant="body2" aria-live="polite">
        Page {page} · {perPage} per page
      </Typography>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button
          size="small"
          startIcon={<ChevronLeft />}
          disabled={!hasPreviousPage && page <= 1}
          onClick={() => setPage(Math.max(1, page - 1))}
        >
          Previous page
        </Button>
        <Button
          size="small"
          endIcon={<ChevronRight />}
          disabled={!hasNextPage}
          onClick={() => setPage(page + 1)}
        >
          Next page
        </Button>
      </Box>
    </Toolbar>
  );
}

/** What a list shows when its query failed: the API's plain message and a way to try again. */
export function ListErrorAlert({ title = 'The list could not be loaded' }: { title?: string }) {
  const { error, refetch, isFetching } = useListContext();
  const message = error instanceof Error ? error.message : 'Try again in a moment.';
  return (
    <Alert
      severity="error"
      role="alert"
      sx={{ m: 2 }}
      action={
        <Button color="inherit" size="small" disabled={isFetching} onClick={() => void refetch()}>
          Retry
        </Button>
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {message}
    </Alert>
  );
}
