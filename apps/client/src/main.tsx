import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadCatalogue } from './i18n/catalogues';
import { chooseLanguage } from './i18n/language';
import { readPickedLanguage } from './i18n/languageStorage';
import './app/app.css';

const render = () =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// The first words on screen are in the reader's language: its catalogue (English is bundled,
// French a small chunk) is here before the first render. Failing to fetch it, English it is.
loadCatalogue(chooseLanguage(readPickedLanguage())).then(render, render);
