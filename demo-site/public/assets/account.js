// Demo page script (no inline scripts: the CSP forbids them). Shows who is logged in, with a
// log-out button, using GET /poort/api/session and POST /poort/api/logout.
const status = document.getElementById('session-status');
const form = document.querySelector('poort-email-form');

async function showSession() {
  const res = await fetch('/poort/api/session', { credentials: 'same-origin' });
  status.replaceChildren();
  if (res.status !== 200) {
    form.hidden = false;
    return;
  }
  const session = await res.json();
  const text = document.createElement('p');
  text.textContent = `Ingelogd als ${session.user.email} (${session.method}), tot ${new Date(session.expiresAt).toLocaleTimeString('nl-NL')} als u niets doet.`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Uitloggen';
  button.addEventListener('click', async () => {
    await fetch('/poort/api/logout', { method: 'POST', credentials: 'same-origin' });
    // A fresh page shows a fresh login form.
    location.reload();
  });
  status.append(text, button);
  form.hidden = true;
}

form.addEventListener('poort-login', () => void showSession());
void showSession();
