// Demo page script: switch the widget between Poort's own look and the two ready themes
// (dist/widget/themes/*.css), the way a site would use one: load the file, put its class on
// <html>. The choice is kept in the address (`?theme=`), so a reload or a shared link keeps it.
const themes = ['rijkshuisstijl', 'vlaanderen'];
const texts = {
  nl: { legend: 'Huisstijl van de widget', own: 'Poort (eigen standaard)', rijkshuisstijl: 'Rijkshuisstijl', vlaanderen: 'Vlaamse overheid' },
  'nl-BE': { legend: 'Huisstijl van de widget', own: 'Poort (eigen standaard)', rijkshuisstijl: 'Rijkshuisstijl', vlaanderen: 'Vlaamse overheid' },
  en: { legend: 'Look of the widget', own: "Poort's own default", rijkshuisstijl: 'Dutch central government', vlaanderen: 'Flemish government' },
};
const t = texts[document.documentElement.lang] ?? texts.nl;

/** Loads the theme's file once and puts its class on <html>; '' is Poort's own look. */
function apply(theme) {
  for (const name of themes) document.documentElement.classList.toggle(`poort-theme-${name}`, name === theme);
  if (theme && !document.querySelector(`link[data-poort-theme="${theme}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `/widget/themes/${theme}.css`;
    link.dataset.poortTheme = theme;
    document.head.append(link);
  }
}

function remember(theme) {
  const url = new URL(location.href);
  url.searchParams.set('theme', theme || 'poort');
  history.replaceState(history.state, '', url);
}

// The page's own default (the Flemish page: the Flemish theme), unless the address names one.
const container = document.getElementById('theme-switch');
const wanted = new URLSearchParams(location.search).get('theme') ?? container?.dataset.default ?? '';
const current = themes.includes(wanted) ? wanted : '';
const fieldset = document.createElement('fieldset');
fieldset.className = 'card';
const legend = document.createElement('legend');
legend.textContent = t.legend;
fieldset.append(legend);
for (const theme of ['', ...themes]) {
  const label = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = 'theme';
  input.value = theme;
  input.checked = theme === current;
  input.addEventListener('change', () => {
    apply(theme);
    remember(theme);
  });
  label.append(input, ` ${theme ? t[theme] : t.own} `);
  fieldset.append(label);
}
container?.replaceChildren(fieldset);
apply(current);
