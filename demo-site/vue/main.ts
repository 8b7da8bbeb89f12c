// A Vue 3 app that embeds <login-chooser> as any npm consumer would: import the package once,
// then use the element like a native one. Render functions, not templates, so the app needs no
// runtime template compiler (which would need 'unsafe-eval' under the demo's CSP).
import 'poort/widget';
import type { Locale, PoortErrorDetail } from 'poort/widget';
import { createApp, defineComponent, h, ref, watchEffect } from 'vue';

const names: Record<Locale, string> = { nl: 'Nederlands', 'nl-BE': 'Nederlands (België)', en: 'English' };

/**
 * The page keeps its language in its own address (`?poort-lang=`): the widget returns to this
 * address after eHerkenning, so the page comes back in the language the person chose.
 */
function languageInAddress(): Locale {
  const wanted = new URLSearchParams(location.search).get('poort-lang');
  return (Object.keys(names) as Locale[]).find((l) => l === wanted) ?? 'nl';
}

const App = defineComponent(() => {
  const lang = ref<Locale>(languageInAddress());
  watchEffect(() => {
    const url = new URL(location.href);
    url.searchParams.set('poort-lang', lang.value);
    history.replaceState(history.state, '', url);
    document.documentElement.lang = lang.value;
  });
  const events = ref<string[]>([]);
  const record = (e: Event) => events.value.push(`${e.type} ${JSON.stringify((e as CustomEvent<PoortErrorDetail>).detail)}`);

  return () => [
    h('header', [
      h('strong', 'Vue-app'),
      ' · Poort ingebed in een app gebouwd met Vite',
      h('nav', { 'aria-label': 'Site' }, h('ul', [h('li', h('a', { href: '/' }, 'Terug naar de voorbeeldsite'))])),
    ]),
    h('main', { lang: lang.value }, [
      h('h1', 'Inloggen vanuit Vue'),
      h('fieldset', { class: 'card' }, [
        h('legend', 'Taal van de widget'),
        ...(Object.keys(names) as Locale[]).map((l) =>
          h('label', [
            h('input', { type: 'radio', name: 'lang', value: l, checked: lang.value === l, onChange: () => (lang.value = l) }),
            ` ${names[l]} `,
          ]),
        ),
      ]),
      h('login-chooser', {
        lang: lang.value,
        bff: '/poort',
        'return-to': `/vue/?poort-lang=${encodeURIComponent(lang.value)}`,
        onPoortMethod: record,
        onPoortBroker: record,
        onPoortLogin: record,
        onPoortError: record,
      }),
      h('h2', 'Gebeurtenissen, ontvangen door Vue'),
      h('ol', { 'aria-live': 'polite' }, events.value.map((line) => h('li', h('code', line)))),
    ]),
  ];
});

createApp(App).mount('#app');
