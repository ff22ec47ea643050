/** myMessages: the caller's own notifications (the mini-program's 消息 page), newest first; both public and merchant answer it (core/contract/messages.ts). */
import { DomainError, NOTIFICATION_KINDS } from '../core';
import type { OutputOf, ParsedOf } from '../core/contract';
import type { myMessagesSpec } from '../core/contract/messages';
import { countOf, fetchAll, wireTime } from './db';
import type { ActionContext } from './handler';
import { COLLECTIONS, type NotificationDoc } from './model';

export async function myMessages(
  { offset, limit }: ParsedOf<typeof myMessagesSpec>,
  { caller, db }: ActionContext,
): Promise<OutputOf<typeof myMessagesSpec>> {
  if (caller.openid === '') throw new DomainError('UNAUTHENTICATED', '请在微信中打开后再查看');
  const where = db.collection(COLLECTIONS.notifications).where({ openid: caller.openid });
  const [total, list] = await Promise.all([
    countOf(where),
    fetchAll<NotificationDoc>(
      db.collection(COLLECTIONS.notifications).where({ openid: caller.openid }).orderBy('createdAt', 'desc').skip(offset).limit(limit),
    ),
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
      createdAt: wireTime(n.createdAt),
    })),
  };
}
