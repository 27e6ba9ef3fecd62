import type { KnownBlock } from '@slack/types';
import { SLASH_COMMAND } from '../ids.ts';
import { escapeMrkdwn, section } from './text.ts';

const SUBCOMMANDS: [string, string][] = [['help', 'show this message']];

export function usageText(): string {
  const lines = SUBCOMMANDS.map(([name, what]) => `• \`${SLASH_COMMAND} ${name}\` — ${what}`);
  return `*winback* brings lost customers to your team. What you can do:\n${lines.join('\n')}`;
}

/** The usage message; with `notUnderstood`, it starts by saying what was not understood. */
export function usageBlocks(notUnderstood?: string): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [];
  let text = usageText();
  if (notUnderstood !== undefined) {
    const sorry = `Sorry, I don't know \`${escapeMrkdwn(notUnderstood)}\`.`;
    blocks.push(section(sorry));
    text = `${sorry}\n${text}`;
  }
  blocks.push(section(usageText()));
  return { text, blocks };
}
