import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { loadAccountCard } from '../../accounts/load-account-card.ts';
import { accountModal, noticeModal } from '../blocks/account-card-blocks.ts';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';

const detailsSchema = z.object({
  trigger_id: z.string(),
  actions: z.array(z.object({ value: z.uuid() })).min(1),
});

const replyTargetSchema = z.object({
  trigger_id: z.string().optional().catch(undefined),
  response_url: z.string().optional().catch(undefined),
});

/** A Home tab button carries no response_url: there, a failure is told in a modal instead. */
function replyFor(body: unknown, respond: RespondFn, client: WebClient): RespondFn {
  const target = replyTargetSchema.parse(body);
  if (target.response_url) return respond;
  return async (message) => {
    const text = typeof message === 'string' ? message : (message.text ?? '');
    await client.views.open({ trigger_id: target.trigger_id ?? '', view: noticeModal(text) });
    // RespondFn promises a response_url's fetch Response; a view has none, so an empty one stands in.
    return new Response(null, { status: 204 });
  };
}

/** The Details button: the account card in a modal. */
export function registerAccountDetailsAction(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.accountDetails, async ({ ack, body, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: ACTIONS.accountDetails, userId: body.user.id });
    await safely(replyFor(body, respond, client), log, async () => {
      const { trigger_id, actions } = detailsSchema.parse(body);
      const card = await loadAccountCard(deps.prisma, actions[0]?.value ?? '');
      await client.views.open({ trigger_id, view: accountModal(card) });
    });
  });
}
