import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { rememberRouteForSignIn } from './common/after-sign-in';
import { readTokens } from './providers/session';

const container = document.getElementById('root');
if (!container) throw new Error('poolkeeper: #root is missing from index.html');

// Signed out: open the sign-in page directly. Letting react-admin discover it (checkAuth rejects, then
// logout + redirect from several hooks) makes react-router v7 bounce between routes for seconds
// (marmelab/react-admin#10885). The page asked for (a pasted link) opens once signed in.
if (!readTokens() && !window.location.hash.startsWith('#/login')) {
  rememberRouteForSignIn(window.location.hash);
  window.location.hash = '#/login';
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
