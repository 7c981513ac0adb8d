// A reporter that prints each test file's time and counts at the end of the run, slowest first,
// so that a slow or growing suite is visible in every run's output (CI's included).
import type { Reporter, TestModule } from 'vitest/node';
import { timeScale } from './time.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);

export default class SuiteTimes implements Reporter {
  private started = Date.now();

  onTestRunStart() {
    this.started = Date.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const lines = modules
      .map((module) => {
        const counts = { passed: 0, failed: 0, skipped: 0 };
        for (const test of module.children.allTests()) {
          const state = test.result().state;
          if (state === 'passed' || state === 'failed') counts[state]++;
          else counts.skipped++;
        }
        const { collectDuration, duration } = module.diagnostic();
        return { name: module.relativeModuleId, ms: collectDuration + duration, ...counts };
      })
      .sort((a, b) => b.ms - a.ms);
    const width = Math.max(...lines.map((l) => l.name.length), 4);
    const out = [`\nPer-suite times (import + tests and hooks; time limits ×${timeScale}):`];
    for (const l of lines) {
      const skipped = l.skipped ? `, ${l.skipped} skipped` : '';
      const failed = l.failed ? `, ${l.failed} FAILED` : '';
      out.push(`  ${l.name.padEnd(width)} ${seconds(l.ms)}  ${l.passed} passed${failed}${skipped}`);
    }
    const sum = lines.reduce((total, l) => total + l.ms, 0);
    out.push(`  ${'sum'.padEnd(width)} ${seconds(sum)}  (wall ${seconds(Date.now() - this.started).trim()})`);
    console.log(out.join('\n'));
  }
}
