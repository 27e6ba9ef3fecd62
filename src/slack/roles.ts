import type { WebClient } from '@slack/web-api';
import type { TeamSettings } from '../config/team-settings.ts';
import type { Logger } from '../log.ts';

export interface Roles {
  isManager(userId: string): Promise<boolean>;
  /** Every manager's user id: the configured ones and the user group's members. */
  managerIds(): Promise<string[]>;
}

// A user group changes rarely; asking Slack on every click would spend its rate limit.
const GROUP_TTL_MS = 5 * 60 * 1000;

export function createRoles(settings: TeamSettings, client: WebClient, logger: Logger): Roles {
  let cached: { at: number; members: string[] } | null = null;

  async function groupMembers(): Promise<string[]> {
    const group = settings.WINBACK_MANAGER_GROUP;
    if (!group) return [];
    if (cached && Date.now() - cached.at < GROUP_TTL_MS) return cached.members;
    try {
      const result = await client.usergroups.users.list({ usergroup: group });
      cached = { at: Date.now(), members: result.users ?? [] };
    } catch (error) {
      // Fail closed: nobody gains manager rights because Slack could not be asked.
      logger.warn({ err: error, usergroup: group }, 'could not read the manager user group');
      return cached?.members ?? [];
    }
    return cached.members;
  }

  const managerIds = async () => [...new Set([...settings.WINBACK_MANAGERS, ...(await groupMembers())])];
  return {
    managerIds,
    isManager: async (userId) => (await managerIds()).includes(userId),
  };
}
