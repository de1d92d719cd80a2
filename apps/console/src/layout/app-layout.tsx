import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { AppBar, Layout, LoadingIndicator, TitlePortal, ToggleThemeButton } from 'react-admin';
import { AppMenu } from './app-menu';
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
      <TitlePortal sx={{ minWidth: 0, display: { xs: 'none', sm: 'block' } }} />
      {/* On a phone the title gives way to the pool switcher. */}
      <Box sx={{ flex: 1, display: { xs: 'block', sm: 'none' } }} />
      <PoolSwitcher />
    </AppBar>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={PoolkeeperAppBar} menu={AppMenu}>
      {children}
    </Layout>
  );
}
