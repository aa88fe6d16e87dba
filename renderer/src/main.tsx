import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Bundled Devanagari font: the machines this runs on may have none, and Hindi would render as boxes.
import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-devanagari/600.css';
import '@fontsource/noto-sans-devanagari/700.css';
import 'leaflet/dist/leaflet.css';
import './app/styles.css';
import { App } from './app/App';
import { Providers } from './app/Providers';
import { createI18n } from './i18n';

const i18n = createI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers i18n={i18n}>
      <App />
    </Providers>
  </StrictMode>,
);
