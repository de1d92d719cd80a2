/**
 * The page a signed-out visitor asked for (a link pasted by a colleague), kept across the sign-in
 * page for this tab only (sessionStorage), so signing in opens it instead of the home page.
 */
const storageKey = 'poolkeeper.afterSignIn';

/** Remembers the route of a `#/…` address, unless it is the sign-in page or the home page. */
export function rememberRouteForSignIn(hash: string): void {
  const route = hash.replace(/^#/, '');
  if (!route.startsWith('/') || route === '/' || route.startsWith('/login')) return;
  try {
    sessionStorage.setItem(storageKey, route);
  } catch {
    // Storage unavailable (private mode quota): signing in then opens the home page.
  }
}

export function routeAfterSignIn(): string | undefined {
  try {
    return sessionStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetRouteAfterSignIn(): void {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // nothing to forget
  }
}

const expiredKey = 'poolkeeper.sessionExpired';

/**
 * The session ran out (the refresh token no longer works, or the API refused it): remember the page the
 * operator was on, and that the sign-in page should say why it is shown.
 */
export function noteSessionExpired(hash: string): void {
  rememberRouteForSignIn(hash);
  try {
    sessionStorage.setItem(expiredKey, '1');
  } catch {
    // the sign-in page then shows without the explanation
  }
}

/** Whether the sign-in page is shown because the session expired; asking forgets it. */
export function takeSessionExpired(): boolean {
  try {
    const expired = sessionStorage.getItem(expiredKey) === '1';
    sessionStorage.removeItem(expiredKey);
    return expired;
  } catch {
    return false;
  }
}
