// The texts API. Public: `GET /api/texts/:locale`, the widget's texts with the editors' overrides
// (ETag, revalidated on every load, so a change shows at the next load without a rebuild).
// Editors (role editor and up): the overview, one text's change, history and revert, and a whole
// locale's export and import.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { locales, type Locale } from '../../../contract/locales.js';
import { isRichTextKey } from '../../../contract/text-markup.js';
import type { AppEnv } from '../app-env.js';
import { requestOrigin } from '../http/request-client.js';
import { ApiError } from '../http/api-error.js';
import { validationHook } from '../http/validation-hook.js';
import { loadSession, requireSession } from '../sessions/load-session.js';
import { errorResponse, jsonBody, jsonResponse } from '../accounts/account-schemas.js';
import type { DefaultTexts } from './default-texts.js';
import { textDefaultsFor } from './site-texts.js';
import { editText, importTexts, mergedTexts, revertText, type EditorContext } from './text-editing.js';
import { currentOverrides, currentVersions, overridesRevision, textHistory } from './text-store.js';
import { TEXT_MAX_LENGTH } from './text-rules.js';
import { placeholdersOf, unflattenTexts } from './text-tree.js';

/** Roles that edit texts: editors, and every role above them. */
export const textEditorRoles = ['editor', 'admin', 'servicedesk'] as const;

// Path parameters are plain strings here: an unknown locale or key is a 404 (nothing there), not a 400.
const LocaleParam = z.object({ locale: z.string().max(100).openapi({ param: { name: 'locale', in: 'path' }, example: 'nl-BE' }) });
const KeyParams = LocaleParam.extend({ key: z.string().max(200).openapi({ param: { name: 'key', in: 'path' }, example: 'help.method.who' }) });
const TextTreeSchema = z.record(z.string(), z.unknown()).openapi('TextTree', { description: 'i18next JSON v4: nested objects of strings' });
const TextStateSchema = z
  .object({ locale: z.enum(locales), key: z.string(), value: z.string(), overridden: z.boolean(), version: z.number().int() })
  .openapi('TextState');
const Version = z.number().int().min(0).max(2 ** 31 - 1);
const editorErrors = { 401: errorResponse('unauthenticated'), 403: errorResponse('forbidden: not an editor'), 404: errorResponse('not_found: no such locale or key') };

/** Whose texts: the widget's (default), or the Beheer page's (its keys without the `beheer.` prefix). */
const TextsFor = z.object({ for: z.enum(['widget', 'beheer']).default('widget').openapi({ description: "whose texts: the widget's (default) or the Beheer page's" }) }).strict();

const getTexts = createRoute({
  method: 'get',
  path: '/api/texts/{locale}',
  summary: "The widget's (or the Beheer page's) texts in a locale: defaults with the editors' overrides (ETag; send If-None-Match)",
  request: { params: LocaleParam, query: TextsFor },
  responses: { 200: jsonResponse('texts', TextTreeSchema), 304: { description: 'unchanged since the ETag sent' }, 404: errorResponse('not_found: no such locale') },
});

const overview = createRoute({
  method: 'get',
  path: '/api/admin/texts',
  summary: 'Every text in every locale: default, what shows, version',
  responses: {
    200: jsonResponse(
      'texts',
      z.object({
        locales: z.array(z.enum(locales)),
        texts: z.array(
          z.object({
            key: z.string(),
            widget: z.boolean(),
            part: z.enum(['widget', 'beheer', 'bff']).openapi({ description: 'whose text: the widget, the Beheer page, or the BFF (pages, mails, API messages, the editor)' }),
            rich: z.boolean(),
            placeholders: z.array(z.string()),
            values: z.record(z.string(), z.object({ default: z.string().nullable(), value: z.string().nullable(), overridden: z.boolean(), version: z.number().int() })),
          }),
        ),
      }),
    ),
    ...editorErrors,
  },
});

const putText = createRoute({
  method: 'put',
  path: '/api/admin/texts/{locale}/{key}',
  summary: 'Override a text in a locale; `version` is the one you started from (0: the default)',
  request: { params: KeyParams, ...jsonBody(z.object({ value: z.string().max(TEXT_MAX_LENGTH * 2), version: Version }).strict().openapi('TextChange')) },
  responses: {
    200: jsonResponse('stored as a new version', TextStateSchema),
    400: errorResponse('invalid_request'),
    409: errorResponse('text_version_conflict: changed by someone else meanwhile (the current state in problems)'),
    422: errorResponse('text_invalid: every problem listed in problems; nothing stored'),
    ...editorErrors,
  },
});

const history = createRoute({
  method: 'get',
  path: '/api/admin/texts/{locale}/{key}/history',
  summary: "A text's versions, newest first: who, when, the value before and after",
  request: { params: KeyParams },
  responses: {
    200: jsonResponse(
      'history',
      z.object({
        default: z.string(),
        versions: z.array(
          z.object({
            version: z.number().int(),
            value: z.string().nullable(),
            previous: z.string().nullable(),
            at: z.string(),
            editor: z.object({ id: z.string(), email: z.string().nullable(), displayName: z.string().nullable() }).nullable(),
          }),
        ),
      }),
    ),
    ...editorErrors,
  },
});

const revert = createRoute({
  method: 'post',
  path: '/api/admin/texts/{locale}/{key}/revert',
  summary: 'Take a text back to an earlier version (`to`), or to the default (`to`: 0), as a new version',
  request: { params: KeyParams, ...jsonBody(z.object({ to: Version, version: Version }).strict().openapi('TextRevert')) },
  responses: {
    200: jsonResponse('stored as a new version', TextStateSchema),
    400: errorResponse('invalid_request'),
    409: errorResponse('text_version_conflict'),
    422: errorResponse('text_invalid: the earlier text no longer fits the default'),
    ...editorErrors,
  },
});

