// The widget's size, what `npm run bench` reports and test/e2e/widget-size.test.ts holds:
//   widget.initial_min_bytes / widget.initial_gzip_bytes   login-chooser.js plus every module it
//       imports statically: what a browser downloads before <login-chooser> renders on a Dutch page
//   widget.total_min_bytes / widget.total_gzip_bytes       that plus every chunk it may import on
//       demand (the Flemish and English texts, the steps few people see, their texts): each gzipped
//       on its own, as a server sends them
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { widgetDistDir } from '../../demo-site/serve.js';
import { report } from './report.js';

export interface Size {
  files: string[];
  min: number;
  gzip: number;
}

// The minifier quotes with ', " or `.
const relativeImport = /(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.\/[^"'`]+)["'`]/g;
const dynamicImport = /import\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g;

/** A module and the modules it imports: statically only, or (`lazy`) also with `import()`. */
function closure(file: string, lazy: boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const imports = [...code.matchAll(relativeImport), ...(lazy ? code.matchAll(dynamicImport) : [])];
  for (const m of imports) closure(join(dirname(file), m[1]!), lazy, seen);
  return seen;
}

/** What a page downloads before <login-chooser> renders (one request's worth: gzipped together). */
export function initialWidget(dir = widgetDistDir): Size {
  const files = [...closure(join(dir, 'login-chooser.js'), false)];
  const code = Buffer.concat(files.map((f) => readFileSync(f)));
  return { files, min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Everything the widget may load: the initial modules and every chunk reachable by import(), each gzipped apart. */
export function totalWidget(dir = widgetDistDir): Size {
  const initial = initialWidget(dir);
  const lazy = [...closure(join(dir, 'login-chooser.js'), true)].filter((f) => !initial.files.includes(f));
  const sizes = lazy.map((f) => readFileSync(f)).map((code) => ({ min: code.length, gzip: gzipSync(code, { level: 9 }).length }));
  return {
    files: [...initial.files, ...lazy],
    min: sizes.reduce((sum, s) => sum + s.min, initial.min),
    gzip: sizes.reduce((sum, s) => sum + s.gzip, initial.gzip),
  };
}

/** Every chunk file next to login-chooser.js, reachable or not (to catch a chunk the measurement misses). */
export function widgetChunkFiles(dir = widgetDistDir): string[] {
  return readdirSync(dir)
    .filter((name) => /^login-chooser.*\.js$/.test(name))
    .map((name) => join(dir, name));
}

export function benchWidgetSize(): void {
  const initial = initialWidget();
  const total = totalWidget();
  report('widget.initial_min_bytes', initial.min, 'bytes');
  report('widget.initial_gzip_bytes', initial.gzip, 'bytes');
  report('widget.total_min_bytes', total.min, 'bytes');
  report('widget.total_gzip_bytes', total.gzip, 'bytes');
}
