// Demo page script (no inline scripts: the CSP forbids them). Shows who is logged in, with a
// log-out button, using GET /poort/api/session and POST /poort/api/logout. One script for every
// demo page: the texts follow <html lang>, and the page's login element (<login-chooser> or
// <poort-email-form>) is hidden while someone is logged in, so the page shows one state at a time.
const texts = {
  nl: {
    loggedIn: 'Ingelogd als',
    nameless: 'een medewerker',
    level: 'niveau',
    until: (time) => `tot ${time} als u niets doet.`,
    actingFor: 'voor',
    logout: 'Uitloggen',
  },
  'nl-BE': {
    loggedIn: 'Aangemeld als',
    nameless: 'een medewerker',
    level: 'niveau',
    until: (time) => `tot ${time} als u niets doet.`,
    actingFor: 'voor',
    logout: 'Afmelden',
  },
  en: {
    loggedIn: 'Logged in as',
    nameless: 'a representative',
    level: 'level',
    until: (time) => `until ${time} if you do nothing.`,
    actingFor: 'for',
    logout: 'Log out',
  },
};
const lang = document.documentElement.lang in texts ? document.documentElement.lang : 'nl';
const text = texts[lang];
const status = document.getElementById('session-status');
const login = document.querySelector('login-chooser, poort-email-form');

/** "(eHerkenning, niveau 2+, KvK 90001234)": what the site knows about how you logged in. */
function how(session) {
  const parts = [{ eherkenning: 'eHerkenning', acmidm: 'ACM/IDM', email: 'e-mail' }[session.method] ?? session.method];
  // eHerkenning levels as people know them: loa2plus is "niveau 2+".
  if (session.level) parts.push(`${text.level} ${session.level.replace(/^loa/, '').replace('plus', '+')}`);
  if (session.attributes?.kvk) parts.push(`KvK ${session.attributes.kvk}`);
  return `(${parts.join(', ')})`;
}

async function showSession() {
  const res = await fetch('/poort/api/session', { credentials: 'same-origin' });
  status.replaceChildren();
  if (res.status !== 200) {
    if (login) login.hidden = false;
    return;
  }
  const session = await res.json();
  // An eHerkenning account has neither: Poort keeps no name or pseudonym, only the company's KvK.
  const who = session.user.email ?? session.user.displayName ?? text.nameless;
  const time = new Date(session.expiresAt).toLocaleTimeString(lang);
  const line = document.createElement('p');
  const acting = session.actingFor ? `, ${text.actingFor} ${session.actingFor.name}` : '';
  line.textContent = `${text.loggedIn} ${who} ${how(session)}${acting}, ${text.until(time)}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text.logout;
  button.addEventListener('click', async () => {
    await fetch('/poort/api/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    // A fresh page shows a fresh login element.
    location.reload();
  });
  status.append(line, button);
  // Someone with several organisations still chooses one in the widget (its organisation step).
  if (login) login.hidden = !session.organisationChoiceNeeded;
}

// The e-mail form logs in without leaving the page; eHerkenning comes back with a page load.
document.addEventListener('poort-login', () => void showSession());
document.addEventListener('poort-organisation', () => void showSession());
void showSession();
