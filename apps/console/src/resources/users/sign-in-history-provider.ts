/**
 * The `sign-in-history` data provider: one custom method reading a user's sign-in history
 * (`GET /pools/:poolId/users/:username/sign-in-history`), a page at a time with the API's opaque cursor.
 */
import type { SignInHistory } from '@poolkeeper/contract';
import { apiRequest } from '../../providers/http-client';
import { resourceProvider } from '../../providers/resource-provider';

export interface SignInHistoryParams {
  poolId: string;
  username: string;
  cursor?: string | null;
}

export const signInHistoryProvider = resourceProvider('sign-in-history', {
  async signInHistory(_resource: string, { poolId, username, cursor }: SignInHistoryParams) {
    return apiRequest<SignInHistory>(
      `/pools/${encodeURIComponent(poolId)}/users/${encodeURIComponent(username)}/sign-in-history`,
      { query: { cursor: cursor ?? undefined } },
    );
  },
});

/** `useDataProvider<SignInHistoryDataProvider>()` reaches the custom method through the combined provider. */
export type SignInHistoryDataProvider = typeof signInHistoryProvider;
