import { App, ExpressReceiver } from '@slack/bolt';
import type { Express } from 'express';
import type { ServerConfig } from '../config/load-config.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { SlackEmailDeps } from '../email/email-deps.ts';
import type { Logger } from '../log.ts';
import { registerAccountDetailsAction } from './actions/account-details-action.ts';
import { registerApproveOfferAction } from './actions/approve-offer-action.ts';
import { registerClaimAccountAction } from './actions/claim-account-action.ts';
import { registerLogFeedbackAction } from './actions/log-feedback-action.ts';
import { registerProposeOfferAction } from './actions/propose-offer-action.ts';
import { registerReassignAccountAction } from './actions/reassign-account-action.ts';
import { registerRejectOfferAction } from './actions/reject-offer-action.ts';
import { registerReleaseAccountAction } from './actions/release-account-action.ts';
import { registerSendEmailAction } from './actions/send-email-action.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerWinbackCommand } from './commands/winback-command.ts';
import { registerAppHomeOpened } from './events/app-home-opened.ts';
import { createRoles, type Roles } from './roles.ts';
import type { SlackDeps } from './slack-deps.ts';
import { registerLogFeedbackSubmission } from './views/log-feedback-submission.ts';
import { registerOfferModalChanged } from './views/offer-modal-changed.ts';
import { registerProposeOfferSubmission } from './views/propose-offer-submission.ts';
import { registerRejectOfferSubmission } from './views/reject-offer-submission.ts';
import { registerSendEmailSubmission } from './views/send-email-submission.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The Bolt app. Over HTTP its receiver is mounted on `httpApp` at /slack/events and Bolt
 * verifies every request's signature; with SLACK_APP_TOKEN it uses Socket Mode instead.
 */
export function createSlackApp(
  config: ServerConfig,
  httpApp: Express,
  prisma: PrismaClient,
  logger: Logger,
  email?: SlackEmailDeps,
): { app: App; roles: Roles } {
  const clientOptions = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};
  const common = { token: config.SLACK_BOT_TOKEN, logger: boltLogger(logger), clientOptions };
  const app = config.SLACK_APP_TOKEN
    ? // The socket's own client takes its options from installerOptions, and writes its retry
      // policy into them: a copy keeps that policy out of the listeners' clients.
      new App({
        ...common,
        appToken: config.SLACK_APP_TOKEN,
        socketMode: true,
        installerOptions: { clientOptions: { ...clientOptions } },
      })
    : new App({
        ...common,
        receiver: new ExpressReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET ?? '',
          app: httpApp,
          endpoints: SLACK_EVENTS_PATH,
          logger: boltLogger(logger),
        }),
      });

  // Slack redelivers an event it thinks went unanswered; the first delivery already did the work.
  app.use(async ({ context, next, logger: requestLogger }) => {
    if (context.retryNum !== undefined) {
      requestLogger.debug(`ignoring Slack retry ${context.retryNum} (${context.retryReason ?? 'no reason'})`);
      return;
    }
    await next();
  });

  const roles = createRoles(config, app.client, logger);
  const deps: SlackDeps = { prisma, roles, settings: config, logger, email };
  registerWinbackCommand(app, deps);
  registerClaimAccountAction(app, deps);
  registerReleaseAccountAction(app, deps);
  registerReassignAccountAction(app, deps);
  registerAccountDetailsAction(app, deps);
  registerAppHomeOpened(app, deps);
  registerSendEmailAction(app, deps);
  registerSendEmailSubmission(app, deps);
  registerApproveOfferAction(app, deps);
  registerLogFeedbackAction(app, deps);
  registerProposeOfferAction(app, deps);
  registerRejectOfferAction(app, deps);
  registerLogFeedbackSubmission(app, deps);
  registerOfferModalChanged(app, deps);
  registerProposeOfferSubmission(app, deps);
  registerRejectOfferSubmission(app, deps);
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'slack handler failed');
  });
  return { app, roles };
}
