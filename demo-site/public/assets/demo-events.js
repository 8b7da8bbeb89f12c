// Shows the widget's events on the demo pages (an external module: the demo runs under a CSP
// without 'unsafe-inline').
const log = document.getElementById('events');
for (const type of ['poort-method', 'poort-broker', 'poort-login', 'poort-error']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = `${type} ${JSON.stringify(event.detail)}`;
    item.append(code);
    log?.append(item);
  });
}
