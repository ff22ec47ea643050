/**
 * What JSON makes of a value: an answer crosses the wire as JSON, so a Date arrives as its ISO
 * string. Outputs that show stored documents (which hold Dates) are declared `Wire<Doc>`, so the
 * document's shape is written once and the mini-program sees the strings it really receives.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
