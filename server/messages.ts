/** myMessages: the caller's own notifications (the mini-program's 消息 page), newest first. */
import * as z from 'zod';
import { DomainError, NOTIFICATION_KINDS, parseOrThrow } from '../core';
import { countOf, fetchAll } from './db';
import type { ActionContext } from './handler';
import { COLLECTIONS, type NotificationDoc } from './model';

const input = z.object({
  offset: z.coerce.number({ error: '分页参数不正确' }).int().min(0).max(10_000).default(0),
  limit: z.coerce.number({ error: '分页参数不正确' }).int().min(1).max(50).default(20),
});

export async function myMessages(payload: Record<string, unknown>, { caller, db }: ActionContext) {
  if (caller.openid === '') throw new DomainError('UNAUTHENTICATED', '请在微信中打开后再查看');
  const { offset, limit } = parseOrThrow(input, payload);
  const where = db.collection(COLLECTIONS.notifications).where({ openid: caller.openid });
  const [total, list] = await Promise.all([
    countOf(where),
    fetchAll<NotificationDoc>(db.collection(COLLECTIONS.notifications).where({ openid: caller.openid }).orderBy('createdAt', 'desc').skip(offset).limit(limit)),
  ]);
  return {
    total,
    items: list.map((n) => ({
      id: n._id,
      kind: n.kind,
      kindText: (NOTIFICATION_KINDS as Record<string, string>)[n.kind] ?? '',
      title: n.title,
      lines: n.lines,
      page: n.page,
      createdAt: n.createdAt,
    })),
  };
}
