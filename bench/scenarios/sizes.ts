/** The mini-program package and each bundled function, as `npm run build` produced them. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { emit, type Figure } from '../report';

const root = join(__dirname, '..', '..');

function treeBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? treeBytes(p) : statSync(p).size;
  }
  return total;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const figures: Figure[] = [
  { name: 'mini-program package (build/miniprogram)', value: kb(treeBytes(join(root, 'build', 'miniprogram'))), unit: 'KB', max: 1536 },
];
const functionsDir = join(root, 'cloudfunctions');
for (const name of readdirSync(functionsDir).sort()) {
  const bundle = join(functionsDir, name, 'index.js');
  if (existsSync(bundle)) figures.push({ name: `function ${name} (without wx-server-sdk)`, value: kb(statSync(bundle).size), unit: 'KB', max: 600 });
}
emit({ scenario: 'package sizes', figures });
