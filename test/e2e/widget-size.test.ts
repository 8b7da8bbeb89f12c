// The widget's size (issue 5): everything a page downloads before <login-chooser> can render, Lit
// and the Dutch texts included, stays within 28 KiB gzipped. The Flemish and English texts and the
// steps few people see (linking, adding and choosing an organisation, choosing an ACM/IDM capacity)
// are chunks loaded on demand (docs/development.md, "Widget size"): not part of that figure, but
// each is a file next to login-chooser.js that the measurement must find. Needs `npm run build`
// first (npm test builds before it runs vitest).
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialWidget, totalWidget, widgetChunkFiles } from '../bench/widget-size.js';

describe('the built widget', () => {
  it('downloads at most 28,672 bytes gzipped before <login-chooser> renders', () => {
    const initial = initialWidget();
    expect(initial.files.map((f) => basename(f))).toEqual(['login-chooser.js']);
    expect(initial.gzip).toBeLessThanOrEqual(28_672);
  });

  it('loads the other languages and the rarely seen steps as chunks of their own, all reachable from login-chooser.js', () => {
    const total = totalWidget();
    const names = total.files.map((f) => basename(f));
    for (const chunk of ['texts-en', 'texts-nl-BE', 'poort-link-step', 'poort-add-organisation', 'poort-organisation-chooser', 'poort-capacity-chooser', 'texts-link-en', 'texts-organisations-nl-BE', 'texts-capacities-en']) {
      expect(names.some((name) => name.startsWith(`login-chooser-${chunk}-`)), chunk).toBe(true);
    }
    expect([...total.files].sort()).toEqual(widgetChunkFiles().sort());
    expect(total.gzip).toBeGreaterThan(initialWidget().gzip);
  });
});
