import { Client } from '@sendgrid/client';
import { type MailDataRequired, MailService, type ResponseError } from '@sendgrid/mail';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SendGridError, type SendGridStandIn, startSendGridStandIn } from './sendgrid-stand-in.ts';

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.';
const NOW = new Date('2025-06-02T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;

const valid: MailDataRequired = {
  to: 'dana@customer.example',
  from: { email: 'cs@winback.example', name: 'Winback CS' },
  subject: 'We saved your seat',
  text: 'Your account is ready when you are.',
  html: '<p>Your account is ready when you are.</p>',
};

/** The real @sendgrid/mail, pointed at the stand-in the way the app would be; a null key sends none. */
function mailServiceFor(standIn: SendGridStandIn, apiKey: string | null = standIn.apiKey): MailService {
  const client = new Client();
  // setApiKey resets baseUrl to SendGrid's region host, so the base URL must be set after it.
  if (apiKey !== null) client.setApiKey(apiKey);
  client.setDefaultRequest('baseUrl', standIn.url);
  const mail = new MailService();
  mail.setClient(client);
  return mail;
}

async function rejection(promise: Promise<unknown>): Promise<ResponseError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'the send should have been rejected').toBeDefined();
  return error as ResponseError;
}

function errorsOf(error: ResponseError): SendGridError[] {
  // The client types the body as a string, but axios hands back the parsed JSON.
  return (error.response.body as unknown as { errors: SendGridError[] }).errors;
}

// The typed client refuses these shapes; the stand-in must still catch what an untyped caller sends.
function untyped(data: Record<string, unknown>): MailDataRequired {
  return data as unknown as MailDataRequired;
}

