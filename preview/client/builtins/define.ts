/** Registering a built-in component: a j-component whose host element gets native DOM when attached. */
import jComponent from 'j-component';

/** The host component as seen from the definition's lifetimes and observers. */
export interface Host {
  $$: HTMLElement;
  data: Record<string, any>;
  triggerEvent(name: string, detail?: unknown, options?: { bubbles?: boolean; composed?: boolean }): void;
  __native?: any;
}

export type Props = Record<string, { type: unknown; value?: unknown; observer?: (this: Host, v: any) => void }>;

export function define(id: string, def: { properties?: Props; attached?: (this: Host) => void; behaviors?: string[] }): void {
  jComponent.register({ id, tagName: `wx-${id}`, template: '<slot/>', ...def } as never);
}

/** Reflects a property as an attribute on the host so CSS can style `wx-button[type=primary]`. */
export function reflect(name: string, type: unknown = String, value: unknown = ''): Props[string] {
  return {
    type,
    value,
    observer(this: Host, v: unknown) {
      if (!this.$$) return;
      if (v === false || v === '' || v === null || v === undefined) this.$$.removeAttribute(name);
      else this.$$.setAttribute(name, v === true ? '' : String(v));
    },
  };
}

/** Form fields register their name and current value on the host; `<form>` collects them. */
export function setFormValue(host: Host, value: unknown): void {
  (host.$$ as HTMLElement & { __formValue?: unknown }).__formValue = value;
  if (host.data.name) host.$$.setAttribute('data-form-name', String(host.data.name));
}
