import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/domain/email/render-email.ts';
import { type NewEmail, queueBulkEmails } from '../../src/email/queue-email.ts';
import { sendEmailBatch } from '../../src/email/send-email-batch.ts';
import { emailSendBatchJob } from '../../src/email/send-jobs.ts';
import { type EmailRig, startEmailRig } from './email-rig.ts';

let rig: EmailRig;
beforeAll(async () => {
  rig = await startEmailRig();
});

type Personalization = {
  to: { email: string }[];
  subject: string;
  substitutions: Record<string, string>;
  custom_args: Record<string, string>;
};

async function campaign(count: number, campaignId = randomUUID()): Promise<NewEmail[]> {
  const accounts = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    source: 'test',
    externalId: `bulk_${campaignId.slice(0, 6)}_${i}`,
    contactName: `Person${i} <b>`,
    email: `p${i}.${campaignId.slice(0, 6)}@example.com`,
  }));
  await rig.db.prisma.account.createMany({ data: accounts });
  const template = rig.deps.templates.get('winback_other');
  if (!template) throw new Error('winback_other missing');
  return accounts.map((account) => {
    const values = {
      first_name: account.contactName,
      rep_name: 'Sam',
      survey_url: `https://s.example.com/?a=${account.externalId}`,
    };
    const rendered = renderEmail(template, 'A', values);
    if (rendered.status !== 'ok') throw new Error('render failed');
    return {
      idempotencyKey: `bulk:${campaignId}:${account.id}`,
      accountId: account.id,
      kind: 'winback',
      template: 'winback_other',
      variant: 'A',
      toEmail: account.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      mergeValues: values,
      scheduledFor: new Date(Date.now() - 1000),
    } satisfies NewEmail;
  });
}

describe('bulk sending', () => {
  it('sends 2500 messages in three requests of at most 1000 personalizations, each with its own ids', async () => {
    const emails = await campaign(2500);
    expect(await queueBulkEmails(rig.db.prisma, rig.deps.boss, emails)).toBe(2500);
    expect(await queueBulkEmails(rig.db.prisma, rig.deps.boss, emails)).toBe(0);
    expect((await rig.jobsIn(emailSendBatchJob.queue)).length).toBe(1);

    expect(await sendEmailBatch(rig.deps, { template: 'winback_other', variant: 'A' })).toBe(2500);

    const sizes = rig.sendgrid.accepted.map((message) => (message.body.personalizations as unknown[]).length);
    expect(sizes).toEqual([1000, 1000, 500]);
    const [request] = rig.sendgrid.accepted;
    const first = (request?.body.personalizations as Personalization[])[0];
    const row = await rig.db.prisma.emailMessage.findUniqueOrThrow({
      where: { id: first?.custom_args.winback_message_id ?? '' },
    });
    expect(row).toMatchObject({ status: 'sent', providerBatchId: request?.messageId, providerMessageId: null });
    expect(first?.to).toEqual([{ email: row.toEmail }]);
    expect(first?.subject).toBe(row.subject);

    // What SendGrid would deliver to that recipient is exactly the stored rendering.
    const content = request?.body.content as { type: string; value: string }[];
    const apply = (body: string) =>
      body.replace(/\{\{[th]\.[a-z0-9_]+\}\}/g, (key) => first?.substitutions[key] ?? key);
    expect(apply(content[0]?.value ?? '')).toBe(row.text);
    expect(apply(content[1]?.value ?? '')).toBe(row.html);
    expect(row.html).toContain('Person0 &lt;b&gt;');

    expect(await rig.db.prisma.emailMessage.count({ where: { template: 'winback_other', status: 'sent' } })).toBe(2500);
  });

  it('a 429 puts the whole batch back, due after Retry-After', async () => {
    rig.sendgrid.reset();
    await queueBulkEmails(rig.db.prisma, rig.deps.boss, await campaign(10));
    rig.sendgrid.failNext({ status: 429, retryAfter: 30 });
    expect(await sendEmailBatch(rig.deps, { template: 'winback_other', variant: 'A' })).toBe(0);
    const waiting = await rig.db.prisma.emailMessage.findMany({
      where: { template: 'winback_other', status: 'queued' },
    });
    expect(waiting).toHaveLength(10);
    expect(waiting.every((email) => email.scheduledFor.getTime() > Date.now() + 25_000)).toBe(true);
  });
});
