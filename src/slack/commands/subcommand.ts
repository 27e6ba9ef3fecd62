import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../log.ts';
import type { SlackDeps } from '../slack-deps.ts';

/** What a `/winback` subcommand gets from the dispatcher. */
export interface SubcommandContext {
  /** The words after the subcommand, as typed. */
  args: string[];
  /** The same words joined by single spaces: an account's name may have several. */
  rest: string;
  userId: string;
  client: WebClient;
  deps: SlackDeps;
  log: Logger;
  /** For opening a modal (valid for 3 seconds after the command). */
  triggerId: string;
  /** The command's response_url, for answering once a modal opened from it is submitted. */
  responseUrl: string;
  /** Answers the person who typed the command, and only them. */
  reply(message: { text: string; blocks?: KnownBlock[] }): Promise<void>;
}

export type Subcommand = (context: SubcommandContext) => Promise<void>;

/** Longest account reference taken: longer than any name, email or id, and short enough to search cheaply. */
export const MAX_REFERENCE = 200;
