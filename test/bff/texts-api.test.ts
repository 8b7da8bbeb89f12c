// Editors override texts per locale without a deploy (issue 17): the public texts endpoint with its
// ETag, the editor's change with version check, history, revert, export and import, and every
// refusal writing nothing. Overrides reach the widget's endpoint, the BFF's own pages and mails.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outbox } from '../../db/schema.js';
import en from '../../widget/locales/en.json';
import nl from '../../widget/locales/nl.json';
import { readWidgetTexts } from '../../bff/src/texts/widget-text-files.js';
import { errorCode, makeOrganisation, makeUser, post, sessionCookie } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
const cookie = { editor: '', otherEditor: '', admin: '', user: '' };
let editorId = '';

beforeAll(async () => {
  t = await createTestApp();
  const org = (await makeOrganisation(t, ['gemeente.example.nl'])).id;
  const editor = await makeUser(t, 'redactie@gemeente.example.nl', { role: 'editor', organisationId: org });
  editorId = editor.id;
  cookie.editor = await sessionCookie(t, editor.id);
  cookie.otherEditor = await sessionCookie(t, (await makeUser(t, 'web@gemeente.example.nl', { role: 'editor', organisationId: org })).id);
  cookie.admin = await sessionCookie(t, (await makeUser(t, 'beheer@gemeente.example.nl', { role: 'admin', organisationId: org })).id);
  cookie.user = await sessionCookie(t, (await makeUser(t, 'piet@gemeente.example.nl', { organisationId: org })).id);
});
afterAll(() => t.close());

const put = (locale: string, key: string, body: unknown, who = cookie.editor, headers: Record<string, string> = {}) =>
  post(t, `/poort/api/admin/texts/${locale}/${key}`, body, { cookie: who, ...headers }, 'PUT');
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
const current = async (locale: string, key: string) => {
  const res = await get('/poort/api/admin/texts', { cookie: cookie.editor });
  const body = (await res.json()) as { texts: Array<{ key: string; values: Record<string, { value: string; version: number; overridden: boolean }> }> };
  return body.texts.find((x) => x.key === key)!.values[locale]!;
};

