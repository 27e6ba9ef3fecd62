import type { RespondFn } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { replyAfterView } from './reply-after-view.ts';

// Where a button was clicked: a message (with a response_url), a modal, or the Home tab.
export const clickSchema = z.object({
  trigger_id: z.string(),
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ value: z.string() })).min(1),
  // Absent (or empty) for a button in a modal or on the Home tab.
  response_url: z
    .string()
    .optional()
    .transform((url) => url || undefined),
  view: z.object({ type: z.string() }).optional(),
});

export type Click = z.infer<typeof clickSchema>;

/** A button inside a modal stacks the new modal on it (Slack allows three); elsewhere it opens one. */
export async function openModal(client: WebClient, click: Click, view: ModalView): Promise<void> {
  if (click.view?.type === 'modal') await client.views.push({ trigger_id: click.trigger_id, view });
  else await client.views.open({ trigger_id: click.trigger_id, view });
}

/** Where to answer the clicker: on the message's response_url, or in a direct message when there is none. */
export function replyToClick(client: WebClient, click: Click, respond: RespondFn): RespondFn {
  return click.response_url ? respond : replyAfterView(client, click.user.id, undefined);
}
