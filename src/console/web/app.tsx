import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { onConnectivity, onSessionExpired } from './api';
import { ErrorBoundary } from './components/error-boundary';
import { lang, roleName, setLang, t } from './i18n';
import { AuditPage } from './pages/audit';
import { Dashboard } from './pages/dashboard';
import { DefinitionEditor } from './pages/definition-editor';
import { Definitions } from './pages/definitions';
import { ProjectPage } from './pages/project';
import { Projects } from './pages/projects';
import { SignIn } from './pages/sign-in';
import { href, navigate, useRoute, type Route } from './router';
import { can, clearSession, loadSession, type Session } from './session';
import { startStream, stopStream } from './stream';

export function App(): JSX.Element {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [signInMessage, setSignInMessage] = useState<string>();
  const [online, setOnline] = useState(true);
  const [, setLanguage] = useState(lang());
  const route = useRoute();

  useEffect(
    () =>
      onSessionExpired(() => {
        setSession(undefined);
        setSignInMessage(t('sessionExpired'));
      }),
    [],
  );
  useEffect(() => onConnectivity(setOnline), []);
  useEffect(() => {
    if (!session) return;
    startStream();
    return stopStream;
  }, [session?.key]);
  useFocusOnRouteChange(route, session);

  function signOut(): void {
    clearSession();
    setSession(undefined);
    setSignInMessage(undefined);
    navigate('/');
  }

  function switchLanguage(): void {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    setLanguage(lang());
  }

  return (
    <div class="app" key={lang()}>
      <a class="skip" href="#main" onClick={skipToMain}>
        {t('skipToContent')}
      </a>
      <header class="topbar">
        <div class="brand">
          <span class="brand-name">{t('appName')}</span>
          <span class="brand-sub">{t('bureauName')}</span>
        </div>
        {session && <Nav session={session} route={route} />}
        <div class="account">
          {session && (
            <span class="who">
              {session.me.name} · {roleName(session.me.role)}
            </span>
          )}
          <button type="button" class="secondary" onClick={switchLanguage} aria-label={t('languageSwitch')}>
            {t('language')}
          </button>
          {session && (
            <button type="button" class="secondary" onClick={signOut}>
              {t('signOut')}
            </button>
          )}
        </div>
      </header>
      <div aria-live="assertive" class="banner-slot">
        {!online && (
          <p class="banner offline" role="alert">
            {t('offline')}
          </p>
        )}
      </div>
      <main id="main" tabIndex={-1}>
        {session ? (
          <ErrorBoundary resetKey={route.path.join('/')}>
            <Page route={route} session={session} />
          </ErrorBoundary>
        ) : (
          <SignIn
            message={signInMessage}
            onSignedIn={(next) => {
              setSignInMessage(undefined);
              setSession(next);
            }}
          />
        )}
      </main>
    </div>
  );
}

function skipToMain(event: Event): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function Nav(props: { session: Session; route: Route }): JSX.Element {
  const role = props.session.me.role;
  const first = props.route.path[0] ?? '';
  const items: [string, string, boolean][] = [
    ['', t('navDashboard'), can.dashboard(role)],
    ['projects', t('navProjects'), true],
    ['definitions', t('navDefinitions'), can.definitions(role)],
  ];
  const current = first === '' && !can.dashboard(role) ? 'projects' : first;
  return (
    <nav aria-label={t('mainNav')}>
      <ul>
        {items
          .filter(([, , shown]) => shown)
          .map(([path, name]) => (
            <li key={path}>
              <a href={href(`/${path}`)} aria-current={current === path ? 'page' : undefined}>
                {name}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function Page(props: { route: Route; session: Session }): JSX.Element {
  const [first, second, third] = props.route.path;
  const role = props.session.me.role;
  if (first === 'projects' && second && third === 'audit' && can.audit(role))
    return <AuditPage id={second} />;
  if (first === 'projects' && second) return <ProjectPage id={second} session={props.session} />;
  if (first === 'definitions' && can.definitions(role)) {
    return second && third ? (
      <DefinitionEditor definitionKey={second} version={Number(third)} />
    ) : (
      <Definitions />
    );
  }
  if (first === undefined && can.dashboard(role)) return <Dashboard />;
  return <Projects route={props.route} session={props.session} />;
}

/** After navigation the page heading takes focus, so screen readers announce the new page. */
function useFocusOnRouteChange(route: Route, session: Session | undefined): void {
  const first = useRef(true);
  const path = route.path.join('/');
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  }, [path, session?.key]);
}
