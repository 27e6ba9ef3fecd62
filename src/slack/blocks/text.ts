import type { KnownBlock } from '@slack/types';

/** Escapes text for mrkdwn: Slack treats <, > and & as control characters (mentions, links). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function section(markdown: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: markdown } };
}
