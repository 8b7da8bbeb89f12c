// Vitest reporter: after the run, the ten slowest test files (import, setup and tests together)
// and the sum over all files, so a slow file is noticed when it lands. Wall time is printed by
// vitest itself; with several workers the sum is larger than the wall time.
import type { Reporter, TestModule } from 'vitest/node';

function fileTime(module: TestModule): number {
  const d = module.diagnostic();
  return d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
}

export class SlowestFilesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (modules.length === 0) return;
    const rows = modules.map((m) => ({ ms: fileTime(m), name: `${m.project.name}: ${m.relativeModuleId}` })).sort((a, b) => b.ms - a.ms);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
    const total = rows.reduce((sum, r) => sum + r.ms, 0);
    const lines = [`\nSlowest test files (of ${rows.length}; all files together ${seconds(total).trim()}):`];
    for (const r of rows.slice(0, 10)) lines.push(`${seconds(r.ms)}  ${r.name}`);
    console.log(lines.join('\n'));
  }
}