describe('GET /poort/api/texts/:locale', () => {
  it("serves the widget's texts with an ETag, revalidated on every load, and 304 while unchanged", async () => {
    const res = await get('/poort/api/texts/en');
    expect(res.status).toBe(200);
    // All of the widget's texts (the first-render file's and every lazily loaded step's), with the
    // site's helpdesk (from the demo configuration) as texts of their own.
    const body = (await res.json()) as ReturnType<typeof readWidgetTexts> & { help: { contact?: unknown } };
    const { contact, ...help } = body.help;
    expect({ ...body, help }).toEqual(readWidgetTexts('en'));
    const helpdesk = t.site.site.helpdesk!;
    expect(contact).toEqual({ name: helpdesk.name.en, phone: (helpdesk.phone as Record<string, string>).en, hours: helpdesk.hours!.en });
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/poort/api/texts/en', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('/poort/api/texts/en', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers 404 for a language Poort has no texts in, in the language asked for', async () => {
    for (const locale of ['fr', 'NL', 'nl-be', 'x'.repeat(30)]) expect((await get(`/poort/api/texts/${locale}`)).status, locale).toBe(404);
    const res = await get('/poort/api/texts/fr', { 'accept-language': 'nl-BE,nl;q=0.8' });
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Poort has no texts in this language.' } });
    // A code's own text follows Accept-Language (English when the request names no language Poort speaks).
    expect(await (await get('/poort/api/admin/texts', { 'accept-language': 'nl' })).json()).toEqual({ error: { code: 'unauthenticated', message: 'U bent niet ingelogd.' } });
    expect(await (await get('/poort/api/admin/texts', { 'accept-language': 'fr' })).json()).toEqual({ error: { code: 'unauthenticated', message: 'You are not logged in.' } });
  });
});

describe('PUT /poort/api/admin/texts/:locale/:key', () => {
  it('refuses without a session (401) and for a role below editor (403), writing nothing', async () => {
    const before = await rowCounts(t.db.db);
    expect(await errorCode(await put('nl', 'help.method.who', { value: 'x', version: 0 }, ''))).toBe('unauthenticated');
    const res = await put('nl', 'help.method.who', { value: 'x', version: 0 }, cookie.user);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('forbidden');
    expect((await get('/poort/api/admin/texts', { cookie: cookie.user })).status).toBe(403);
    expect(await rowCounts(t.db.db)).toEqual(before);
  });

  it('answers 404 for an unknown locale or key, and 400 for a body that is not {value, version}', async () => {
    const before = await rowCounts(t.db.db);
    expect((await put('fr', 'title', { value: 'Titre', version: 0 })).status).toBe(404);
    expect((await put('nl', 'no.such.key', { value: 'x', version: 0 })).status).toBe(404);
    expect((await put('nl', 'help', { value: 'x', version: 0 })).status).toBe(404);
    for (const body of [{ value: 'x' }, { version: 0 }, { value: 1, version: 0 }, { value: 'x', version: -1 }, { value: 'x', version: 1.5 }, { value: 'x', version: 0, extra: true }, '[]'])
      expect(await errorCode(await put('nl', 'title', body)), JSON.stringify(body)).toBe('invalid_request');
    expect(await errorCode(await put('nl', 'title', '{"value":'))).toBe('malformed_json');
    expect((await put('nl', 'title', 'value=x', cookie.editor, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect(await rowCounts(t.db.db)).toEqual(before);
  });

  it('stores a new version with an audit event; the widget endpoint serves it under a new ETag', async () => {
    const etag = (await get('/poort/api/texts/nl')).headers.get('etag')!;
    const res = await put('nl', 'help.method.who', { value: 'Vraag het de <em>eHerkenningsbeheerder</em> van uw organisatie.', version: 0 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ locale: 'nl', key: 'help.method.who', value: 'Vraag het de <em>eHerkenningsbeheerder</em> van uw organisatie.', overridden: true, version: 1 });
    const served = await get('/poort/api/texts/nl', { 'if-none-match': etag });
    expect(served.status).toBe(200);
    expect(served.headers.get('etag')).not.toBe(etag);
    const texts = (await served.json()) as typeof nl;
    expect(texts.help.method.who).toBe('Vraag het de <em>eHerkenningsbeheerder</em> van uw organisatie.');
    expect(texts.help.method.what).toBe(nl.help.method.what);
    // Other locales keep their texts and their ETag.
    expect(((await (await get('/poort/api/texts/en')).json()) as typeof en).help.method.who).toBe(en.help.method.who);
    const [event] = await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'text_changed'));
    expect(event).toMatchObject({ outcome: 'success', actorId: editorId, details: { locale: 'nl', key: 'help.method.who', version: 1 } });
  });

  it('refuses a stale version with 409 and the current state: two editors never overwrite each other', async () => {
    const before = await rowCounts(t.db.db);
    const res = await put('nl', 'help.method.who', { value: 'Mijn versie', version: 0 }, cookie.otherEditor);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'text_version_conflict', problems: [{ key: 'help.method.who', current: { version: 1, overridden: true } }] } });
    expect(await rowCounts(t.db.db)).toEqual(before);
  });

  it('lets exactly one of two editors starting from the same version win', async () => {
    const answers = await Promise.all([put('en', 'help.broker.which', { value: 'First', version: 0 }), put('en', 'help.broker.which', { value: 'Second', version: 0 }, cookie.otherEditor)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await current('en', 'help.broker.which')).version).toBe(1);
  });

  it('lets an admin edit too', async () => {
    expect((await put('en', 'title', { value: 'Sign in', version: 0 }, cookie.admin)).status).toBe(200);
  });
});

