/**
 * Runs one cloud-function invocation in a process of its own, as a CloudBase instance does, so
 * its peak resident memory is the function's alone (the emulator's memory is another process's).
 * Usage: node --import tsx bench/function-host.ts <cloudUrl> <function> <openid> <eventFile>
 * Prints `HOST {"result":…,"peakRssMb":…}`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeEnvironment } from '../localcloud/functions';
import { peakRssMb } from './report';

async function main(): Promise<void> {
  const [url, name, openid, eventFile] = process.argv.slice(2);
  if (!url || !name || openid === undefined || !eventFile)
    throw new Error('usage: function-host <cloudUrl> <function> <openid> <eventFile>');
  Object.assign(process.env, runtimeEnvironment('localcloud', url), {
    WX_OPENID: openid,
    WX_APPID: 'wxbench000000000',
    TCB_SEQID: `bench-${process.pid}`,
    TCB_SOURCE: 'wx_client',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the built CommonJS bundle as the cloud runtime does
  const fn = require(join(__dirname, '..', 'cloudfunctions', name, 'index.js')) as {
    main(event: unknown, context: unknown): Promise<unknown>;
  };
  const result = await fn.main(JSON.parse(readFileSync(eventFile, 'utf8')), {});
  process.stdout.write(`HOST ${JSON.stringify({ result, peakRssMb: Math.round(peakRssMb()) })}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
