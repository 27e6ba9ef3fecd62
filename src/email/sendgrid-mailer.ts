import { Client } from '@sendgrid/client';
import { type MailDataRequired, MailService } from '@sendgrid/mail';
import type { EmailSettings } from './email-settings.ts';

export type SendOutcome =
  /** 202, or 200 in sandbox mode; messageId is SendGrid's X-Message-Id (none in sandbox mode). */
  | { status: 'accepted'; messageId: string | null }
  /** 429, 5xx or a connection that never opened: SendGrid did not take it; try again later. */
  | { status: 'retry'; retryAfterSeconds: number | null; error: string }
  /** Any other 4xx: SendGrid refused it and would refuse it again. */
  | { status: 'rejected'; httpStatus: number; error: string }
  /** The request may have reached SendGrid (a timeout, a reset): sending again could send twice. */
  | { status: 'unknown'; error: string };

export interface Mailer {
  send(data: MailDataRequired): Promise<SendOutcome>;
}

// Failures before any byte reached SendGrid: safe to retry.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_MS = 20_000;

interface SendGridFailure {
  code?: number | string;
  message?: string;
  response?: { headers?: Record<string, string>; body?: { errors?: { message?: string; field?: string | null }[] } };
}

/** Seconds from Retry-After (seconds or an HTTP date), else from SendGrid's X-RateLimit-Reset. */
export function retryAfterSeconds(headers: Record<string, string> | undefined, now = Date.now()): number | null {
  const retryAfter = headers?.['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  const reset = Number(headers?.['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, Math.ceil(reset - now / 1000)) : null;
}

/** SendGrid's own words, as a CS person can pass them on: each error's message and field. */
export function describeSendGridErrors(failure: SendGridFailure): string {
  const errors = failure.response?.body?.errors ?? [];
  const parts = errors.map((error) => (error.field ? `${error.message} (${error.field})` : (error.message ?? '')));
  return parts.filter(Boolean).join('; ') || failure.message || 'no reason given';
}

export function classifyFailure(error: unknown): SendOutcome {
  const failure = (error ?? {}) as SendGridFailure;
  if (typeof failure.code === 'number') {
    const text = describeSendGridErrors(failure);
    if (failure.code === 429 || failure.code >= 500) {
      return { status: 'retry', retryAfterSeconds: retryAfterSeconds(failure.response?.headers), error: text };
    }
    return { status: 'rejected', httpStatus: failure.code, error: text };
  }
  const code = String(failure.code ?? '');
  if (NOT_CONNECTED.has(code)) return { status: 'retry', retryAfterSeconds: null, error: code };
  return { status: 'unknown', error: code || failure.message || 'no answer' };
}

/**
 * The official @sendgrid/mail client on its own @sendgrid/client, so the base URL can point at a
 * stand-in. Order matters: setApiKey resets the base URL to SendGrid's, so the URL is set after it.
 */
export function createSendGridMailer(settings: Pick<EmailSettings, 'SENDGRID_API_KEY' | 'SENDGRID_API_URL'>): Mailer {
  const client = new Client();
  // Without a key (email off) nothing is sent; setting an empty one only makes the client warn.
  if (settings.SENDGRID_API_KEY) client.setApiKey(settings.SENDGRID_API_KEY);
  if (settings.SENDGRID_API_URL) client.setDefaultRequest('baseUrl', settings.SENDGRID_API_URL);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(TIMEOUT_MS);

  return {
    async send(data) {
      try {
        const [response] = await mail.send(data);
        const headers = response.headers as Record<string, string | undefined>;
        return { status: 'accepted', messageId: headers['x-message-id'] ?? null };
      } catch (error) {
        return classifyFailure(error);
      }
    },
  };
}
