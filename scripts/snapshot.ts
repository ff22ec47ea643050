/**
 * `npm run snapshot`: take today's 赋码率 snapshot on the running local cloud, exactly as the
 * daily CloudBase timer does: the local cloud fires the staff function's timer trigger
 * (`POST /_admin/timer`: the timer event, no caller, TRIGGER_SRC=timer — a caller sending the timer
 * event itself is refused). Re-running on the same day overwrites that day's snapshot. The cloud is
 * LOCAL_CLOUD_URL, else http://127.0.0.1:$LOCAL_CLOUD_PORT (3900).
 */
import { isMain } from './is-main';
import { localCloudUrl } from './staff';

export async function takeSnapshotVia(url: string): Promise<{ snapshot: string }> {
  const res = await fetch(`${url.replace(/\/$/, '')}/_admin/timer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'staff', triggerName: 'dailyRateSnapshot' }),
  });
  const body = (await res.json()) as { result?: { ok: boolean; data?: { snapshot: string }; error?: { code: string; message: string } } };
  if (!body.result?.ok) throw new Error(`snapshot failed: ${JSON.stringify(body.result?.error ?? body)}`);
  return body.result.data!;
}

if (isMain(__filename)) {
  takeSnapshotVia(localCloudUrl()).then(
    (r) => process.stdout.write(`已生成 ${r.snapshot} 的赋码率快照\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
