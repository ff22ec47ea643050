/**
 * The part of the core the mini-program bundles: pure and zod-free, so the package stays small.
 * The functions re-validate everything with the full schemas (core/index.ts).
 */
export * from './errors';
export * from './districts';
export * from './fields';
export * from './options';
export * from './uscc';
export * from './code-id';
export * from './verify';
export * from './profile';
export * from './commitment-templates';
export * from './rates';
export * from './departments';
export * from './code-reasons';
export * from './search-keys';
export * from './notifications';
export * from './entitlement';
export * from './industry';
export * from './holidays';
export * from './supervision';
export * from './reach';
export * from './scan';
export * from './public-status';
export * from './i18n';
export * from './wire';
export * from './record-columns';
