/** What a scenario prints: one JSON line of figures and the budgets they are checked against. */
import { readFileSync } from 'node:fs';

export interface Figure {
  name: string;
  value: number | string;
  unit?: string;
  /** The budget, when DESIGN.md §6 sets one: `value <= max` means met. */
  max?: number;
}

export interface ScenarioResult {
  scenario: string;
  figures: Figure[];
  notes?: string[];
}

export function emit(result: ScenarioResult): void {
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

export function met(f: Figure): boolean | undefined {
  return f.max === undefined || typeof f.value !== 'number' ? undefined : f.value <= f.max;
}

/** Peak resident memory of this process (Linux VmHWM), in MB. */
export function peakRssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8') as string;
    const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
    if (Number.isFinite(kb)) return kb / 1024;
  } catch {
    /* not Linux: fall back to the current RSS */
  }
  return process.memoryUsage().rss / 1024 / 1024;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}
