// A Vue 3 app that embeds <login-chooser> as any npm consumer would: import the package once,
// then use the element like a native one. Render functions, not templates, so the app needs no
// runtime template compiler (which would need 'unsafe-eval' under the demo's CSP).
import 'poort/widget';
import type { Locale, PoortErrorDetail } from 'poort/widget';
import { createApp, defineComponent, h, ref } from 'vue';

const names: Record<Locale, string> = { nl: 'Nederlands', 'nl-BE': 'Nederlands (België)', en: 'English' };

const App = defineComponent(() => {
  const lang = ref<Locale>('nl');
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
        'return-to': '/vue/',
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
