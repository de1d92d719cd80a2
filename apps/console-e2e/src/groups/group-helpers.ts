import type { APIRequestContext, Page } from '@playwright/test';
import { accessTokenOf, demoPoolIdOf, expect, poolUsersUrl } from '../support/fixtures';

/** A group name no other spec (or earlier run against the same stack) uses. */
export function uniqueGroupName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const roleArn = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

/** The console's address of a pool's groups, and of one group (see apps/console/src/common/paths.ts). */
export function groupsUrl(poolId: string): string {
  return poolUsersUrl(poolId).replace(/\/users$/, '/groups');
}

export function groupUrl(poolId: string, groupName: string): string {
  return `${groupsUrl(poolId)}/${encodeURIComponent(groupName)}/show`;
}

/** The API as the operator signed in on `page`, on the demo pool. */
async function demoApi(page: Page, request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${await accessTokenOf(page)}` };
  const poolId = await demoPoolIdOf(page, request);
  return { headers, base: `/api/pools/${encodeURIComponent(poolId)}/groups` };
}

/** Creates a group in the demo pool through the API (specs arrange their own groups). */
export async function createDemoGroup(
  page: Page,
  request: APIRequestContext,
  group: { groupName: string; precedence?: number; roleArn?: string; description?: string },
): Promise<void> {
  const { headers, base } = await demoApi(page, request);
  const created = await request.post(base, { headers, data: { ...group, reason: 'e2e arrange' } });
  expect(created.status(), await created.text()).toBe(201);
}

export async function addDemoMember(
  page: Page,
  request: APIRequestContext,
  groupName: string,
  username: string,
): Promise<void> {
  const { headers, base } = await demoApi(page, request);
  const added = await request.put(
    `${base}/${encodeURIComponent(groupName)}/members/${encodeURIComponent(username)}`,
    { headers, data: {} },
  );
  expect(added.status(), await added.text()).toBe(204);
}

/** Status of `GET …/groups/<name>` (404 once deleted). */
export async function demoGroupStatus(
  page: Page,
  request: APIRequestContext,
  groupName: string,
): Promise<number> {
  const { headers, base } = await demoApi(page, request);
  return (await request.get(`${base}/${encodeURIComponent(groupName)}`, { headers })).status();
}

/** Collects every API answer 403 the page gets. */
export function collectForbidden(page: Page): string[] {
  const forbidden: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() === 403)
      forbidden.push(`${response.request().method()} ${url.pathname}`);
  });
  return forbidden;
}
