import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { AppBar, Layout, LoadingIndicator, ToggleThemeButton } from 'react-admin';
import { AppMenu } from './app-menu';
import { PageHeading } from './page-heading';
import { PoolSwitcher } from './pool-switcher';
import { SignedInAs } from './signed-in-as';

function PoolkeeperAppBar() {
  return (
    <AppBar
      userMenu={false}
      toolbar={
        <>
          <ToggleThemeButton />
          <LoadingIndicator />
          <SignedInAs />
        </>
      }
    >
      {/* The page's title is its <h1>, at the top of the content (PageHeading); here only the product. */}
      <Typography
        component="span"
        variant="h6"
        color="inherit"
        sx={{ display: { xs: 'none', sm: 'block' }, whiteSpace: 'nowrap' }}
      >
        poolkeeper
      </Typography>
      <Box sx={{ flex: 1 }} />
      <PoolSwitcher />
    </AppBar>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={PoolkeeperAppBar} menu={AppMenu}>
      <PageHeading />
      {children}
    </Layout>
  );
}
