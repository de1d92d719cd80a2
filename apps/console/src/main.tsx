import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readTokens } from './providers/session';

const container = document.getElementById('root');
if (!container) throw new Error('poolkeeper: #root is missing from index.html');

// Signed out: open the sign-in page directly. Letting react-admin discover it (checkAuth rejects, then
// logout + redirect from several hooks) makes react-router v7 bounce between routes for seconds
// (marmelab/react-admin#10885).
if (!readTokens() && !window.location.hash.startsWith('#/login')) window.location.hash = '#/login';

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
