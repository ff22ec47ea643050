/**
 * The 消息 panel beside the phone: the subscribe messages the functions sent to the current
 * caller, as the local cloud's outbox kept them (cloud.openapi.subscribeMessage.send), newest
 * first. Polled, so a message appears moments after the action that caused it.
 */
interface OutboxMessage {
  seq: number;
  at: string;
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

const POLL_MS = 1500;

function render(box: HTMLElement, messages: OutboxMessage[]): void {
  if (messages.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'hint';
    empty.textContent = '暂无订阅消息';
    box.replaceChildren(empty);
    return;
  }
  box.replaceChildren(
    ...messages.map((m) => {
      const card = document.createElement('div');
      card.className = 'outbox-message';
      card.dataset.seq = String(m.seq);
      const values = Object.values(m.data).map((v) => v.value);
      const [title, ...rest] = values;
      const head = document.createElement('div');
      head.className = 'outbox-title';
      head.textContent = title ?? m.templateId;
      card.append(head);
      for (const v of rest) {
        const line = document.createElement('div');
        line.className = 'outbox-line';
        line.textContent = v;
        card.append(line);
      }
      const meta = document.createElement('div');
      meta.className = 'hint';
      meta.textContent = `模板 ${m.templateId} · 打开 ${m.page}`;
      card.append(meta);
      return card;
    }),
  );
}

export function startOutboxPanel(box: HTMLElement, openid: () => string): void {
  let last = '';
  const poll = async () => {
    const who = openid();
    if (!who) {
      render(box, []);
      last = '';
      return;
    }
    try {
      const res = await fetch(`/__preview/outbox?touser=${encodeURIComponent(who)}`);
      const body = (await res.json()) as { messages?: OutboxMessage[] };
      const messages = body.messages ?? [];
      const key = `${who}:${messages.map((m) => m.seq).join(',')}`;
      if (key !== last) render(box, messages);
      last = key;
    } catch {
      // the local cloud is restarting: try again on the next tick
    }
  };
  void poll();
  setInterval(() => void poll(), POLL_MS);
}
