import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Permission } from '@poolkeeper/contract';

export const ROUTE_ACCESS = 'poolkeeper:route-access';

/** What a route declares: public, any valid token, or a permission. A route that declares nothing is refused. */
export type RouteAccess =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: Permission };

/** The caller must hold this permission (401 without a valid token, 403 without the permission). */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'permission', permission } satisfies RouteAccess),
    ApiExtension('x-permission', permission),
  );

/** Any valid operator or machine token, whatever its roles (used by GET /api/me so a role-less operator learns why). */
export const Authenticated = () => SetMetadata(ROUTE_ACCESS, { kind: 'authenticated' } satisfies RouteAccess);

/** No token needed. */
export const Public = () => SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);
