import type { App } from '@slack/bolt';
import { z } from 'zod';
import { usageBlocks } from '../blocks/usage-blocks.ts';
import { SLASH_COMMAND } from '../ids.ts';
import type { SlackDeps } from '../slack-deps.ts';

const commandSchema = z.object({ text: z.string().default('') });

/** `/winback <subcommand> ...`: every reply is ephemeral, for the person who typed it. */
export function registerWinbackCommand(app: App, _deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ ack, command, respond }) => {
    await ack();
    const { text } = commandSchema.parse(command);
    const [subcommand = 'help'] = text.trim().split(/\s+/).filter(Boolean);

    if (subcommand.toLowerCase() === 'help') {
      await respond({ response_type: 'ephemeral', ...usageBlocks() });
      return;
    }
    await respond({ response_type: 'ephemeral', ...usageBlocks(text.trim()) });
  });
}
