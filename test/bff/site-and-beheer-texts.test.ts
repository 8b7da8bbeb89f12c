// Issue 17 §6 and the Beheer page's texts: the helpdesk's name, phone and hours are texts per
// language whose defaults come from the site configuration (the Dutch demo names a Dutch helpdesk,
// the Flemish one 1700), and the Beheer page's texts are texts like any other: served with the
// editors' overrides, listed and edited in the editor, checked the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import beheerNl from '../../widget/locales/beheer/nl.json';
import { demoSiteConfig } from '../../bff/src/site-config/demo-defaults.js';
import { errorCode, makeOrganisation, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';

type Texts = { help: { contact?: Record<string, string> } } & Record<string, unknown>;
let t: TestApp;
let bare: TestApp;
let editor = '';

beforeAll(async () => {
  t = await createTestApp();
  // The same site without a helpdesk: no contact texts at all.
  bare = await createTestApp({ site: { ...demoSiteConfig, site: {} } }, t.db);
  const org = (await makeOrganisation(t, ['gemeente.example.nl'])).id;
  editor = await sessionCookie(t, (await makeUser(t, 'redactie@gemeente.example.nl', { role: 'editor', organisationId: org })).id);
});
afterAll(async () => {
  await t.close();
  await bare.close();
});

const get = (app: TestApp, path: string, headers: Record<string, string> = {}) => app.app.request(path, { headers });
const put = (locale: string, key: string, body: unknown) => post(t, `/poort/api/admin/texts/${locale}/${key}`, body, { cookie: editor }, 'PUT');

describe('the helpdesk as texts per language', () => {
  it('serves a Dutch helpdesk to the Dutch page and the Flemish 1700 to the Flemish one, from the configuration', async () => {
    const nl = ((await (await get(t, '/poort/api/texts/nl')).json()) as Texts).help.contact!;
    const be = ((await (await get(t, '/poort/api/texts/nl-BE')).json()) as Texts).help.contact!;
    expect(be.phone).toBe('1700');
    expect(nl.phone).not.toBe('1700');
    expect(nl.name).not.toMatch(/1700/);
    expect(Object.values(nl).join(' ')).not.toMatch(/1700/);
    expect(nl.hours).toBeTruthy();
    expect(be.hours).toBeTruthy();
  });

  it('serves no contact texts for a site without a helpdesk, and the editor does not list them', async () => {
    expect(((await (await get(bare, '/poort/api/texts/nl')).json()) as Texts).help.contact).toBeUndefined();
    const org = (await makeOrganisation(bare, ['x.example.nl'])).id;
    const cookie = await sessionCookie(bare, (await makeUser(bare, 'r@x.example.nl', { role: 'editor', organisationId: org })).id);
    const overview = (await (await get(bare, '/poort/api/admin/texts', { cookie })).json()) as { texts: Array<{ key: string }> };
    expect(overview.texts.some((x) => x.key.startsWith('help.contact.'))).toBe(false);
    expect((await post(bare, '/poort/api/admin/texts/nl/help.contact.phone', { value: '1400', version: 0 }, { cookie }, 'PUT')).status).toBe(404);
  });

  it('lists them in the editor with the configured value as the default, and an edit changes only that language', async () => {
    const overview = (await (await get(t, '/poort/api/admin/texts', { cookie: editor })).json()) as {
      texts: Array<{ key: string; widget: boolean; part: string; rich: boolean; values: Record<string, { default: string }> }>;
    };
    const phone = overview.texts.find((x) => x.key === 'help.contact.phone')!;
    expect(phone).toMatchObject({ widget: true, part: 'widget', rich: false });
    expect(phone.values['nl-BE']!.default).toBe('1700');
    const before = ((await (await get(t, '/poort/api/texts/nl-BE')).json()) as Texts).help.contact!;
    const res = await put('nl', 'help.contact.phone', { value: '088 123 00 00', version: 0 });
    expect(res.status).toBe(200);
    expect(((await (await get(t, '/poort/api/texts/nl')).json()) as Texts).help.contact!.phone).toBe('088 123 00 00');
    expect(((await (await get(t, '/poort/api/texts/nl-BE')).json()) as Texts).help.contact).toEqual(before);
  });

  it('refuses markup and placeholders in a contact text, storing nothing', async () => {
    const before = await rowCounts(t.db.db);
    const markup = await put('en', 'help.contact.hours', { value: '<b>24/7</b>', version: 0 });
    expect(markup.status).toBe(422);
    expect(await errorCode(markup)).toBe('text_invalid');
    expect((await put('en', 'help.contact.name', { value: 'Desk {{name}}', version: 0 })).status).toBe(422);
    expect((await put('en', 'help.contact.name', { value: '   ', version: 0 })).status).toBe(422);
    expect(await rowCounts(t.db.db)).toEqual(before);
  });
});

describe("the Beheer page's texts", () => {
  it('serves them with ?for=beheer, without the beheer. prefix, with an ETag of their own', async () => {
    const res = await get(t, '/poort/api/texts/nl?for=beheer');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(beheerNl);
    const widgetEtag = (await get(t, '/poort/api/texts/nl')).headers.get('etag');
    expect(res.headers.get('etag')).not.toBe(widgetEtag);
    expect((await get(t, '/poort/api/texts/nl?for=beheer', { 'if-none-match': res.headers.get('etag')! })).status).toBe(304);
  });

  it('refuses an unknown ?for= with 400', async () => {
    const res = await get(t, '/poort/api/texts/nl?for=admin');
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('invalid_request');
  });

  it('lists them in the editor as beheer.… keys of the Beheer page, and serves an edit at the next load', async () => {
    const overview = (await (await get(t, '/poort/api/admin/texts', { cookie: editor })).json()) as { texts: Array<{ key: string; part: string; widget: boolean }> };
    const title = overview.texts.find((x) => x.key === 'beheer.title')!;
    expect(title).toMatchObject({ part: 'beheer', widget: false });
    expect(overview.texts.find((x) => x.key === 'beheer.people.count')).toBeUndefined();
    expect(overview.texts.find((x) => x.key === 'beheer.people.count_one')).toMatchObject({ part: 'beheer' });
    const res = await put('nl-BE', 'beheer.title', { value: 'Gebruikersbeheer', version: 0 });
    expect(res.status).toBe(200);
    const served = (await (await get(t, '/poort/api/texts/nl-BE?for=beheer')).json()) as { title: string };
    expect(served.title).toBe('Gebruikersbeheer');
    // Not among the widget's texts.
    expect(((await (await get(t, '/poort/api/texts/nl-BE')).json()) as Record<string, unknown>).beheer).toBeUndefined();
  });

  it('checks an edit of a Beheer text against its default: the same placeholders', async () => {
    const before = await rowCounts(t.db.db);
    const res = await put('en', 'beheer.scope.intro', { value: 'You administer stuff.', version: 0 });
    expect(res.status).toBe(422);
    expect(await rowCounts(t.db.db)).toEqual(before);
  });
});
