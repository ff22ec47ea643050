/** The demo's one deterministic random stream (mulberry32 seeded by a text): the same draws in the same order give the same data. */
import { createHash } from 'node:crypto';

export class Rng {
  private s: number;
  constructor(seed: string) {
    this.s = createHash('sha256').update(seed).digest().readUInt32LE(0);
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }
  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.int(256));
  }
  /** 0…n-1 shuffled (Fisher–Yates). */
  permutation(n: number): number[] {
    const order = Array.from({ length: n }, (_x, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  }
}
