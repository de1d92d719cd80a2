import type { ReactNode } from 'react';
import { Alert, AlertTitle, Box } from '@mui/material';
import { Loading, Title, usePermissions } from 'react-admin';
import { can, type Permission } from '@poolkeeper/contract';

/**
 * Renders `children` only for an operator who holds `permission` (the contract's role table, from
 * `GET /api/me`): a screen a role cannot read is never mounted, so it never asks the API (and gets 403).
 */
export function RequirePermission({
  permission,
  title,
  children,
}: {
  permission: Permission;
  title: string;
  children: ReactNode;
}) {
  const { permissions, isPending } = usePermissions<Permission[]>();
  if (isPending) return <Loading />;
  if (can(permissions ?? [], permission)) return <>{children}</>;
  return (
    <Box sx={{ m: 2 }}>
      <Title title={title} />
      <Alert severity="info" role="alert">
        <AlertTitle>Your role is not allowed to open this page</AlertTitle>
        It needs the permission “{permission}”. Ask an administrator if you need it.
      </Alert>
    </Box>
  );
}
