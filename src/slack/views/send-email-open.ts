import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { prepareWinbackEmail } from '../../email/prepare-winback-email.ts';
import { WinbackError } from '../../errors.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { sendEmailModal } from './send-email-modal.ts';

/** What the send-email modal carries between opening and Send. */
export const sendEmailMetadataSchema = z.object({
  accountId: z.uuid(),
  template: z.string().min(1),
  repName: z.string(),
  channelId: z.string().nullable(),
});

export type SendEmailMetadata = z.infer<typeof sendEmailMetadataSchema>;

export interface OpenRequest {
  accountId: string;
  template?: string;
  userId: string;
  /** The sender's Slack name, when the payload has it: the default signature. */
  userName?: string;
  channelId: string | null;
  triggerId: string;
  /** Opened from inside a modal: stacked on it. */
  push?: boolean;
}

export function emailDepsOrRefuse(deps: SlackDeps) {
  if (deps.email) return deps.email;
  throw new WinbackError('email_off', 'email is not configured', {
    userMessage: 'Email is not set up in winback yet: an admin needs to set SENDGRID_API_KEY and WINBACK_FROM_EMAIL.',
  });
}

/** Renders the account's email and opens the modal; every refusal is a WinbackError with its reason. */
export async function openSendEmailModal(client: WebClient, deps: SlackDeps, request: OpenRequest): Promise<void> {
  const email = emailDepsOrRefuse(deps);
  const sender = { userId: request.userId, isManager: await deps.roles.isManager(request.userId) };
  const repName = request.userName?.trim() || email.settings.WINBACK_FROM_NAME;
  const draft = await prepareWinbackEmail(deps.prisma, email, sender, {
    accountId: request.accountId,
    template: request.template,
    repName,
  });
  const metadata: SendEmailMetadata = {
    accountId: draft.accountId,
    template: draft.template,
    repName,
    channelId: request.channelId,
  };
  const view = sendEmailModal(draft, repName, JSON.stringify(metadata));
  if (request.push) await client.views.push({ trigger_id: request.triggerId, view });
  else await client.views.open({ trigger_id: request.triggerId, view });
}
