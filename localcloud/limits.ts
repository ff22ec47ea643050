/**
 * CloudBase limits that the emulator enforces so that local success implies cloud success.
 * Sources: CloudBase / wx-server-sdk docs and the SDK itself (@cloudbase/database clamps get()'s
 * limit to 1000 and defaults it to 100 on the server side).
 */

/** `collection.get()` without `.limit()` returns at most this many documents (server SDK). */
export const GET_DEFAULT_LIMIT = 100;
/** `collection.get()` never returns more than this many documents from a cloud function. */
export const GET_MAX_LIMIT = 1000;
/**
 * `aggregate().end()` without a `$limit` stage returns only 20 results on CloudBase (a known,
 * documented-by-the-community gotcha); with `$limit` up to 10,000.
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;
export const AGGREGATE_MAX_LIMIT = 10_000;
/** MongoDB's transactionLifetimeLimitSeconds default; an idle transaction is aborted after this. */
export const TRANSACTION_LIFETIME_MS = 60_000;
/** Largest HTTP body accepted (CloudBase rejects very large requests; this keeps memory bounded). */
export const MAX_REQUEST_BYTES = 50 * 1024 * 1024;
/** Default wall-clock limit for one function invocation (CloudBase's default is 3 s, max 60 s for HTTP calls; we are generous locally). */
export const FUNCTION_TIMEOUT_MS = 60_000;
/** Largest file one upload may store locally (COS takes up to 5 GB in one PUT; this only bounds the disk). */
export const STORAGE_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
