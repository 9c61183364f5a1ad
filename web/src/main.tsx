import './styles/app.scss';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { loadConfig } from './lib/config.js';

// GOV.UK Frontend styles some components differently once scripts run (no inline script is allowed).
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const config = await loadConfig();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App config={config} />
  </StrictMode>,
);
