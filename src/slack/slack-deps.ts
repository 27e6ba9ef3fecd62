import type { TeamSettings } from '../config/team-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { SlackEmailDeps } from '../email/email-deps.ts';
import type { Logger } from '../log.ts';
import type { Roles } from './roles.ts';

/** What Slack listeners may call: services take these, listeners only pass them on. */
export interface SlackDeps {
  prisma: PrismaClient;
  roles: Roles;
  settings: TeamSettings;
  logger: Logger;
  /** The job queue, templates and settings email needs; absent, email from Slack is off. */
  email?: SlackEmailDeps;
}
