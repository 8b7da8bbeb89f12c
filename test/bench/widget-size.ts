// widget.min_bytes / widget.gzip_bytes: the built module plus every module it imports statically,
// i.e. what a browser downloads before <login-chooser> can render.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { widgetDistDir } from '../../demo-site/serve.js';
import { report } from './report.js';

function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.\/[^"']+)["']/g)) {
    closure(join(dirname(file), m[1]!), seen);
  }
  return seen;
}

export function widgetBytes(): { min: number; gzip: number } {
  const files = [...closure(join(widgetDistDir, 'login-chooser.js'))];
  const code = Buffer.concat(files.map((f) => readFileSync(f)));
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export function benchWidgetSize(): void {
  const { min, gzip } = widgetBytes();
  report('widget.min_bytes', min, 'bytes');
  report('widget.gzip_bytes', gzip, 'bytes');
}
