import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { loadHome } from '../../home/load-home.ts';
import { homeNoticeView, homeView } from '../blocks/home-view-blocks.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';

const homeOpenedSchema = z.object({ user: z.string(), tab: z.string().optional() });

/** An event has nobody to answer: a failure is told on the Home tab itself. */
function publishNotice(client: WebClient, userId: string): RespondFn {
  return async (message) => {
    const text = typeof message === 'string' ? message : (message.text ?? '');
    await client.views.publish({ user_id: userId, view: homeNoticeView(text) });
    // RespondFn promises a response_url's fetch Response; a view has none, so an empty one stands in.
    return new Response(null, { status: 204 });
  };
}

/** Opening the app's Home tab publishes it afresh: claims and next steps, what waits, and for managers the team. */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    const { user: userId, tab } = homeOpenedSchema.parse(event);
    if (tab !== 'home') return;
    const log = deps.logger.child({ event: 'app_home_opened', userId });

    await safely(publishNotice(client, userId), log, async () => {
      const isManager = await deps.roles.isManager(userId);
      const content = await loadHome(deps.prisma, { userId, isManager, highValue: deps.settings.WINBACK_HIGH_VALUE });
      await client.views.publish({ user_id: userId, view: homeView(content, new Date()) });
    });
  });
}
