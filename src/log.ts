import pino, { type Logger } from 'pino';

export type { Logger };

// Belt and braces: code never logs these on purpose, but a payload logged at debug might carry them.
const REDACT = [
  'token',
  '*.token',
  'password',
  '*.password',
  'email',
  '*.email',
  '*.toEmail',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.signingSecret',
  '*.apiKey',
];

/** The one logger; callers make children carrying ids (request, job, account), never names or addresses. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, base: { app: 'winback' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}