describe('validation: a rejected text names its problem and nothing is stored', () => {
  const refused = async (locale: string, key: string, value: string) => {
    const before = await rowCounts(t.db.db);
    const { version } = await current(locale, key);
    const res = await put(locale, key, { value, version }, cookie.editor, { 'accept-language': 'en' });
    expect(res.status, value).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string; problems: Array<{ key: string; problem: string; detail?: string }> } };
    expect(body.error.code).toBe('text_invalid');
    expect(await rowCounts(t.db.db)).toEqual(before);
    return body.error;
  };

  it('requires the placeholders of the default text, no more and none broken', async () => {
    expect((await refused('nl', 'broker.remembered', 'Vorige keer koos u een makelaar.')).problems).toEqual([{ key: 'broker.remembered', problem: 'placeholder_missing', detail: '{{name}}' }]);
    const unknown = await refused('nl', 'broker.remembered', 'Vorige keer: {{name}} ({{email}}).');
    expect(unknown.problems).toEqual([{ key: 'broker.remembered', problem: 'placeholder_unknown', detail: '{{email}}' }]);
    expect(unknown.message).toContain('{{email}} is not a value this text can show');
    expect((await refused('en', 'broker.count_other', '{{count}} brokers, {{count found')).problems.map((p) => p.problem)).toEqual(['placeholder_broken']);
    expect((await refused('en', 'mail.invitation.subject', '$t(title) {{siteName}}')).problems.map((p) => p.problem)).toEqual(['nesting']);
  });

  it('refuses empty texts, markup in a plain text, and names it in the editor’s language', async () => {
    expect((await refused('en', 'title', '   ')).problems.map((p) => p.problem)).toEqual(['empty']);
    expect((await refused('en', 'broker.heading', 'Choose <b>your</b> broker')).problems).toEqual([
      { key: 'broker.heading', problem: 'markup_not_allowed', detail: '<b>' },
    ]);
    expect((await refused('en', 'broker.heading', 'Choose</b>')).problems).toEqual([{ key: 'broker.heading', problem: 'markup_not_allowed', detail: '</b>' }]);
    const res = await put('nl-BE', 'broker.heading', { value: '<i>x</i>', version: 0 }, cookie.editor, { 'accept-language': 'nl-BE' });
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('Deze tekst mag geen opmaak bevatten, zoals <i>');
  });

  it('neutralises hostile markup in help texts: scripts, handlers, javascript: and off-site links', async () => {
    const key = 'help.broker.steps';
    const cases: Array<[string, string, string]> = [
      ['<script>alert(1)</script>', 'tag_not_allowed', '<script>'],
      ['<img src=x onerror=alert(1)>', 'tag_not_allowed', '<img>'],
      ['<p onclick="alert(1)">Klik</p>', 'attribute_not_allowed', 'onclick (<p>)'],
      ['<a href="javascript:alert(1)">x</a>', 'link_not_allowed', 'javascript:alert(1)'],
      ['<a href="jav&#x61;script:alert(1)">x</a>', 'link_not_allowed', 'javascript:alert(1)'],
      ['<a href="//evil.example/">x</a>', 'link_not_allowed', '//evil.example/'],
      ['<a href="http://example.nl/">x</a>', 'link_not_allowed', 'http://example.nl/'],
      ['<a href="data:text/html,<script>alert(1)</script>">x</a>', 'link_not_allowed', 'data:text/html,<script>alert(1)</script>'],
      ['<a href="https://example.nl/" target="_blank">x</a>', 'attribute_not_allowed', 'target (<a>)'],
      ['<a>x</a>', 'link_without_href', ''],
      ['<svg><a href="/x">x</a></svg>', 'tag_not_allowed', '<svg>'],
      ['<!-- x --><p>x</p>', 'hidden_markup', '<!--'],
      ['<style>p{}</style>', 'tag_not_allowed', '<style>'],
      ['<iframe src="https://evil.example"></iframe>', 'tag_not_allowed', '<iframe>'],
    ];
    for (const [value, problem, detail] of cases) {
      const error = await refused('nl', key, value);
      expect(error.problems, value).toContainEqual(detail ? { key, problem, detail } : { key, problem });
    }
  });

  it('stores allowed markup sanitised, with rel="noopener" on every link', async () => {
    const { version } = await current('en', 'help.email.environment');
    const res = await put('en', 'help.email.environment', { value: '<p>Blocked? Ask <strong>your administrator</strong>:</p><ul><li><a href="/help/blocked">help page</a></li><li><a href="https://example.nl/contact">contact</a></li></ul>', version });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { value: string }).value).toBe(
      '<p>Blocked? Ask <strong>your administrator</strong>:</p><ul><li><a href="/help/blocked" rel="noopener">help page</a></li><li><a href="https://example.nl/contact" rel="noopener">contact</a></li></ul>',
    );
  });
});

