// Demo page script (no inline scripts: the CSP forbids them). Shows who is logged in, with a
// log-out button, using GET /poort/api/session and POST /poort/api/logout. One script for every
// demo page: the texts follow <html lang>, and the page's login element (<login-chooser> or
// <poort-email-form>) is hidden while someone is logged in, so the page shows one state at a time.
// After a login on the page and after logging out, focus moves to the heading that says so
// (WCAG 2.4.3): the element that had focus is gone, and focus must not fall back to the body.
const texts = {
  nl: {
    loggedInHeading: 'U bent ingelogd',
    loggedOutHeading: 'U bent uitgelogd',
    loggedIn: 'Ingelogd als',
    company: (name) => `Ingelogd namens ${name}`,
    organisation: (id) => `Ingelogd namens de organisatie met ${id}`,
    nameless: 'Ingelogd',
    level: 'niveau',
    branch: 'vestiging',
    kvk: 'KvK-nummer',
    until: (time) => `tot ${time} als u niets doet.`,
    actingFor: 'voor',
    logout: 'Uitloggen',
  },
  'nl-BE': {
    loggedInHeading: 'U bent aangemeld',
    loggedOutHeading: 'U bent afgemeld',
    loggedIn: 'Aangemeld als',
    company: (name) => `Aangemeld namens ${name}`,
    organisation: (id) => `Aangemeld namens de organisatie met ${id}`,
    nameless: 'Aangemeld',
    level: 'niveau',
    branch: 'vestiging',
    kvk: 'KvK-nummer',
    until: (time) => `tot ${time} als u niets doet.`,
    actingFor: 'voor',
    logout: 'Afmelden',
  },
  en: {
    loggedInHeading: 'You are logged in',
    loggedOutHeading: 'You are logged out',
    loggedIn: 'Logged in as',
    company: (name) => `Logged in for ${name}`,
    organisation: (id) => `Logged in for the organisation with ${id}`,
    nameless: 'Logged in',
    level: 'level',
    branch: 'branch',
    kvk: 'KvK number',
    until: (time) => `until ${time} if you do nothing.`,
    actingFor: 'for',
    logout: 'Log out',
  },
};
const lang = document.documentElement.lang in texts ? document.documentElement.lang : 'nl';
const text = texts[lang];
const status = document.getElementById('session-status');
let login = document.querySelector('login-chooser, poort-email-form');

/** "(eHerkenning, niveau 2+)": how you logged in, the level in words as people know it. */
function how(session) {
  const parts = [{ eherkenning: 'eHerkenning', acmidm: 'ACM/IDM', email: 'e-mail' }[session.method] ?? session.method];
  if (session.level) parts.push(`${text.level} ${session.level.replace(/^loa/, '').replace('plus', '+')}`);
  return `(${parts.join(', ')})`;
}

/**
 * Who is logged in. Poort keeps no name or pseudonym of an eHerkenning user, so the line names the
 * company they act for: by name when the answer carried it (`companyName`), with its KvK number or
 * RSIN (and branch), or by that number alone.
 */
function who(session) {
  const a = session.attributes ?? {};
  let id = a.kvk ? `${text.kvk} ${a.kvk}` : a.rsin ? `RSIN ${a.rsin}` : undefined;
  if (id && a.vestigingsnr) id = `${id}, ${text.branch} ${a.vestigingsnr}`;
  if (a.companyName) return text.company(id ? `${a.companyName} (${id})` : a.companyName);
  if (id) return text.organisation(id);
  const name = session.user.email ?? session.user.displayName;
  return name ? `${text.loggedIn} ${name}` : text.nameless;
}

function heading(label) {
  const h = document.createElement('h2');
  h.tabIndex = -1;
  h.textContent = label;
  return h;
}

async function showSession(moveFocus) {
  const res = await fetch('/poort/api/session', { credentials: 'same-origin' });
  status.replaceChildren();
  if (res.status !== 200) {
    if (login) login.hidden = false;
    return;
  }
  const session = await res.json();
  const time = new Date(session.expiresAt).toLocaleTimeString(lang);
  const title = heading(text.loggedInHeading);
  const line = document.createElement('p');
  const acting = session.actingFor ? `, ${text.actingFor} ${session.actingFor.name}` : '';
  line.textContent = `${who(session)} ${how(session)}${acting}, ${text.until(time)}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text.logout;
  button.addEventListener('click', logout);
  status.append(title, line, button);
  // Someone with several organisations still chooses one in the widget (its organisation step).
  if (login) login.hidden = !session.organisationChoiceNeeded;
  if (moveFocus) title.focus();
}

async function logout() {
  await fetch('/poort/api/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  // A fresh login element (the old one still shows the finished login), then the result heading.
  if (login) {
    const fresh = login.cloneNode(false);
    fresh.hidden = false;
    login.replaceWith(fresh);
    login = fresh;
  }
  const title = heading(text.loggedOutHeading);
  status.replaceChildren(title);
  title.focus();
}

// The e-mail form logs in without leaving the page; eHerkenning comes back with a page load.
document.addEventListener('poort-login', () => void showSession(true));
// Someone with several organisations chose whom to act for (or, after the Flemish government's
// login, the capacity): the line names it.
document.addEventListener('poort-organisation', () => void showSession(false));
document.addEventListener('poort-capacity', () => void showSession(false));
void showSession(false);
