import '@xyflow/react/dist/style.css';
import './styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    {/* Publishing talks to the runtime, which this slice does not reach yet. */}
    <App onPublish={(journey) => console.info('publish', journey.id)} />
  </StrictMode>,
);
