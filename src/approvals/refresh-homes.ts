import type { WebClient } from '@slack/web-api';
import type { TeamSettings } from '../config/team-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { loadHome } from '../home/load-home.ts';
import type { Logger } from '../log.ts';
import { homeView } from '../slack/blocks/home-view-blocks.ts';
import type { Roles } from '../slack/roles.ts';

export interface HomeDeps {
  prisma: PrismaClient;
  roles: Roles;
  settings: TeamSettings;
  logger: Logger;
}

/**
 * Re-publishes the Home tab of every manager (their pending approvals changed) and of the
 * proposers involved (their next step changed). A tab Slack refuses is logged; the decision stands.
 */
export async function refreshHomes(deps: HomeDeps, slack: WebClient, proposers: string[]): Promise<void> {
  const managers = await deps.roles.managerIds();
  for (const userId of new Set([...managers, ...proposers])) {
    try {
      const isManager = managers.includes(userId);
      const content = await loadHome(deps.prisma, { userId, isManager, highValue: deps.settings.WINBACK_HIGH_VALUE });
      await slack.views.publish({ user_id: userId, view: homeView(content, new Date()) });
    } catch (error) {
      deps.logger.warn({ err: error, userId }, 'home tab could not be refreshed');
    }
  }
}
