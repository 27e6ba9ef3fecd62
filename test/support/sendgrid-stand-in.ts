import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for SendGrid's v3 POST /v3/mail/send. Rules and wording follow the mail/send spec
// (twilio/sendgrid-oai tsg_mail_v3.json), SendGrid's "Status Codes & Errors" page and its "Limitations" page.

export interface SendGridError {
  message: string;
  field: string | null;
  help: string | null;
}

export type FailureStatus = 400 | 401 | 403 | 413 | 429 | 500 | 502 | 503;

export interface ForcedReply {
  status: FailureStatus;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Defaults to SendGrid's generic body for the status. */
  errors?: SendGridError[];
}

export interface StandInOptions {
  /** The key a caller must send as `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** Bodies above this many bytes get 413; lower it to test the limit cheaply. */
  maxBodyBytes?: number;
  /** The clock that send_at is checked against. */
  now?: () => Date;
}

export type MailSendBody = Record<string, unknown>;

export interface AcceptedMessage {
  messageId: string;
  body: MailSendBody;
  headers: IncomingHttpHeaders;
}

export type SandboxedMessage = Omit<AcceptedMessage, 'messageId'>;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON; undefined when the body was too large or not JSON. */
  body: unknown;
  status: number;
  errors: SendGridError[];
}

export interface SendGridStandIn {
  url: string;
  apiKey: string;
  /** Messages SendGrid would deliver (202). */
  accepted: AcceptedMessage[];
  /** Valid messages sent in sandbox mode (200): never delivered. */
  sandboxed: SandboxedMessage[];
  requests: RecordedRequest[];
  /** Answer the next `times` calls with `reply`, whatever they contain. */
  failNext(reply: ForcedReply, times?: number): void;
  reset(): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  errors?: SendGridError[];
}

const SEND_PATH = '/v3/mail/send';
const DEFAULT_API_KEY = 'SG.stand-in.key';
// Limitations page: "The total size of your email, including attachments, must be less than 30MB."
const DEFAULT_MAX_BODY_BYTES = 30 * 1024 * 1024;
const HELP_BASE = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.';
const MAX_RECIPIENTS = 1000;
const MAX_PERSONALIZATIONS = 1000;
const MAX_CATEGORIES = 10;
const MAX_CATEGORY_LENGTH = 255;
const MAX_CUSTOM_ARGS_BYTES = 10_000;
const MAX_SCHEDULE_SECONDS = 72 * 60 * 60;
// Pragmatic shape check: SendGrid's exact address grammar is not published.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Generic bodies: 401/403/413/500 from the spec's examples, 429 from the rate-limits page, 400 as SendGrid
// answers an unparsable body. 502/503 are not documented; their wording is a guess.
const GENERIC_MESSAGES: Record<FailureStatus | 404 | 405, string> = {
  400: 'Bad Request',
  401: 'The provided authorization grant is invalid, expired, or revoked',
  403: 'access forbidden',
  404: 'not found',
  405: 'method not allowed',
  413: 'content too large',
  429: 'too many requests',
  500: 'internal server error',
  502: 'bad gateway',
  503: 'service unavailable',
};

const FROM_REQUIRED =
  'The from object must be provided for every email send. It is an object that requires the email parameter, ' +
  'but may also contain a name parameter.  e.g. {"email" : "example@example.com"}  or ' +
  '{"email" : "example@example.com", "name" : "Example Recipient"}.';
const CONTENT_REQUIRED =
  'Unless a valid template_id is provided, the content parameter is required. There must be at least one ' +
  'defined content block. We typically suggest both text/plain and text/html blocks are included, ' +
  'but only one block is required.';
const SUBJECT_REQUIRED =
  'The subject is required. You can get around this requirement if you use a template with a subject defined ' +
  'or if every personalization has a subject defined.';
const SUBJECT_EMPTY = 'The subject of your email must be a string at least one character in length.';
const CUSTOM_ARGS_TOO_LARGE =
  'The combined size of both global and personalization custom arguments may not exceed 10,000 bytes ' +
  'per personalization.';
const CONTENT_ORDER =
  'Following RFC 1341, section 7.2, if either text/html or text/plain are to be sent in your email: ' +
  'text/plain needs to be first, followed by text/html, followed by any other content.';
