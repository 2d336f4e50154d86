import { render } from 'preact';
import { App } from './app';
import { lang, setLang } from './i18n';

setLang(lang());
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
