/**
 * myMessages: the caller's own notifications (the mini-program's 消息 page), newest first. Both the
 * `public` function (a reporter, who may own nothing) and the `merchant` function answer it, so its
 * spec is declared here once and put in both contracts.
 */
import * as z from 'zod';
import { action } from './define';

/** One notification as the 消息 page lists it. */
export interface MyMessage {
  id: string;
  /** core/notifications.ts NOTIFICATION_KINDS key, and its words. */
  kind: string;
  kindText: string;
  title: string;
  lines: string[];
  /** The mini-program page the message opens. */
  page: string;
  /** ISO time. */
  createdAt: string;
}

export const myMessagesSpec = action<{ total: number; items: MyMessage[] }>()(
  z.object({
    offset: z.coerce.number({ error: '分页参数不正确' }).int().min(0).max(10_000).default(0),
    limit: z.coerce.number({ error: '分页参数不正确' }).int().min(1).max(50).default(20),
  }),
);