const SEND_AT_INTEGER =
  'The send_at parameter is expecting a Unix timestamp as an integer. ' +
  'We will send immediately if you include a send_at timestamp that is in the past.';

export async function startSendGridStandIn(options: StandInOptions = {}): Promise<SendGridStandIn> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = options.now ?? (() => new Date());
  const accepted: AcceptedMessage[] = [];
  const sandboxed: SandboxedMessage[] = [];
  const requests: RecordedRequest[] = [];
  const forced: ForcedReply[] = [];

  function route(req: IncomingMessage, raw: string | undefined, body: unknown): Reply {
    const forcedReply = forced.shift();
    if (forcedReply) return replyFromForced(forcedReply, now());

    const path = req.url ?? '';
    if (path !== SEND_PATH) return genericReply(404);
    if (req.method !== 'POST') return genericReply(405);
    // Checked before auth: the size limit sits in front of the API, as at SendGrid's edge.
    if (raw === undefined) return genericReply(413);

    const authError = checkAuthorization(req.headers.authorization, apiKey);
    if (authError) return { status: 401, errors: [authError] };
    if (!isRecord(body)) return genericReply(400);

    const errors = validateMailSend(body, now());
    if (errors.length > 0) return { status: 400, errors };

    // SendGrid validates a sandboxed request fully, then answers 200 and delivers nothing.
    if (isSandboxed(body)) {
      sandboxed.push({ body, headers: req.headers });
      return { status: 200 };
    }

    const messageId = randomBytes(16).toString('base64url');
    accepted.push({ messageId, body, headers: req.headers });
    return { status: 202, headers: { 'X-Message-Id': messageId } };
  }

  const server = createServer((req, res) => {
    readBody(req, maxBodyBytes).then(
      (raw) => {
        const body = raw === undefined ? undefined : parseJson(raw);
        const reply = route(req, raw, body);
        const { method = '', url: path = '', headers } = req;
        requests.push({ method, path, headers, body, status: reply.status, errors: reply.errors ?? [] });
        writeReply(res, reply);
      },
      // The caller hung up mid-body: there is no one left to answer.
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    accepted,
    sandboxed,
    requests,
    failNext(reply, times = 1) {
      for (let i = 0; i < times; i++) forced.push(reply);
    },
    reset() {
      accepted.length = 0;
      sandboxed.length = 0;
      requests.length = 0;
      forced.length = 0;
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/** Reads the whole body, or undefined once it passes `limit` (still drained, so the client sees the reply). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function writeReply(res: ServerResponse, reply: Reply): void {
  const payload = reply.errors ? JSON.stringify({ errors: reply.errors }) : '';
  const contentType: Record<string, string> = payload ? { 'Content-Type': 'application/json' } : {};
  res.writeHead(reply.status, { ...contentType, ...reply.headers });
  res.end(payload);
}

function genericReply(status: keyof typeof GENERIC_MESSAGES): Reply {
  return { status, errors: [{ message: GENERIC_MESSAGES[status], field: null, help: null }] };
}

function replyFromForced(forced: ForcedReply, now: Date): Reply {
  const headers: Record<string, string> = {};
  if (forced.retryAfter !== undefined) headers['Retry-After'] = String(forced.retryAfter);
  // SendGrid's rate-limits page: a 429 says when the window resets.
  if (forced.status === 429) {
    const resetAt = Math.ceil(now.getTime() / 1000) + (forced.retryAfter ?? 1);
    Object.assign(headers, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetAt) });
  }
  return { ...genericReply(forced.status), headers, ...(forced.errors && { errors: forced.errors }) };
}

function checkAuthorization(header: string | undefined, apiKey: string): SendGridError | undefined {
  // Spec example for a request without credentials; the second wording is what SendGrid sends for a bad key.
  if (!header?.startsWith('Bearer ')) return { message: 'authorization required', field: null, help: null };
  if (header.slice('Bearer '.length) !== apiKey) {
    return { message: GENERIC_MESSAGES[401], field: null, help: null };
  }
  return undefined;
}

/** Every rule that failed, in SendGrid's error shape; empty when the body would be accepted. */
function validateMailSend(body: MailSendBody, now: Date): SendGridError[] {
  const errors = [...checkFrom(body.from), ...checkPersonalizations(body, now)];
  errors.push(...checkCustomArgsShape(body.custom_args, 'custom_args'));
  const templated = typeof body.template_id === 'string' && body.template_id !== '';
  errors.push(...checkSubject(body, templated), ...checkContent(body.content, templated));
  errors.push(...checkCategories(body.categories), ...checkSendAt(body.send_at, 'send_at', now));
  errors.push(...checkAsm(body.asm));
  return errors;
}

function sgError(message: string, field: string, anchor = helpAnchor(field)): SendGridError {
  return { message, field, help: HELP_BASE + anchor };
}

// SendGrid's help links drop indexes and the trailing "email": content.0.value -> message.content.value.
function helpAnchor(field: string): string {
  return field
    .split('.')
    .filter((part) => !/^\d+$/.test(part) && part !== 'email')
    .join('.');
}

function checkFrom(from: unknown): SendGridError[] {
  if (!isRecord(from) || from.email === undefined) return [sgError(FROM_REQUIRED, 'from.email')];
  if (!isEmail(from.email)) return [sgError('The from email does not contain a valid address.', 'from.email')];
  return [];
}

function checkPersonalizations(body: MailSendBody, now: Date): SendGridError[] {
  const list = body.personalizations;
  if (!Array.isArray(list) || list.length === 0) {
    const message = 'The personalizations field is required and must have at least one personalization.';
    return [sgError(message, 'personalizations')];
  }
  if (list.length > MAX_PERSONALIZATIONS) {
    const message =
      `The personalization block is limited to ${MAX_PERSONALIZATIONS} personalizations per API request. ` +
      `You have provided ${list.length} personalizations. ` +
      'Please consider splitting this into multiple requests and resending your request.';
    return [sgError(message, 'personalizations')];
  }

  const errors: SendGridError[] = [];
  let recipients = 0;
  // Reported once: a large message-level custom_args would otherwise fail every personalization.
  let argsTooLarge = false;
  list.forEach((item: unknown, i) => {
    const personalization = isRecord(item) ? item : {};
    const field = `personalizations.${i}`;
    if (!Array.isArray(personalization.to) || personalization.to.length === 0) {
      errors.push(sgError('The to parameter is required for all personalization objects.', `${field}.to`));
    }
    errors.push(...checkRecipients(personalization, field));
    recipients += ['to', 'cc', 'bcc'].reduce((sum, kind) => sum + asArray(personalization[kind]).length, 0);
    errors.push(...checkSendAt(personalization.send_at, `${field}.send_at`, now));
    errors.push(...checkCustomArgsShape(personalization.custom_args, `${field}.custom_args`));
    if (!argsTooLarge && customArgsBytes(body.custom_args, personalization.custom_args) > MAX_CUSTOM_ARGS_BYTES) {
      errors.push(sgError(CUSTOM_ARGS_TOO_LARGE, `${field}.custom_args`));
      argsTooLarge = true;
    }
    if (personalization.subject !== undefined && !isNonEmptyString(personalization.subject)) {
      errors.push(sgError(SUBJECT_EMPTY, `${field}.subject`));
    }
  });
  if (recipients > MAX_RECIPIENTS) {
    errors.push(sgError('There is a limit of 1000 total recipients (to + cc + bcc) per request.', 'personalizations'));
  }
  return errors;
}

function checkRecipients(personalization: Record<string, unknown>, field: string): SendGridError[] {
  const errors: SendGridError[] = [];
  const seen = new Set<string>();
  let duplicateReported = false;
  for (const kind of ['to', 'cc', 'bcc']) {
    asArray(personalization[kind]).forEach((recipient: unknown, j) => {
      const email = isRecord(recipient) ? recipient.email : undefined;
      if (!isEmail(email)) {
        errors.push(sgError('Does not contain a valid address.', `${field}.${kind}.${j}.email`));
        return;
      }
      const key = email.toLowerCase();
      if (seen.has(key) && !duplicateReported) {
        const message =
          'Each email address in the personalization block should be unique between to, cc, and bcc. ' +
          `We found the first duplicate instance of [${email}] in the ${field}.${kind} field.`;
        errors.push(sgError(message, field, 'recipient-errors'));
        duplicateReported = true;
      }
      seen.add(key);
    });
  }
  return errors;
}

function checkCustomArgsShape(value: unknown, field: string): SendGridError[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [sgError(`Invalid type. Expected: object, given: ${typeName(value)}.`, field)];
  const allStrings = Object.values(value).every((arg) => typeof arg === 'string');
  return allStrings ? [] : [sgError('All values of custom arguments object must be strings', field)];
}

// Message-level custom_args merge into each personalization's; the merged JSON is what the limit counts.
function customArgsBytes(global: unknown, own: unknown): number {
  const merged = { ...(isRecord(global) ? global : {}), ...(isRecord(own) ? own : {}) };
  return Buffer.byteLength(JSON.stringify(merged));
}

function checkSubject(body: MailSendBody, templated: boolean): SendGridError[] {
  if (body.subject !== undefined) return isNonEmptyString(body.subject) ? [] : [sgError(SUBJECT_EMPTY, 'subject')];

  const personalizations = asArray(body.personalizations);
  const everyHasSubject =
    personalizations.length > 0 && personalizations.every((p) => isRecord(p) && isNonEmptyString(p.subject));
  return templated || everyHasSubject ? [] : [sgError(SUBJECT_REQUIRED, 'subject')];
}

function checkContent(content: unknown, templated: boolean): SendGridError[] {
  if (content === undefined || (Array.isArray(content) && content.length === 0)) {
    return templated ? [] : [sgError(CONTENT_REQUIRED, 'content')];
  }
  if (!Array.isArray(content)) {
    return [sgError(`Invalid type. Expected: array, given: ${typeName(content)}.`, 'content')];
  }

  const errors: SendGridError[] = [];
  content.forEach((item: unknown, i) => {
    const block = isRecord(item) ? item : {};
    if (!isNonEmptyString(block.type)) {
      const message = 'A content type is required, this tells email clients how to display the email.';
      errors.push(sgError(message, `content.${i}.type`));
    }
    if (!isNonEmptyString(block.value)) {
      const message = 'The content value must be a string at least one character in length.';
      errors.push(sgError(message, `content.${i}.value`));
    }
  });
  const ranks = content.map((item: unknown) => contentRank(isRecord(item) ? item.type : undefined));
  if (ranks.some((rank, i) => i > 0 && rank < (ranks[i - 1] ?? 0))) errors.push(sgError(CONTENT_ORDER, 'content'));
  return errors;
}

function contentRank(type: unknown): number {
  if (type === 'text/plain') return 0;
  return type === 'text/html' ? 1 : 2;
}

function checkCategories(categories: unknown): SendGridError[] {
  if (categories === undefined) return [];
  if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string')) {
    return [sgError('Categories must be an array of strings.', 'categories')];
  }
  if (categories.length > MAX_CATEGORIES) {
    const message =
      'There is a limit of 10 categories for each email that is sent. ' +
      `You provided ${categories.length} categories.`;
    return [sgError(message, 'categories')];
  }

  const errors: SendGridError[] = [];
  const tooLong = categories.find((c) => c.length > MAX_CATEGORY_LENGTH);
  if (tooLong !== undefined) {
    const message = `Each category must not be longer than 255 characters. ${tooLong} exceeds this limit.`;
    errors.push(sgError(message, 'categories'));
  }
  const repeated = categories.find((c, i) => categories.indexOf(c) !== i);
  if (repeated !== undefined) {
    const message = `The categories must be a unique list, and you have included ${repeated} more than once.`;
    errors.push(sgError(message, 'categories'));
  }
  return errors;
}

function checkSendAt(sendAt: unknown, field: string, now: Date): SendGridError[] {
  if (sendAt === undefined) return [];
  if (!Number.isInteger(sendAt)) return [sgError(SEND_AT_INTEGER, field)];

  const latest = Math.floor(now.getTime() / 1000) + MAX_SCHEDULE_SECONDS;
  return (sendAt as number) > latest ? [sgError('Scheduling more than 72 hours in advance is forbidden.', field)] : [];
}

function checkAsm(asm: unknown): SendGridError[] {
  if (asm === undefined) return [];
  if (!isRecord(asm) || !Number.isInteger(asm.group_id)) {
    return [sgError('The ASM group ID must be an integer.', 'asm.group_id')];
  }
  return [];
}

function isSandboxed(body: MailSendBody): boolean {
  const settings = isRecord(body.mail_settings) ? body.mail_settings : {};
  return isRecord(settings.sandbox_mode) && settings.sandbox_mode.enable === true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 320 && EMAIL.test(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
