// A React 19 app that embeds <login-chooser> as any npm consumer would: import the package once,
// then use the element like a native one. React 19 sets its properties and listens to its
// events itself. The second rendering uses the @lit/react components that React 18 sites need
// (`poort/widget/react`), so both ways are shown, and tested, on one page.
import 'poort/widget';
import type { Locale, PoortLoginDetail } from 'poort/widget';
import { PoortLoginChooser } from 'poort/widget/react';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const names: Record<Locale, string> = { nl: 'Nederlands', 'nl-BE': 'Nederlands (België)', en: 'English' };
const locales = Object.keys(names) as Locale[];

/**
 * The page keeps its language in its own address (`?poort-lang=`): the widget returns to this
 * address after eHerkenning, so the page comes back in the language the person chose.
 */
function languageInAddress(): Locale {
  const wanted = new URLSearchParams(location.search).get('poort-lang');
  return locales.find((l) => l === wanted) ?? 'nl';
}

function App() {
  const [lang, setLang] = useState<Locale>(languageInAddress);
  const [wrapper, setWrapper] = useState(false);
  const [events, setEvents] = useState<string[]>([]);
  const [user, setUser] = useState<string>();
  const record = (e: Event) => setEvents((list) => [...list, `${e.type} ${JSON.stringify((e as CustomEvent).detail)}`]);
  const loggedIn = (e: CustomEvent<PoortLoginDetail>) => {
    record(e);
    setUser(e.detail.user.email ?? e.detail.user.id);
  };

  useEffect(() => {
    const url = new URL(location.href);
    url.searchParams.set('poort-lang', lang);
    history.replaceState(history.state, '', url);
    document.documentElement.lang = lang;
  }, [lang]);

  const returnTo = `/react/?poort-lang=${encodeURIComponent(lang)}`;
  return (
    <>
      <header>
        <strong>React-app</strong> · Poort ingebed in een app gebouwd met Vite en React 19
        <nav aria-label="Site">
          <ul>
            <li>
              <a href="/">Terug naar de voorbeeldsite</a>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        <h1>Inloggen vanuit React</h1>
        <fieldset className="card">
          <legend>Taal van de widget</legend>
          {locales.map((l) => (
            <label key={l} lang={l}>
              <input type="radio" name="lang" value={l} checked={lang === l} onChange={() => setLang(l)} /> {names[l]}{' '}
            </label>
          ))}
        </fieldset>
        <p>
          <label>
            <input type="checkbox" checked={wrapper} onChange={(e) => setWrapper(e.target.checked)} /> Met de @lit/react-componenten
            (voor sites op React 18)
          </label>
        </p>
        {user ? <p role="status">Ingelogd als {user}</p> : null}
        {wrapper ? (
          <PoortLoginChooser
            lang={lang}
            bff="/poort"
            returnTo={returnTo}
            onPoortMethod={record}
            onPoortBroker={record}
            onPoortError={record}
            onPoortLogin={loggedIn}
          />
        ) : (
          <login-chooser
            lang={lang}
            bff="/poort"
            return-to={returnTo}
            onpoort-method={record}
            onpoort-broker={record}
            onpoort-error={record}
            onpoort-login={loggedIn}
          />
        )}
        <h2>Gebeurtenissen, ontvangen door React</h2>
        <ol aria-live="polite" id="events">
          {events.map((line, i) => (
            <li key={i}>
              <code>{line}</code>
            </li>
          ))}
        </ol>
      </main>
    </>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
