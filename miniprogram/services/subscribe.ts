/**
 * Asking for subscribe messages (wx.requestSubscribeMessage) before a loop the person will want
 * to hear back from. A refusal or an unconfigured id never blocks the action itself: the message
 * is still listed on the 消息 page.
 */
import { subscribeTemplates } from '../config';

export type SubscribeKind = keyof typeof subscribeTemplates;

export function askToSubscribe(kinds: readonly SubscribeKind[]): Promise<void> {
  const tmplIds = kinds.map((k) => subscribeTemplates[k]);
  if (tmplIds.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      wx.requestSubscribeMessage({ tmplIds, success: () => resolve(), fail: () => resolve() } as never);
    } catch {
      resolve(); // an older client without the API
    }
  });
}
