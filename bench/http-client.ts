/**
 * The benchmarks' client: POST a function call to the local cloud over one keep-alive connection
 * pool, with node:http rather than fetch. fetch (undici) spends several times the CPU and memory
 * per call, and in the verify and search scenarios the client shares a process with the local
 * cloud it is timing; a phone's own work is not the database's.
 */
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface CallBody {
  result?: { ok: boolean; data?: any; error?: { code: string; message: string } };
  error?: unknown;
}

/** `POST {url}/functions/{fn}` with `{ openid, data }`: the HTTP status and the parsed answer. */
export function postFunction(url: string, fn: string, openid: string, data: unknown): Promise<{ status: number; body: CallBody }> {
  const payload = Buffer.from(JSON.stringify({ openid, data }));
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/functions/${fn}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallBody });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Close the pooled connections (so a process can exit). */
export function closeClient(): void {
  agent.destroy();
}
