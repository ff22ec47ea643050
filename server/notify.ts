/**
 * Telling people: every loop (an application decided, a code suspended, an objection answered, a
 * report closed, an owner added) ends here. The message is stored in `notifications` (the
 * mini-program's 消息 list, and the record that the person was told) and sent as a WeChat
 * subscribe message through `cloud.openapi.subscribeMessage.send`.
 *
 * Templates are configuration: SUBSCRIBE_TEMPLATES (cloudbaserc.json envVariables) is JSON
 * `{ "<kind>": { "id": "<templateId>", "keys": { "title": "thing1", "detail": "thing2", "time": "time3", "next": "thing4" } } }`
 * mapping our four slots to the keyword names of the template chosen in 微信公众平台. A kind with no
 * template is stored but not pushed (`delivery: 'skipped'`); a refused push (the person did not
 * subscribe) is stored as `failed`. Neither undoes the change that caused the message.
 */
import { beijingDateTime, type NotificationKind } from '../core';
import { getCloud, type Database } from './cloud';
import { COLLECTIONS, type NotificationDoc } from './model';

export interface Message {
  readonly openid: string;
  readonly kind: NotificationKind;
  readonly title: string;
  /** What happened, why, and what to do next; one sentence each. */
  readonly lines: readonly string[];
  /** The mini-program page (with query) the message opens. */
  readonly page: string;
}

type Slot = 'title' | 'detail' | 'time' | 'next';
interface TemplateConfig {
  id: string;
  keys: Partial<Record<Slot, string>>;
}

function templates(): Partial<Record<NotificationKind, TemplateConfig>> {
  try {
    const parsed = JSON.parse(process.env.SUBSCRIBE_TEMPLATES ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<Record<NotificationKind, TemplateConfig>>) : {};
  } catch {
    return {};
  }
}

/** Subscribe-message values are short: `thing` keywords take 20 characters at most. */
function clip(text: string, max = 20): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function templateData(t: TemplateConfig, m: Message, now: Date): Record<string, { value: string }> {
  const values: Record<Slot, string> = {
    title: clip(m.title),
    detail: clip(m.lines[0] ?? ''),
    time: beijingDateTime(now).slice(0, 16),
    next: clip(m.lines[m.lines.length - 1] ?? ''),
  };
  const data: Record<string, { value: string }> = {};
  for (const [slot, key] of Object.entries(t.keys) as [Slot, string][]) data[key] = { value: values[slot] };
  return data;
}

async function push(m: Message, now: Date): Promise<Pick<NotificationDoc, 'delivery' | 'deliveryError'>> {
  const t = templates()[m.kind];
  if (!t || !t.id) return { delivery: 'skipped' };
  try {
    await getCloud().openapi.subscribeMessage.send({
      touser: m.openid,
      templateId: t.id,
      page: m.page,
      data: templateData(t, m, now),
      miniprogramState: process.env.MINIPROGRAM_STATE ?? 'formal',
    } as never);
    return { delivery: 'sent' };
  } catch (e) {
    const err = e as { errCode?: unknown; errMsg?: unknown; message?: unknown };
    return { delivery: 'failed', deliveryError: String(err.errMsg ?? err.message ?? err.errCode ?? e).slice(0, 200) };
  }
}

/** Store and send one message. Returns the stored notification's id. */
export async function notify(db: Database, m: Message, now: Date): Promise<string> {
  const sent = await push(m, now);
  const doc: Omit<NotificationDoc, '_id'> = {
    openid: m.openid,
    kind: m.kind,
    title: m.title,
    lines: [...m.lines],
    page: m.page,
    createdAt: now,
    ...sent,
  };
  const res = (await db.collection(COLLECTIONS.notifications).add({ data: doc })) as { _id: string };
  return res._id;
}

/** The same message to several people (an entity's owners). Anonymous callers ('') are skipped. */
export async function notifyAll(db: Database, openids: readonly string[], m: Omit<Message, 'openid'>, now: Date): Promise<void> {
  for (const openid of new Set(openids)) if (openid !== '') await notify(db, { ...m, openid }, now);
}
