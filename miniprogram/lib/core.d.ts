// `npm run build` bundles core/client.ts into lib/core.js; its types are the core's own.
export * from '../../core/client';