const exportLocale = createRoute({
  method: 'get',
  path: '/api/admin/texts/{locale}/export',
  summary: 'Every text of a locale as it shows now, as i18next JSON',
  request: { params: LocaleParam },
  responses: { 200: jsonResponse('i18next JSON', TextTreeSchema), ...editorErrors },
});

const importLocale = createRoute({
  method: 'post',
  path: '/api/admin/texts/{locale}/import',
  summary: 'Import i18next JSON for a locale: checked as a whole, nothing written on any problem',
  request: { params: LocaleParam, ...jsonBody(TextTreeSchema) },
  responses: {
    200: jsonResponse('imported', z.object({ changed: z.number().int() })),
    400: errorResponse('invalid_request'),
    422: errorResponse('text_invalid: every problem listed in problems; nothing written'),
    ...editorErrors,
  },
});

function localeOf(value: string): Locale {
  if (!(locales as readonly string[]).includes(value)) throw new ApiError('not_found', 'Poort has no texts in this language.');
  return value as Locale;
}

function keyOf(defaults: DefaultTexts, locale: Locale, key: string): string {
  if (!defaults.byLocale[locale].has(key)) throw new ApiError('not_found', 'There is no text with this key.');
  return key;
}

function editor(c: Context<AppEnv>): EditorContext {
  const { db, env, site } = c.get('deps');
  return { db: db.db, editorId: c.get('session')!.user.id, origin: requestOrigin(c, env.trustProxy), defaults: textDefaultsFor(site) };
}

export function textRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.use('/api/admin/texts', loadSession(), requireSession(...textEditorRoles));
  routes.use('/api/admin/texts/*', loadSession(), requireSession(...textEditorRoles));
  return routes
    .openapi(getTexts, async (c) => {
      const locale = localeOf(c.req.valid('param').locale);
      const part = c.req.valid('query').for;
      const { db: database, site } = c.get('deps');
      const db = database.db;
      const defaults = textDefaultsFor(site);
      const etag = `"${part}.${defaults.fingerprint}.${await overridesRevision(db, locale)}"`;
      // Revalidated on every load (no-cache), answered 304 while nothing changed.
      c.header('Cache-Control', 'no-cache');
      c.header('ETag', etag);
      if (c.req.header('if-none-match')?.split(/\s*,\s*/).includes(etag)) return c.body(null, 304);
      const overrides = (await currentOverrides(db, locale))[locale];
      if (part === 'widget') return c.json(unflattenTexts(mergedTexts(defaults, locale, overrides, defaults.widgetKeys)), 200);
      const beheer = mergedTexts(defaults, locale, overrides, defaults.beheerKeys).map(([key, value]) => [key.slice('beheer.'.length), value] as const);
      return c.json(unflattenTexts(beheer), 200);
    })
    .openapi(overview, async (c) => {
      const defaults = textDefaultsFor(c.get('deps').site);
      const rows = await currentVersions(c.get('deps').db.db);
      const current = new Map(rows.map((r) => [`${r.locale} ${r.key}`, r]));
      const keys = [...new Set(locales.flatMap((l) => [...defaults.byLocale[l].keys()]))].sort();
      return c.json(
        {
          locales: [...locales],
          texts: keys.map((key) => ({
            key,
            widget: defaults.widgetKeys.has(key),
            part: defaults.widgetKeys.has(key) ? ('widget' as const) : defaults.beheerKeys.has(key) ? ('beheer' as const) : ('bff' as const),
            rich: isRichTextKey(key),
            placeholders: placeholdersOf(defaults.byLocale.nl.get(key) ?? ''),
            values: Object.fromEntries(
              locales.map((locale) => {
                const fallback = defaults.byLocale[locale].get(key) ?? null;
                const row = current.get(`${locale} ${key}`);
                return [locale, { default: fallback, value: row?.value ?? fallback, overridden: row?.value != null, version: row?.version ?? 0 }];
              }),
            ),
          })),
        },
        200,
      );
    })
    .openapi(putText, async (c) => {
      const { locale: l, key: k } = c.req.valid('param');
      const locale = localeOf(l);
      const { value, version } = c.req.valid('json');
      const ctx = editor(c);
      return c.json(await editText(ctx, locale, keyOf(ctx.defaults, locale, k), value, version), 200);
    })
    .openapi(history, async (c) => {
      const { locale: l, key: k } = c.req.valid('param');
      const locale = localeOf(l);
      const defaults = textDefaultsFor(c.get('deps').site);
      const key = keyOf(defaults, locale, k);
      const versions = await textHistory(c.get('deps').db.db, locale, key);
      return c.json({ default: defaults.byLocale[locale].get(key)!, versions: versions.map((v) => ({ ...v, at: v.at.toISOString() })) }, 200);
    })
    .openapi(revert, async (c) => {
      const { locale: l, key: k } = c.req.valid('param');
      const locale = localeOf(l);
      const { to, version } = c.req.valid('json');
      const ctx = editor(c);
      return c.json(await revertText(ctx, locale, keyOf(ctx.defaults, locale, k), to, version), 200);
    })
    .openapi(exportLocale, async (c) => {
      const locale = localeOf(c.req.valid('param').locale);
      const overrides = (await currentOverrides(c.get('deps').db.db, locale))[locale];
      c.header('Content-Disposition', `attachment; filename="poort-texts-${locale}.json"`);
      return c.json(unflattenTexts(mergedTexts(textDefaultsFor(c.get('deps').site), locale, overrides)), 200);
    })
    .openapi(importLocale, async (c) => {
      const locale = localeOf(c.req.valid('param').locale);
      return c.json(await importTexts(editor(c), locale, c.req.valid('json')), 200);
    });
}
