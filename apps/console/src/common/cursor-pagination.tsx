import { useEffect, useState } from 'react';
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
  const { meta, isFetching } = useListContext();
  // A reload or a shared link on page N: the cursor of page N is gone (it lived in the tab that paged
  // there), so the data provider served page 1 (`meta.page`). Say so, and be on page 1.
  const served = typeof meta?.page === 'number' ? (meta.page as number) : page;
  const [restartedFrom, setRestartedFrom] = useState<number | null>(null);
  useEffect(() => {
    if (!isFetching && served !== page) {
      setRestartedFrom(page);
      setPage(served);
    }
  }, [isFetching, served, page, setPage]);
  const notice = restartedFrom ? (
    <Alert severity="info" role="status" sx={{ mx: 2, my: 1 }} onClose={() => setRestartedFrom(null)}>
      Page {restartedFrom} cannot be reopened from a link or a reload: Cognito pages only forward from the
      first page. Showing page 1.
    </Alert>
  ) : null;
  if (isPending) return <Toolbar variant="dense" />;
  if (page === 1 && !hasNextPage) return notice;
  return (
    <>
      {notice}
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
            onClick={() => {
              setRestartedFrom(null);
              setPage(page + 1);
            }}
          >
            Next page
          </Button>
        </Box>
      </Toolbar>
    </>
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
