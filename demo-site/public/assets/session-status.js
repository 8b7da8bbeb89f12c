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
    logoutEverywhere: 'Uitloggen bij alle toepassingen',
    seen: 'Wat deze toepassing van u ziet',
    nothingSeen: 'Niets meer dan hoe u bent ingelogd.',
    methods: { eherkenning: 'eHerkenning', eidas: 'eIDAS', acmidm: 'Vlaamse overheid', email: 'e-mail' },
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
    logoutEverywhere: 'Afmelden bij alle toepassingen',
    seen: 'Wat deze toepassing van u ziet',
    nothingSeen: 'Niets meer dan hoe u bent aangemeld.',
    methods: { eherkenning: 'eHerkenning', eidas: 'eIDAS', acmidm: 'Vlaamse overheid', email: 'e-mail' },
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
    logoutEverywhere: 'Log out of every application',
    seen: 'What this application sees of you',
    nothingSeen: 'Nothing but how you logged in.',
    methods: { eherkenning: 'eHerkenning', eidas: 'eIDAS', acmidm: 'Flemish government', email: 'e-mail' },
  },
};
const lang = document.documentElement.lang in texts ? document.documentElement.lang : 'nl';
const text = texts[lang];
const status = document.getElementById('session-status');
let login = document.querySelector('login-chooser, poort-email-form');
// On a demo application's page (issue 15) the widget names it: the session is asked for that
// application, which answers only when the session opens it and shows only what it may see.
const app = login?.getAttribute('app') ?? '';

/** "(eHerkenning, niveau 2+)": how you logged in, the level in words as people know it. */
function how(session) {
  const parts = [text.methods[session.method] ?? session.method];
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
  const res = await fetch(`/poort/api/session${app ? `?app=${encodeURIComponent(app)}` : ''}`, { credentials: 'same-origin' });
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
  button.textContent = app ? text.logoutEverywhere : text.logout;
  button.addEventListener('click', app ? logoutEverywhere : logout);
  status.append(title, line, ...(app ? [seenList(session)] : []), button);
  // Someone with several organisations still chooses one in the widget (its organisation step).
  if (login) login.hidden = !session.organisationChoiceNeeded;
  if (moveFocus) title.focus();
}

/** The attributes the application was given, as a definition list: need-to-know made visible. */
function seenList(session) {
  const section = document.createElement('section');
  const h = document.createElement('h3');
  h.textContent = text.seen;
  const entries = Object.entries(session.attributes ?? {});
  if (session.user.email) entries.unshift(['email', session.user.email]);
  if (session.actingFor) entries.push(['organisation', session.actingFor.name]);
  if (!entries.length) {
    const p = document.createElement('p');
    p.textContent = text.nothingSeen;
    section.append(h, p);
    return section;
  }
  const dl = document.createElement('dl');
  dl.dataset.seen = '';
  for (const [name, value] of entries) {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
  section.append(h, dl);
  return section;
}

/** Logging out of an application is a navigation: Poort's page says it ended every application. */
function logoutEverywhere() {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/poort/auth/logout';
  for (const [name, value] of [['returnTo', location.pathname], ['lang', lang]]) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
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