describe('history and revert', () => {
  it('lists every version newest first: who, when, before and after', async () => {
    const first = await current('nl', 'help.method.who');
    expect((await put('nl', 'help.method.who', { value: 'Tweede versie.', version: first.version })).status).toBe(200);
    const res = await get('/poort/api/admin/texts/nl/help.method.who/history', { cookie: cookie.editor });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { default: string; versions: Array<{ version: number; value: string | null; previous: string | null; at: string; editor: { email: string } | null }> };
    expect(body.default).toBe(nl.help.method.who);
    expect(body.versions.map((v) => [v.version, v.value, v.previous])).toEqual([
      [2, 'Tweede versie.', 'Vraag het de <em>eHerkenningsbeheerder</em> van uw organisatie.'],
      [1, 'Vraag het de <em>eHerkenningsbeheerder</em> van uw organisatie.', null],
    ]);
    expect(body.versions[0]!.editor).toMatchObject({ email: 'redactie@gemeente.example.nl' });
    expect(Date.parse(body.versions[0]!.at)).toBeGreaterThan(0);
    expect((await get('/poort/api/admin/texts/nl/nope/history', { cookie: cookie.editor })).status).toBe(404);
    expect((await get('/poort/api/admin/texts/nl/help.method.who/history')).status).toBe(401);
  });

  it('reverts to an earlier version or to the default, as a new version, with the version check', async () => {
    const revert = (body: unknown) => post(t, '/poort/api/admin/texts/nl/help.method.who/revert', body, { cookie: cookie.editor });
    const toFirst = await revert({ to: 1, version: 2 });
    expect(await toFirst.json()).toMatchObject({ value: 'Vraag het de <em>eHerkenningsbeheerder</em> van uw organisatie.', overridden: true, version: 3 });
    expect((await revert({ to: 0, version: 2 })).status).toBe(409);
    expect((await revert({ to: 9, version: 3 })).status).toBe(404);
    expect(await errorCode(await revert({ to: 'x', version: 3 }))).toBe('invalid_request');
    const toDefault = await revert({ to: 0, version: 3 });
    expect(await toDefault.json()).toMatchObject({ value: nl.help.method.who, overridden: false, version: 4 });
    expect(((await (await get('/poort/api/texts/nl')).json()) as typeof nl).help.method.who).toBe(nl.help.method.who);
    expect(await t.db.db.select().from(auditEvents).where(eq(auditEvents.type, 'text_reverted'))).toHaveLength(2);
  });
});

