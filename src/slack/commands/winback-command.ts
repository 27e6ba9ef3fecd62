import type { App } from '@slack/bolt';
import { z } from 'zod';
import { usageBlocks } from '../blocks/usage-blocks.ts';
import { SLASH_COMMAND } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { runAbCommand } from './ab-command.ts';
import { runAccountCommand } from './account-command.ts';
import { runClaimCommand } from './claim-command.ts';
import { runDigestCommand } from './digest-command.ts';
import { runEmailCommand } from './email-command.ts';
import { runFeedbackCommand } from './feedback-command.ts';
import { runHelpCommand } from './help-command.ts';
import { runListCommand } from './list-command.ts';
import { runMineCommand } from './mine-command.ts';
import { runReasonsCommand } from './reasons-command.ts';
import { runReleaseCommand } from './release-command.ts';
import { runSegmentsCommand } from './segments-command.ts';
import { runSegmentCommand } from './segments-show-command.ts';
import type { Subcommand, SubcommandContext } from './subcommand.ts';

const commandSchema = z.object({
  text: z.string().default(''),
  user_id: z.string(),
  // Slack sends both with every command; only the modals opened from one use them.
  trigger_id: z.string().default(''),
  response_url: z.string().default(''),
});

// One line per subcommand; each lives in its own file beside this one.
const SUBCOMMANDS = new Map<string, Subcommand>([
  ['help', runHelpCommand],
  ['list', runListCommand],
  ['account', runAccountCommand],
  ['mine', runMineCommand],
  ['claim', runClaimCommand],
  ['release', runReleaseCommand],
  ['digest', runDigestCommand],
  ['feedback', runFeedbackCommand],
  ['reasons', runReasonsCommand],
  ['segments', runSegmentsCommand],
  ['segment', runSegmentCommand],
  ['email', runEmailCommand],
  ['ab', runAbCommand],
]);

/** `/winback <subcommand> ...`: every reply is ephemeral, for the person who typed it. */
export function registerWinbackCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ ack, command, respond, client }) => {
    await ack();
    const log = deps.logger.child({ command: SLASH_COMMAND, userId: command.user_id });
    await safely(respond, log, async () => {
      const { text, user_id: userId, trigger_id: triggerId, response_url: responseUrl } = commandSchema.parse(command);
      const [name = 'help', ...args] = text.trim().split(/\s+/).filter(Boolean);
      const reply: SubcommandContext['reply'] = async (message) => {
        await respond({ response_type: 'ephemeral', ...message });
      };

      const run = SUBCOMMANDS.get(name.toLowerCase());
      if (!run) {
        await reply(usageBlocks(text.trim()));
        return;
      }
      log.debug({ subcommand: name.toLowerCase() }, 'subcommand');
      await run({ args, rest: args.join(' '), userId, client, deps, log, triggerId, responseUrl, reply });
    });
  });
}
