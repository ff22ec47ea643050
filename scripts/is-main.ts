import { realpathSync } from 'node:fs';

/** True when this file is the script node (or tsx) was started with, not an import of it. */
export function isMain(filename: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && realpathSync(entry) === filename;
}
