// The widget's size (issue 5): everything a page downloads before <login-chooser> can render, Lit
// and the texts included. Issue 5's goal was 28 KiB gzipped; with the linking step, the
// organisation chooser, served texts and the accessibility work of issues 13, 14 and 17 it measures
// about 33.6 KB, so that goal is missed (docs/development.md, "Widget size", has the plan: load
// nl-BE/en texts and the rarely used steps on demand). This ceiling keeps it from growing further
// unnoticed until then. Needs `npm run build` first (npm test builds before it runs vitest).
import { describe, expect, it } from 'vitest';
import { widgetBytes } from '../bench/widget-size.js';

describe('the built widget', () => {
  it('stays within 34,816 bytes gzipped (the ceiling while the 28 KiB goal is missed)', () => {
    expect(widgetBytes().gzip).toBeLessThanOrEqual(34_816);
  });
});
