import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { BenchApi } from '../preload/contract';
import { App } from './app';
import { createBenchClient } from './bench-client';
import { EnrollmentSetup } from './setup/enrollment-setup';
import { createBenchStore } from './state/bench-store';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

/** `window.sessionStorage` throws where the browser refuses storage; the page then keeps the token in memory. */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

const client = createBenchClient({
  bench: (window as Window & { bench?: BenchApi }).bench,
  location: window.location,
  history: window.history,
  // The token moves from the address bar to this tab's sessionStorage (renderer/bench-client.ts).
  sessionStorage: tabStorage(),
});
const store = createBenchStore(client.api, client.connection);

createRoot(container).render(
  <StrictMode>
    <App api={client.api} store={store} panels={<EnrollmentSetup api={client.api} store={store} />} />
  </StrictMode>,
);
