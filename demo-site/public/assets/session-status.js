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
    company: (id) => `Ingelogd namens de organisatie met ${id}`,
    nameless: 'Ingelogd',
    level: 'niveau',
    branch: 'vestiging',
    until: (time) => `tot ${time} als u niets doet.`,
    logout: 'Uitloggen',
  },
  'nl-BE': {
    loggedInHeading: 'U bent aangemeld',
    loggedOutHeading: 'U bent afgemeld',
    loggedIn: 'Aangemeld als',
    company: (id) => `Aangemeld namens de organisatie met ${id}`,
    nameless: 'Aangemeld',
    level: 'niveau',
    branch: 'vestiging',
    until: (time) => `tot ${time} als u niets doet.`,
    logout: 'Afmelden',
  },
  en: {
    loggedInHeading: 'You are logged in',
    loggedOutHeading: 'You are logged out',
    loggedIn: 'Logged in as',
    company: (id) => `Logged in for the organisation with ${id}`,
    nameless: 'Logged in',
    level: 'level',
    branch: 'branch',
    until: (time) => `until ${time} if you do nothing.`,
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
 * Who is logged in. An eHerkenning answer names the organisation by its KvK number or RSIN (and
 * the branch), not by name, and Poort keeps no name or pseudonym of the person: so the line names
 * the organisation by what the answer gave.
 */
function who(session) {
  const a = session.attributes ?? {};
  const id = a.kvk ? `KvK-nummer ${a.kvk}` : a.rsin ? `RSIN ${a.rsin}` : undefined;
  if (id) return text.company(a.vestigingsnr ? `${id}, ${text.branch} ${a.vestigingsnr}` : id);
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
  line.textContent = `${who(session)} ${how(session)}, ${text.until(time)}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text.logout;
  button.addEventListener('click', logout);
  status.append(title, line, button);
  if (login) login.hidden = true;
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
void showSession(false);
