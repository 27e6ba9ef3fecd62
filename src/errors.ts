/**
 * The one error type of winback: a stable code for logs and tests, an internal message, and,
 * when a Slack user may see it, a sentence written for them.
 */
export class WinbackError extends Error {
  readonly code: string;
  readonly userMessage: string | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; userMessage?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = 'WinbackError';
    this.code = code;
    this.userMessage = options.userMessage;
  }
}

export function isWinbackError(error: unknown, code?: string): error is WinbackError {
  return error instanceof WinbackError && (code === undefined || error.code === code);
}
