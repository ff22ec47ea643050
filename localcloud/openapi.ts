/**
 * The WeChat open API as the local cloud answers it. wx-server-sdk sends `cloud.openapi.<api>(data)`
 * as a multipart POST `{ action: 'wx.openApi', apiName, requestData }` where requestData is a
 * protobuf `CommApiData { apiType = 1; openapiData = 2 { repeated KeyValuePair pairs = 1 { key = 1;
 * value = 2 (JSON bytes) } } }`, keys in snake_case, and it reads the reply (raw bytes) as
 * `CommOpenApiResp { respData = 1 (bytes); contentType = 2; errorCode = 3; httpCode = 4 }`.
 *
 * `subscribeMessage.send` is answered here: the message is kept in an outbox (newest last, bounded)
 * that `GET /_outbox?touser=` lists, so the preview can show what each person was sent. Other
 * APIs stay unavailable locally.
 */

export interface OutboxMessage {
  seq: number;
  at: string;
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: string;
}

/** Messages kept; the oldest are dropped first. */
export const OUTBOX_LIMIT = 2000;

export class Outbox {
  private messages: OutboxMessage[] = [];
  private seq = 0;

  add(m: Omit<OutboxMessage, 'seq' | 'at'>): OutboxMessage {
    const msg = { ...m, seq: ++this.seq, at: new Date().toISOString() };
    this.messages.push(msg);
    if (this.messages.length > OUTBOX_LIMIT) this.messages.splice(0, this.messages.length - OUTBOX_LIMIT);
    return msg;
  }

  list(touser?: string): OutboxMessage[] {
    const all = touser ? this.messages.filter((m) => m.touser === touser) : this.messages;
    return [...all].reverse();
  }

  clear(): void {
    this.messages = [];
  }
}

// ---- a minimal protobuf reader/writer for the two messages above

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++]!;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7;
    if (shift > 49) throw new Error('varint too long');
  }
}

/** Fields of one message: field number → list of raw values (Buffer for length-delimited, number for varint). */
function fields(buf: Buffer): Map<number, (Buffer | number)[]> {
  const out = new Map<number, (Buffer | number)[]>();
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p1] = readVarint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    let value: Buffer | number;
    if (wire === 0) [value, pos] = readVarint(buf, p1);
    else if (wire === 2) {
      const [len, p2] = readVarint(buf, p1);
      if (p2 + len > buf.length) throw new Error('truncated field');
      value = buf.subarray(p2, p2 + len);
      pos = p2 + len;
    } else if (wire === 1) [value, pos] = [0, p1 + 8];
    else if (wire === 5) [value, pos] = [0, p1 + 4];
    else throw new Error(`unsupported wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

/** The open API call's data, keys as sent (snake_case), values parsed from JSON. */
export function decodeOpenApiData(requestData: Buffer): Record<string, unknown> {
  const openapiData = fields(requestData).get(2)?.[0];
  if (!Buffer.isBuffer(openapiData)) throw new Error('no openapiData');
  const out: Record<string, unknown> = {};
  for (const pair of fields(openapiData).get(1) ?? []) {
    if (!Buffer.isBuffer(pair)) continue;
    const f = fields(pair);
    const key = f.get(1)?.[0];
    const value = f.get(2)?.[0];
    if (!Buffer.isBuffer(key) || !Buffer.isBuffer(value)) continue;
    out[key.toString('utf8')] = JSON.parse(value.toString('utf8')) as unknown;
  }
  return out;
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

function bytesField(field: number, value: Buffer): Buffer {
  return Buffer.concat([varint(field * 8 + 2), varint(value.length), value]);
}

/** A CommOpenApiResp carrying a JSON reply, as WeChat answers. */
export function encodeOpenApiResponse(json: unknown): Buffer {
  return Buffer.concat([
    bytesField(1, Buffer.from(JSON.stringify(json), 'utf8')),
    bytesField(2, Buffer.from('application/json', 'utf8')),
    Buffer.from([4 * 8]),
    varint(200),
  ]);
}

/** The multipart/form-data parts of a request body, by name. */
export function multipartParts(body: Buffer, contentType: string): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return parts;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const name = /name="([^"]*)"/.exec(part.subarray(0, headerEnd).toString('utf8'))?.[1];
      if (name !== undefined) parts.set(name, part.subarray(headerEnd + 4));
    }
    start = next;
  }
  return parts;
}

/** WeChat's reply to a subscribeMessage.send, after keeping the message in the outbox. */
export function subscribeMessageSend(outbox: Outbox, data: Record<string, unknown>): Record<string, unknown> {
  const touser = typeof data.touser === 'string' ? data.touser : '';
  const templateId = typeof data.template_id === 'string' ? data.template_id : '';
  if (!touser) return { errcode: 40003, errmsg: 'invalid openid' };
  if (!templateId) return { errcode: 40037, errmsg: 'invalid template_id' };
  outbox.add({
    touser,
    templateId,
    page: typeof data.page === 'string' ? data.page : '',
    data: (typeof data.data === 'object' && data.data !== null ? data.data : {}) as OutboxMessage['data'],
    miniprogramState: typeof data.miniprogram_state === 'string' ? data.miniprogram_state : 'formal',
  });
  return { errcode: 0, errmsg: 'ok' };
}
