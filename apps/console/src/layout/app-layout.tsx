import type { ReactNode } from 'react';
import { AppBar, Layout, TitlePortal } from 'react-admin';
import { PoolSwitcher } from './pool-switcher';
import { SignedInAs } from './signed-in-as';

function PoolkeeperAppBar() {
  return (
    <AppBar>
      <TitlePortal />
      <PoolSwitcher />
      <SignedInAs />
    </AppBar>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return <Layout appBar={PoolkeeperAppBar}>{children}</Layout>;
}
