import { randomBytes } from 'node:crypto';
import type { RespondFn } from '@slack/bolt';
import { isWinbackError } from '../errors.ts';
import type { Logger } from '../log.ts';

/**
 * The one place a Slack handler's failure becomes a reply: a WinbackError with a user message
 * is shown as it is; anything else becomes a short sentence with a reference to find the log
 * line. Never a stack trace, never silence.
 */
export async function replyWithError(respond: RespondFn, error: unknown, logger: Logger): Promise<void> {
  if (isWinbackError(error) && error.userMessage) {
    logger.info({ code: error.code }, 'refused in slack');
    await respond({ response_type: 'ephemeral', replace_original: false, text: error.userMessage });
    return;
  }
  const reference = randomBytes(4).toString('hex');
  logger.error({ err: error, reference }, 'slack handler failed');
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: `Sorry, that did not work. Nothing was changed unless said otherwise. If it keeps happening, give an admin this reference: ${reference}.`,
  });
}

/** Runs a handler's work after its ack, turning any failure into an ephemeral reply. */
export async function safely(respond: RespondFn, logger: Logger, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await replyWithError(respond, error, logger).catch((replyError) =>
      logger.error({ err: replyError }, 'could not tell the user about a failure'),
    );
  }
}
