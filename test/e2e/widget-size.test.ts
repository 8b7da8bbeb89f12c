// The widget's size budget (issue 5): everything a page downloads before <login-chooser> can
// render, Lit and the texts included, at most 28 KiB gzipped. Needs `npm run build` first (npm
// test builds before it runs vitest).
import { describe, expect, it } from 'vitest';
import { widgetBytes } from '../bench/widget-size.js';

describe('the built widget', () => {
  it('stays within 28,672 bytes gzipped', () => {
    expect(widgetBytes().gzip).toBeLessThanOrEqual(28_672);
  });
});
