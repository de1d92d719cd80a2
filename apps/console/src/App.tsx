import { Admin, CustomRoutes, Navigate, Resource } from 'react-admin';
import { Route } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { LoginPage } from './layout/login-page';
import { darkTheme, lightTheme } from './layout/theme';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { auditEventsResource } from './resources/audit-events';
import { groupScreens, groupsResource } from './resources/groups';
import { identityPoolsResource } from './resources/identity-pools';
import { identityProviderScreens, identityProvidersResource } from './resources/identity-providers';
import { PoolMfaSettingsPage } from './resources/mfa';
import { PoolScope } from './resources/pools/pool-scope';
import { ToCurrentPool } from './resources/pools/to-current-pool';
import { userScreens, usersResource } from './resources/users';

/**
 * Menu entries and pages a role may not use are hidden by `authProvider.canAccess` (audit log needs
 * audit.read; create/edit/delete need their users.* permission).
 *
 * Users live in their pool's URL, `#/pools/<poolId>/users/…` (see PoolScope); the `users` resource is
 * registered at the top level for its definition (label, icon, record representation) and answers
 * `#/users…`, older links, by sending them to the current pool.
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
      <Resource {...identityPoolsResource} />
      <Resource {...identityProvidersResource} />
      <Resource {...groupsResource} />
      <CustomRoutes>
        <Route
          path="/pools/:poolId/users/*"
          element={
            <PoolScope>
              <Resource name="users" {...userScreens}>
                {/* react-admin sends these to `<basename>/…`: show its own pages. */}
                <Route path="access-denied" element={<Navigate to="/access-denied" replace />} />
                <Route
                  path="authentication-error"
                  element={<Navigate to="/authentication-error" replace />}
                />
              </Resource>
            </PoolScope>
          }
        />
        <Route
          path="/pools/:poolId/groups/*"
          element={
            <PoolScope>
              <Resource name="groups" {...groupScreens}>
                <Route path="access-denied" element={<Navigate to="/access-denied" replace />} />
                <Route
                  path="authentication-error"
                  element={<Navigate to="/authentication-error" replace />}
                />
              </Resource>
            </PoolScope>
          }
        />
        <Route
          path="/pools/:poolId/identity-providers/*"
          element={
            <PoolScope>
              <Resource name="identity-providers" {...identityProviderScreens}>
                <Route path="access-denied" element={<Navigate to="/access-denied" replace />} />
                <Route
                  path="authentication-error"
                  element={<Navigate to="/authentication-error" replace />}
                />
              </Resource>
            </PoolScope>
          }
        />
        <Route path="/pools/:poolId/mfa" element={<PoolMfaSettingsPage />} />
        <Route path="/pools/:poolId" element={<Navigate to="users" replace />} />
        <Route path="/pools" element={<ToCurrentPool />} />
      </CustomRoutes>
    </Admin>
  );
}
