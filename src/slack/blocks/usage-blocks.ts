import type { KnownBlock } from '@slack/types';
import { SLASH_COMMAND } from '../ids.ts';
import { escapeMrkdwn, section } from './text.ts';

const SUBCOMMANDS: [string, string][] = [
  ['help', 'show this message'],
  ['list [churned|failed|unclaimed|mine] [segment]', 'accounts, most valuable first (churned unless you say)'],
  ['account <name|email|id>', "an account's card"],
  ['mine', 'the accounts you own, with what to do next'],
  ['claim <account>', 'make an account yours'],
  ['release <account>', 'hand an account back to the team'],
  ['digest now', "post today's digest now (managers)"],
  ['digest preview', "see today's digest, only you"],
  ['feedback <account>', 'log why a customer left, in their words'],
  ['reasons [period]', 'why customers left: 30d, q4, 2026-h1 (the last 90 days unless you say)'],
  ['segments', 'the saved segments, with accounts and lost MRR'],
  ['segment <name>', "a saved segment's most valuable accounts"],
  ['email <account> [template]', 'preview and send a win-back email (owner or manager)'],
  ['ab <template>', "how a template's A/B variants did, with significance"],
];

const usageLine = ([name, what]: [string, string]) => `• \`${SLASH_COMMAND} ${name}\` — ${what}`;

export function usageText(): string {
  return `*winback* brings lost customers to your team. What you can do:\n${SUBCOMMANDS.map(usageLine).join('\n')}`;
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

/** What was wrong with how a subcommand was typed (mrkdwn, already escaped), then that subcommand's usage. */
export function subcommandUsage(subcommand: string, problem: string): { text: string; blocks: KnownBlock[] } {
  const lines = SUBCOMMANDS.filter(([name]) => name.split(' ')[0] === subcommand).map(usageLine);
  const text = `Sorry, ${problem}\nUsage:\n${lines.join('\n')}`;
  return { text, blocks: [section(text)] };
}