describe('export and import of a locale', () => {
  it('exports every text as it shows now, as i18next JSON', async () => {
    const res = await get('/poort/api/admin/texts/en/export', { cookie: cookie.editor });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="poort-texts-en.json"');
    const body = (await res.json()) as { title: string; mail: { invitation: { subject: string } }; help: { broker: { which: string } } };
    expect(body.title).toBe('Sign in');
    expect(body.mail.invitation.subject).toBe('Your account for {{siteName}}');
    expect((await get('/poort/api/admin/texts/fr/export', { cookie: cookie.editor })).status).toBe(404);
  });

  it('refuses an import with any bad entry as a whole, listing every problem, writing nothing', async () => {
    const before = await rowCounts(t.db.db);
    const res = await post(t, '/poort/api/admin/texts/nl/import', { title: 'Inloggen bij ons', broker: { remembered: 'Geen naam', heading: 42 }, nope: 'x', help: { method: { who: '<script>x</script>Hulp' } } }, { cookie: cookie.editor });
    expect(res.status).toBe(422);
    const { problems } = ((await res.json()) as { error: { problems: unknown[] } }).error;
    expect(problems).toEqual([{ key: 'broker.heading', problem: 'not_text' }]);
    const second = await post(t, '/poort/api/admin/texts/nl/import', { title: 'Inloggen bij ons', broker: { remembered: 'Geen naam' }, nope: 'x', help: { method: { who: '<script>x</script>Hulp' } } }, { cookie: cookie.editor });
    expect(((await second.json()) as { error: { problems: unknown[] } }).error.problems).toEqual([
      { key: 'broker.remembered', problem: 'placeholder_missing', detail: '{{name}}' },
      { key: 'nope', problem: 'unknown_key' },
      { key: 'help.method.who', problem: 'tag_not_allowed', detail: '<script>' },
    ]);
    expect(await rowCounts(t.db.db)).toEqual(before);
    expect((await post(t, '/poort/api/admin/texts/nl/import', [], { cookie: cookie.editor })).status).toBe(400);
    expect((await post(t, '/poort/api/admin/texts/nl/import', {}, { cookie: cookie.user })).status).toBe(403);
  });

  it('imports a good file in one go: changed texts become versions, a default value takes the override back', async () => {
    const exported = (await (await get('/poort/api/admin/texts/en/export', { cookie: cookie.editor })).json()) as typeof en & Record<string, unknown>;
    const file = { ...exported, title: en.title, intro: 'Choose how to log in to {{site}}, please.' };
    const res = await post(t, '/poort/api/admin/texts/en/import', file, { cookie: cookie.editor });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ changed: 2 });
    const served = (await (await get('/poort/api/texts/en')).json()) as typeof en;
    expect(served.title).toBe(en.title);
    expect(served.intro).toBe('Choose how to log in to {{site}}, please.');
    expect(await current('en', 'title')).toMatchObject({ overridden: false, version: 2 });
    // Importing the same file again changes nothing.
    expect(await (await post(t, '/poort/api/admin/texts/en/import', file, { cookie: cookie.editor })).json()).toEqual({ changed: 0 });
  });
});

describe('the BFF speaks with the overrides', () => {
  it('writes mails with the overridden text', async () => {
    const { version } = await current('nl', 'mail.password_reset.subject');
    expect((await put('nl', 'mail.password_reset.subject', { value: 'Nieuw wachtwoord voor {{siteName}} (redactie)', version })).status).toBe(200);
    await makeUser(t, 'vergeten@gemeente.example.nl', { locale: 'nl' });
    expect((await post(t, '/poort/api/password/forgot', { email: 'vergeten@gemeente.example.nl' })).status).toBe(202);
    const [mail] = await t.db.db.select().from(outbox).where(eq(outbox.to, 'vergeten@gemeente.example.nl'));
    expect(mail!.subject).toMatch(/^Nieuw wachtwoord voor .+ \(redactie\)$/);
  });

  it('shows the overridden text on a refusal page, escaped', async () => {
    const { version } = await current('en', 'page.error.message.not_found.heading');
    expect((await put('en', 'page.error.message.not_found.heading', { value: 'Nothing here & nowhere', version })).status).toBe(200);
    const res = await get('/poort/nothing-here', { accept: 'text/html', 'accept-language': 'en' });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<h1>Nothing here &amp; nowhere</h1>');
  });
});
