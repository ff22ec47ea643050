/**
 * The one error type the domain throws. Handlers map it to
 * `{ ok: false, error: { code, message } }`: `code` is a stable English
 * identifier programs branch on, `message` is Chinese for the person.
 */
export class DomainError extends Error {
  readonly code: string;
  /** Machine-readable specifics (e.g. per-field issues); never private data. */
  readonly details?: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
