/// <reference types="mocha" />
// The two ready themes (widget/themes/*.css, issue 14 §7): each loads as a plain stylesheet, changes
// the widget's computed colours and font through its class, keeps WCAG 2.2 AA contrast in what it
// sets, and gives way to a --poort-* property the site sets itself. Without a theme the widget
// keeps its own fallback.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widget/src/login-chooser.js';
import '../../widget/src/email-form/poort-email-form.js';
import type { LoginChooser } from '../../widget/src/login-chooser.js';
import { $, restoreFetch, serveConfig } from './support.js';

const themes = {
  rijkshuisstijl: { primary: 'rgb(21, 66, 115)', font: 'RO Sans', link: 'rgb(1, 104, 155)' },
  vlaanderen: { primary: 'rgb(0, 85, 204)', font: 'Flanders Art Sans', link: 'rgb(0, 85, 204)' },
} as const;

async function loadTheme(name: string): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `/widget/themes/${name}.css`;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = () => reject(new Error(`${link.href} did not load`));
  });
  document.head.append(link);
  await loaded;
  return link;
}

/** WCAG 2.x contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const white = 'rgb(255, 255, 255)';

async function themed(className: string, style = ''): Promise<LoginChooser> {
  const wrapper = await fixture<HTMLElement>(html`<div class=${className} style=${style}><login-chooser lang="nl"></login-chooser></div>`);
  const el = wrapper.querySelector('login-chooser')!;
  await el.updateComplete;
  return el;
}

describe('the ready themes', () => {
  const links: HTMLLinkElement[] = [];
  before(async () => {
    for (const name of Object.keys(themes)) links.push(await loadTheme(name));
  });
  after(() => links.forEach((l) => l.remove()));
  beforeEach(() => serveConfig());
  afterEach(restoreFetch);

  it('leave the widget on its own fallback where no theme class applies', async () => {
    const el = await themed('');
    expect(getComputedStyle($(el, 'button[part~="method"]')).backgroundColor).to.equal('rgb(21, 66, 115)');
    expect(getComputedStyle(el).fontFamily).to.match(/system-ui/);
  });

  for (const [name, theme] of Object.entries(themes)) {
    describe(name, () => {
      it('changes the computed colours and font of the chooser and the e-mail form', async () => {
        const el = await themed(`poort-theme-${name}`);
        const method = getComputedStyle($(el, 'button[part~="method"]'));
        expect(method.backgroundColor).to.equal(theme.primary);
        expect(getComputedStyle(el).fontFamily).to.contain(theme.font);

        $(el, 'button[data-method="email"]').click();
        await el.updateComplete;
        const form = el.querySelector('poort-email-form')!;
        await form.updateComplete;
        expect(getComputedStyle(form.querySelector('button.poort-submit')!).backgroundColor).to.equal(theme.primary);
        expect(getComputedStyle(form.querySelector('button.poort-link')!).color).to.equal(theme.link);
      });

      it('keeps WCAG 2.2 AA contrast on a white page: text 4.5:1, controls and focus 3:1', async () => {
        const el = await themed(`poort-theme-${name}`);
        const method = getComputedStyle($(el, 'button[part~="method"]'));
        expect(contrast(method.color, method.backgroundColor), 'button text').to.be.at.least(4.5);
        expect(contrast(getComputedStyle(el).color, white), 'text').to.be.at.least(4.5);
        const focus = getComputedStyle(el).getPropertyValue('--nl-focus-outline-color').trim();
        const probe = document.createElement('span');
        probe.style.color = focus;
        document.body.append(probe);
        expect(contrast(getComputedStyle(probe).color, white), 'focus indicator').to.be.at.least(3);
        probe.remove();

        $(el, 'button[data-method="eherkenning"]').click();
        await el.updateComplete;
        expect(contrast(getComputedStyle($(el, '#search')).borderTopColor, white), 'search field border').to.be.at.least(3);
        expect(contrast(getComputedStyle($(el, '.hint')).color, white), 'hint text').to.be.at.least(4.5);
      });

      it('gives way to a --poort-* property the site sets', async () => {
        const el = await themed(`poort-theme-${name}`, '--poort-accent: rgb(4, 5, 6)');
        expect(getComputedStyle($(el, 'button[part~="method"]')).backgroundColor).to.equal('rgb(4, 5, 6)');
      });
    });
  }
});