describe('SendGrid stand-in', () => {
  let standIn: SendGridStandIn;
  let mail: MailService;

  beforeAll(async () => {
    standIn = await startSendGridStandIn({ now: () => NOW });
    mail = mailServiceFor(standIn);
  });
  beforeEach(() => standIn.reset());
  afterAll(() => standIn.close());

  it('should accept a valid send with 202 and an X-Message-Id the client can read', async () => {
    const [response] = await mail.send(valid);

    expect(response.statusCode).toBe(202);
    const messageId = response.headers['x-message-id'];
    expect(messageId).toMatch(/^[\w-]{22}$/);
    expect(standIn.accepted).toHaveLength(1);
    expect(standIn.accepted[0]?.messageId).toBe(messageId);
    expect(standIn.accepted[0]?.body).toMatchObject({
      personalizations: [{ to: [{ email: 'dana@customer.example' }] }],
      from: { email: 'cs@winback.example', name: 'Winback CS' },
      content: [
        { type: 'text/plain', value: 'Your account is ready when you are.' },
        { type: 'text/html', value: '<p>Your account is ready when you are.</p>' },
      ],
    });
    expect(standIn.accepted[0]?.headers.authorization).toBe(`Bearer ${standIn.apiKey}`);
  });

  it('should give every accepted message its own X-Message-Id', async () => {
    await mail.send(valid);
    await mail.send(valid);

    const [first, second] = standIn.accepted;
    expect(first?.messageId).not.toBe(second?.messageId);
  });

  it('should reject a send without from, naming from.email', async () => {
    const { from: _omitted, ...withoutFrom } = valid;
    const error = await rejection(mail.send(untyped(withoutFrom)));

    expect(error.code).toBe(400);
    expect(errorsOf(error)).toEqual([
      {
        message:
          'The from object must be provided for every email send. It is an object that requires the email ' +
          'parameter, but may also contain a name parameter.  e.g. {"email" : "example@example.com"}  or ' +
          '{"email" : "example@example.com", "name" : "Example Recipient"}.',
        field: 'from.email',
        help: `${HELP}from`,
      },
    ]);
    expect(standIn.accepted).toHaveLength(0);
  });

  it('should reject a send without content unless a template_id is set', async () => {
    const { text: _text, html: _html, ...withoutContent } = valid;
    const error = await rejection(mail.send(untyped(withoutContent)));

    expect(errorsOf(error)).toEqual([
      {
        message:
          'Unless a valid template_id is provided, the content parameter is required. There must be at least ' +
          'one defined content block. We typically suggest both text/plain and text/html blocks are included, ' +
          'but only one block is required.',
        field: 'content',
        help: `${HELP}content`,
      },
    ]);

    const [response] = await mail.send({ ...withoutContent, templateId: 'd-0123456789abcdef' });
    expect(response.statusCode).toBe(202);
  });

  it('should accept 10 categories and reject 11', async () => {
    const categories = Array.from({ length: 11 }, (_, i) => `win-back-${i}`);

    const [response] = await mail.send({ ...valid, categories: categories.slice(0, 10) });
    expect(response.statusCode).toBe(202);

    const error = await rejection(mail.send({ ...valid, categories }));
    expect(errorsOf(error)).toEqual([
      {
        message: 'There is a limit of 10 categories for each email that is sent. You provided 11 categories.',
        field: 'categories',
        help: `${HELP}categories`,
      },
    ]);
  });

  it('should reject a custom_args value that is not a string', async () => {
    const error = await rejection(mail.send({ ...valid, customArgs: { account_id: 42 } }));

    expect(errorsOf(error)).toEqual([
      {
        message: 'All values of custom arguments object must be strings',
        field: 'custom_args',
        help: `${HELP}custom_args`,
      },
    ]);
  });

  it('should accept custom_args of 10,000 bytes of JSON and reject 10,001', async () => {
    // '{"k":""}' is 8 bytes, so the value makes up the rest.
    const [response] = await mail.send({ ...valid, customArgs: { k: 'x'.repeat(9992) } });
    expect(response.statusCode).toBe(202);

    const error = await rejection(mail.send({ ...valid, customArgs: { k: 'x'.repeat(9993) } }));
    expect(errorsOf(error)).toEqual([
      {
        message:
          'The combined size of both global and personalization custom arguments may not exceed 10,000 bytes ' +
          'per personalization.',
        field: 'personalizations.0.custom_args',
        help: `${HELP}personalizations.custom_args`,
      },
    ]);
  });

  it('should accept 1000 recipients and reject 1001 across to, cc and bcc', async () => {
    const addresses = Array.from({ length: 1001 }, (_, i) => `contact-${i}@customer.example`);

    const [response] = await mail.send({
      ...valid,
      to: addresses.slice(0, 998),
      cc: addresses[998],
      bcc: addresses[999],
    });
    expect(response.statusCode).toBe(202);

    const error = await rejection(mail.send({ ...valid, to: addresses }));
    expect(errorsOf(error)).toEqual([
      {
        message: 'There is a limit of 1000 total recipients (to + cc + bcc) per request.',
        field: 'personalizations',
        help: `${HELP}personalizations`,
      },
    ]);
  });

  it('should surface a forced 429 with a Retry-After header the client can read', async () => {
    standIn.failNext({ status: 429, retryAfter: 7 });

    const error = await rejection(mail.send(valid));
    expect(error.code).toBe(429);
    expect(error.response.headers['retry-after']).toBe('7');
    expect(error.response.headers['x-ratelimit-remaining']).toBe('0');
    expect(errorsOf(error)).toEqual([{ message: 'too many requests', field: null, help: null }]);
    expect(standIn.accepted).toHaveLength(0);
  });

  it('should answer only the next N calls with a forced failure', async () => {
    standIn.failNext({ status: 503 }, 2);

    expect((await rejection(mail.send(valid))).code).toBe(503);
    expect((await rejection(mail.send(valid))).code).toBe(503);
    const [response] = await mail.send(valid);
    expect(response.statusCode).toBe(202);
  });

  it("should show a forced 400's SendGrid errors through err.response.body.errors", async () => {
    standIn.failNext({ status: 400 });
    const generic = await rejection(mail.send(valid));
    expect(generic.code).toBe(400);
    expect(errorsOf(generic)).toEqual([{ message: 'Bad Request', field: null, help: null }]);

    const custom: SendGridError = {
      message: 'The from address does not match a verified Sender Identity.',
      field: 'from',
      help: null,
    };
    standIn.failNext({ status: 403, errors: [custom] });
    expect(errorsOf(await rejection(mail.send(valid)))).toEqual([custom]);
  });

  it('should answer 200, deliver nothing and record the message as sandboxed in sandbox mode', async () => {
    const [response] = await mail.send({ ...valid, mailSettings: { sandboxMode: { enable: true } } });

    expect(response.statusCode).toBe(200);
    expect(standIn.accepted).toHaveLength(0);
    expect(standIn.sandboxed).toHaveLength(1);
    expect(standIn.sandboxed[0]?.body).toMatchObject({ mail_settings: { sandbox_mode: { enable: true } } });
  });

  it('should still validate a sandboxed message', async () => {
    const { from: _omitted, ...withoutFrom } = valid;
    const error = await rejection(
      mail.send(untyped({ ...withoutFrom, mailSettings: { sandboxMode: { enable: true } } })),
    );

    expect(error.code).toBe(400);
    expect(errorsOf(error)[0]?.field).toBe('from.email');
    expect(standIn.sandboxed).toHaveLength(0);
  });

  it('should answer 401 with "authorization required" when no API key is sent', async () => {
    const error = await rejection(mailServiceFor(standIn, null).send(valid));

    expect(error.code).toBe(401);
    expect(errorsOf(error)).toEqual([{ message: 'authorization required', field: null, help: null }]);
  });

  it('should answer 401 when the API key is wrong', async () => {
    const error = await rejection(mailServiceFor(standIn, 'SG.someone-else.key').send(valid));

    expect(error.code).toBe(401);
    expect(errorsOf(error)).toEqual([
      { message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null },
    ]);
    expect(standIn.requests[0]?.status).toBe(401);
  });

  it.each([
    {
      rule: 'an address repeated within one personalization',
      data: { ...valid, cc: 'Dana@customer.example' },
      expected: {
        message:
          'Each email address in the personalization block should be unique between to, cc, and bcc. ' +
          'We found the first duplicate instance of [Dana@customer.example] in the personalizations.0.cc field.',
        field: 'personalizations.0',
        help: `${HELP}recipient-errors`,
      },
    },
    {
      rule: 'send_at more than 72 hours ahead',
      data: { ...valid, sendAt: NOW_SECONDS + 72 * 3600 + 1 },
      expected: {
        message: 'Scheduling more than 72 hours in advance is forbidden.',
        field: 'send_at',
        help: `${HELP}send_at`,
      },
    },
    {
      rule: 'text/html before text/plain',
      data: untyped({
        ...valid,
        text: undefined,
        html: undefined,
        content: [
          { type: 'text/html', value: '<p>Hi</p>' },
          { type: 'text/plain', value: 'Hi' },
        ],
      }),
      expected: {
        message:
          'Following RFC 1341, section 7.2, if either text/html or text/plain are to be sent in your email: ' +
          'text/plain needs to be first, followed by text/html, followed by any other content.',
        field: 'content',
        help: `${HELP}content`,
      },
    },
    {
      rule: 'an empty content value',
      data: { ...valid, html: '' },
      expected: {
        message: 'The content value must be a string at least one character in length.',
        field: 'content.1.value',
        help: `${HELP}content.value`,
      },
    },
    {
      rule: 'no subject anywhere',
      data: untyped({ ...valid, subject: undefined }),
      expected: {
        message:
          'The subject is required. You can get around this requirement if you use a template with a subject ' +
          'defined or if every personalization has a subject defined.',
        field: 'subject',
        help: `${HELP}subject`,
      },
    },
    {
      rule: 'an ASM group ID that is not an integer',
      data: { ...valid, asm: { groupId: 1.5 } },
      expected: { message: 'The ASM group ID must be an integer.', field: 'asm.group_id', help: `${HELP}asm.group_id` },
    },
    {
      rule: 'a recipient without a valid address',
      data: { ...valid, to: 'not-an-address' },
      expected: {
        message: 'Does not contain a valid address.',
        field: 'personalizations.0.to.0.email',
        help: `${HELP}personalizations.to`,
      },
    },
  ])('should reject $rule', async ({ data, expected }) => {
    const error = await rejection(mail.send(data));

    expect(error.code).toBe(400);
    expect(errorsOf(error)).toEqual([expected]);
  });

  it('should accept send_at exactly 72 hours ahead', async () => {
    const [response] = await mail.send({ ...valid, sendAt: NOW_SECONDS + 72 * 3600 });

    expect(response.statusCode).toBe(202);
  });

  it('should accept a subject set in every personalization instead of the message', async () => {
    const { subject: _subject, to: _to, ...rest } = valid;
    const personalizations = [{ to: 'dana@customer.example', subject: 'Hi Dana' }];

    const [response] = await mail.send({ ...rest, personalizations });
    expect(response.statusCode).toBe(202);
  });
});

describe('SendGrid stand-in size limit', () => {
  it('should answer 413 for a body over the configured limit', async () => {
    const standIn = await startSendGridStandIn({ maxBodyBytes: 2048 });
    try {
      const mail = mailServiceFor(standIn);

      const error = await rejection(mail.send({ ...valid, text: 'x'.repeat(4096) }));
      expect(error.code).toBe(413);
      expect(errorsOf(error)).toEqual([{ message: 'content too large', field: null, help: null }]);
      expect(standIn.accepted).toHaveLength(0);

      const [response] = await mail.send(valid);
      expect(response.statusCode).toBe(202);
    } finally {
      await standIn.close();
    }
  });
});
