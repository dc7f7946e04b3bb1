import '@xyflow/react/dist/style.css';
import './styles.css';
import './i18n';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const queryClient = new QueryClient({
  // A failed request is shown to the operator at once; one retry covers a passing network blip.
  defaultOptions: { queries: { retry: 1 } },
});

createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
