// The editor's calls to the texts API (bff/src/texts/routes.ts). Same-origin JSON, as the BFF's
// CSRF rule wants; every answer comes back as { ok, status, body } for the element to show.
import type { Locale } from '../../contract/locales.js';

export interface TextEntry {
  key: string;
  widget: boolean;
  /** Whose text: the widget's, the Beheer page's (`beheer.…`), or the BFF's. */
  part: 'widget' | 'beheer' | 'bff';
  rich: boolean;
  placeholders: string[];
  values: Record<Locale, { default: string | null; value: string | null; overridden: boolean; version: number }>;
}

export interface Problem {
  key: string;
  problem: string;
  detail?: string;
  current?: { value: string; version: number; overridden: boolean };
}

export interface HistoryVersion {
  version: number;
  value: string | null;
  previous: string | null;
  at: string;
  editor: { email: string | null; displayName: string | null } | null;
}

export interface Answer<T> {
  ok: boolean;
  status: number;
  body: T & { error?: { code: string; message: string; problems?: Problem[] } };
}

export async function call<T>(bff: string, path: string, method = 'GET', body?: unknown): Promise<Answer<T>> {
  const res = await fetch(`${bff}${path}`, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed = (await res.json().catch(() => ({}))) as Answer<T>['body'];
  return { ok: res.ok, status: res.status, body: parsed };
}

export const textPath = (locale: Locale, key: string) => `/api/admin/texts/${encodeURIComponent(locale)}/${encodeURIComponent(key)}`;
