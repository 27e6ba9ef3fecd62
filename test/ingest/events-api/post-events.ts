import { API_TOKEN } from '../../support/test-app.ts';

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests compare whole JSON answers with toEqual.
  body: any;
}

/** POSTs to /api/events with the test token unless `token` says otherwise (null sends no header). */
export async function postEvents(
  baseUrl: string,
  body: unknown,
  options: { token?: string | null; contentType?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  const token = options.token === undefined ? API_TOKEN : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;

  const response = await fetch(`${baseUrl}/api/events`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** 2025-03-01 at 12:mm UTC, the time line every test in this folder uses. */
export const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 12, minute)).toISOString();
