import type { WebClient } from '@slack/web-api';
import type PgBoss from 'pg-boss';
import type { TeamSettings } from '../config/team-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { Logger } from '../log.ts';
import type { EmailSettings } from './email-settings.ts';
import type { EmailTemplates } from './load-templates.ts';
import type { Mailer } from './sendgrid-mailer.ts';

/** What the email and dunning services and their jobs need. */
export interface EmailDeps {
  prisma: PrismaClient;
  boss: PgBoss;
  mailer: Mailer;
  slack: WebClient;
  settings: EmailSettings & TeamSettings;
  templates: EmailTemplates;
  managerIds: () => Promise<string[]>;
  logger: Logger;
}

/** What Slack listeners need to prepare and queue an email: the queue, the templates, the settings. */
export interface SlackEmailDeps {
  boss: PgBoss;
  templates: EmailTemplates;
  settings: EmailSettings & TeamSettings;
}
