/**
 * `Page({...})` as a Component definition: what WeChat makes of a page's options. Shared by the
 * preview's page stack and the tests' simulate helper, so pages run on one runtime in both.
 * No imports: the tests load it before miniprogram-simulate has a DOM to work with.
 */
export type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };
export type PageInstance = Record<string, any> & { route: string; options: Record<string, string> };

/** Converts Page options into a Component definition with the page's fields and methods. */
export function pageDefinition(options: PageOptions, route: string, query: Record<string, string>): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'data' || key === 'behaviors' || key === 'options') continue;
    if (typeof value === 'function') methods[key] = value;
    else fields[key] = value;
  }
  return {
    data: options.data ?? {},
    behaviors: options.behaviors ?? [],
    methods,
    created(this: PageInstance) {
      for (const [k, v] of Object.entries(fields)) this[k] = structuredClone(v);
      this.route = route;
      this.options = query;
      this.is = route;
    },
  };
}
