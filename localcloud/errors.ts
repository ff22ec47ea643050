/**
 * Errors as CloudBase's database service reports them: an HTTP 200 body `{ code, message, requestId }`.
 * wx-server-sdk maps `code` through its TCB_ERR_CODE table to a numeric errCode (e.g.
 * DATABASE_COLLECTION_NOT_EXIST → -502005, DATABASE_REQUEST_FAILED → -502001) and throws
 * `Error("<api>:fail <errCode> <CODE>. <message>")`, so the code names below must be the real ones.
 */
export class CloudError extends Error {
  constructor(
    /** CloudBase error code name, e.g. `DATABASE_COLLECTION_NOT_EXIST`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** The collection was never created (CloudBase does not auto-create on write). */
export function collectionNotExist(name: string): CloudError {
  return new CloudError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );
}

/**
 * Unique-index violation. CloudBase surfaces MongoDB's E11000 text inside a generic
 * DATABASE_REQUEST_FAILED (-502001); callers detect it by matching /E11000|duplicate key/ in errMsg.
 */
export function duplicateKey(env: string, collection: string, index: string, key: Record<string, unknown>): CloudError {
  const shown = Object.entries(key)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
  return new CloudError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${env}.${collection} index: ${index} dup key: { ${shown} }`,
  );
}

export function invalidParam(message: string): CloudError {
  return new CloudError('INVALID_PARAM', message);
}

export function requestFailed(message: string): CloudError {
  return new CloudError('DATABASE_REQUEST_FAILED', message);
}

/** Write conflict inside a transaction; the SDK's runTransaction retries on exactly this code. */
export function transactionConflict(message: string): CloudError {
  return new CloudError('DATABASE_TRANSACTION_CONFLICT', `[WriteConflict] ${message}`);
}

/** Normalise anything thrown while handling a request into a CloudError. */
export function toCloudError(e: unknown): CloudError {
  if (e instanceof CloudError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new CloudError('DATABASE_REQUEST_FAILED', message);
}
