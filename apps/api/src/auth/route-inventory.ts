import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ROUTE_ACCESS, type RouteAccess } from './access.decorators';

export interface RouteEntry {
  controller: string;
  handler: string;
  method: string;
  path: string;
  access: RouteAccess | null;
}

/** Every HTTP route of every controller in the app, with what it declares (null = nothing: a bug). */
export function routeInventory(app: INestApplicationContext): RouteEntry[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (!type) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    for (const name of scanner.getAllMethodNames(type.prototype)) {
      const handler = (type.prototype as Record<string, unknown>)[name] as object;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (method === undefined || sub === undefined) continue;
      const access = (Reflect.getMetadata(ROUTE_ACCESS, handler) ??
        Reflect.getMetadata(ROUTE_ACCESS, type) ??
        null) as RouteAccess | null;
      routes.push({
        controller: type.name,
        handler: name,
        method: RequestMethod[method],
        path: joinPath(base, sub),
        access,
      });
    }
  }
  return routes;
}

function joinPath(base: string, sub: string): string {
  return `/${[base, sub]
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

/**
 * A route that changes nothing: a GET, or a route of another method (a read whose input does not fit a query
 * string, e.g. POST …/which-role/preview) that declares a `.read` permission. Every other route is a mutation
 * and must audit (audit-invariant.spec.ts); the read-only non-GET ones are called there too, to prove they
 * neither write nor audit.
 */
export function changesNothing(route: RouteEntry): boolean {
  if (route.method === 'GET') return true;
  return route.access?.kind === 'permission' && route.access.permission.endsWith('.read');
}
