import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { WinbackError } from '../../errors.ts';

/**
 * How to answer someone who submitted a modal: on the response_url of the message or command it was
 * opened from (ephemeral there), or, opened from a modal or the Home tab, in a direct message.
 */
export function replyAfterView(client: WebClient, userId: string, responseUrl: string | undefined): RespondFn {
  return async (message) => {
    const args: RespondArguments = typeof message === 'string' ? { text: message } : message;
    if (!responseUrl) {
      const { blocks } = args as { blocks?: KnownBlock[] };
      await client.chat.postMessage({ channel: userId, text: args.text ?? '', blocks });
      // RespondFn promises a response_url's fetch Response; a direct message has none, so an empty one stands in.
      return new Response(null, { status: 204 });
    }
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...args }),
    });
    if (!response.ok) {
      throw new WinbackError('respond_failed', `the response_url answered ${response.status}`);
    }
    return response;
  };
}
