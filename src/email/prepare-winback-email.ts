import { findAccountOrRefuse } from '../claims/claim-account.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { displayNameOf } from '../digest/display-name.ts';
import { assignVariant } from '../domain/email/assign-variant.ts';
import type { MergeValues } from '../domain/email/merge-tags.ts';
import { renderEmail } from '../domain/email/render-email.ts';
import { WinbackError } from '../errors.ts';
import { escapeMrkdwn } from '../slack/blocks/text.ts';
import { assertMayEmail, assertReachable, assertUnderCap, type Sender } from './assert-may-email.ts';
import type { SlackEmailDeps } from './email-deps.ts';
import { templateOrRefuse, winbackTemplateKeyFor } from './load-templates.ts';
import { mergeValuesFor } from './merge-values.ts';

export interface EmailDraft {
  accountId: string;
  displayName: string;
  toEmail: string;
  timezone: string | null;
  template: string;
  /** The A/B variant this account gets; null for a template with one variant. */
  variant: string | null;
  subject: string;
  text: string;
  html: string;
  mergeValues: MergeValues;
  offerId: string | null;
}

export interface DraftRequest {
  accountId: string;
  /** A win-back template key; by default the one for the account's churn reason. */
  template?: string;
  repName: string;
}

async function latestApprovedOffer(prisma: PrismaClient, accountId: string, now: Date) {
  return prisma.offer.findFirst({
    where: { accountId, status: 'approved', OR: [{ codeExpiresAt: null }, { codeExpiresAt: { gt: now } }] },
    orderBy: { updatedAt: 'desc' },
  });
}

/**
 * The win-back email an account would get now, rendered for the sender to check: after checking the
 * sender may email it, that it can be emailed, and the frequency cap. A template tag the account
 * lacks is refused, naming the tag and why the account has no value for it.
 */
export async function prepareWinbackEmail(
  prisma: PrismaClient,
  email: SlackEmailDeps,
  sender: Sender,
  request: DraftRequest,
  now = new Date(),
): Promise<EmailDraft> {
  const account = await findAccountOrRefuse(prisma, request.accountId);
  await assertMayEmail(prisma, account, sender);
  assertReachable(account);
  await assertUnderCap(prisma, account, email.settings.WINBACK_EMAIL_CAP_DAYS, now);

  const key = request.template ?? winbackTemplateKeyFor(account.churnReason);
  const template = templateOrRefuse(email.templates, key);
  const name = escapeMrkdwn(displayNameOf(account));
  if (template.kind !== 'winback') {
    throw new WinbackError('template_not_winback', `template ${key} is ${template.kind}`, {
      userMessage: `\`${key}\` is a ${template.kind} template; winback sends those itself. Pick a winback_ template.`,
    });
  }

  const offer = await latestApprovedOffer(prisma, account.id, now);
  const feedback = await prisma.feedback.findFirst({
    where: { accountId: account.id, requestedFeature: { not: null } },
    orderBy: { createdAt: 'desc' },
  });
  const mergeValues = mergeValuesFor({
    account,
    offer,
    requestedFeature: feedback?.requestedFeature,
    repName: request.repName,
    settings: email.settings,
  });
  const variant = assignVariant(template.key, account.id, template.variants);
  const rendered = renderEmail(template, variant, mergeValues);
  if (rendered.status === 'missing') {
    const lines = rendered.missing.map((missing) => `• \`{{${missing.tag}}}\`: ${missing.why}`).join('\n');
    throw new WinbackError('merge_tag_missing', `template ${key} lacks tags for account ${account.id}`, {
      userMessage: `\`${key}\` cannot go to *${name}* yet; it uses tags this account has no value for:\n${lines}`,
    });
  }

  return {
    accountId: account.id,
    displayName: displayNameOf(account),
    toEmail: account.email,
    timezone: account.timezone,
    template: template.key,
    variant: template.variants.length > 1 ? variant : null,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    mergeValues,
    offerId: offer?.id ?? null,
  };
}
