import { Admin, Resource } from 'react-admin';
import { AppLayout } from './layout/app-layout';
import { LoginPage } from './layout/login-page';
import { darkTheme, lightTheme } from './layout/theme';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { auditEventsResource } from './resources/audit-events';
import { usersResource } from './resources/users';

/**
 * Menu entries and pages a role may not use are hidden by `authProvider.canAccess` (audit log needs
 * audit.read; create/edit/delete need their users.* permission).
 */
export function App() {
  return (
    <Admin
      title="poolkeeper"
      disableTelemetry
      requireAuth
      loginPage={LoginPage}
      dataProvider={dataProvider}
      authProvider={authProvider}
      layout={AppLayout}
      theme={lightTheme}
      darkTheme={darkTheme}
    >
      <Resource {...usersResource} />
      <Resource {...auditEventsResource} />
    </Admin>
  );
}
