/**
 * j-component turns touch events into `tap`. A desktop browser sends mouse events only, so a
 * mouse press and release inside the phone become the touchstart/touchend pair a finger would
 * give. Mouse events Chrome synthesises after a real touch are skipped (no double taps).
 */
function touchEvent(type: 'touchstart' | 'touchend', target: EventTarget, e: MouseEvent): Event {
  const point = {
    identifier: 1,
    target,
    clientX: e.clientX,
    clientY: e.clientY,
    pageX: e.pageX,
    pageY: e.pageY,
    screenX: e.screenX,
    screenY: e.screenY,
  };
  const event = new Event(type, { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'touches', { value: type === 'touchstart' ? [point] : [] });
  Object.defineProperty(event, 'changedTouches', { value: [point] });
  return event;
}

export function bindTapForMouse(root: HTMLElement): void {
  let lastTouch = 0;
  let pressed: EventTarget | null = null;
  root.addEventListener(
    'touchstart',
    (e) => {
      if (e.isTrusted) lastTouch = Date.now();
    },
    { capture: true, passive: true },
  );
  const fromTouch = (e: MouseEvent) =>
    Date.now() - lastTouch < 1000 ||
    (e as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } }).sourceCapabilities?.firesTouchEvents === true;
  root.addEventListener(
    'mousedown',
    (e) => {
      if (e.button !== 0 || fromTouch(e) || !e.target) return;
      // Native controls (inputs, selects) keep their own mouse behaviour and still tap.
      pressed = e.target;
      e.target.dispatchEvent(touchEvent('touchstart', e.target, e));
    },
    true,
  );
  root.addEventListener(
    'mouseup',
    (e) => {
      if (!pressed || fromTouch(e)) return;
      const target = pressed;
      pressed = null;
      target.dispatchEvent(touchEvent('touchend', target, e));
    },
    true,
  );
}
