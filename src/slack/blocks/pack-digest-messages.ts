import type { KnownBlock } from '@slack/types';

/**
 * Slack refuses more than 50 blocks per message, and answers msg_blocks_too_long well before its
 * documented size limits (about 12,000 characters of blocks JSON in practice). Stay under both.
 */
export const MESSAGE_LIMITS = { maxBlocks: 45, maxChars: 10_000 };

export interface ItemBlocks {
  key: string;
  section: string;
  blocks: KnownBlock[];
}

export interface PackedMessage {
  blocks: KnownBlock[];
  /** Keys of the items this message shows. */
  keys: string[];
}

const size = (blocks: KnownBlock[]) => JSON.stringify(blocks).length;
const note = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const title = (text: string): KnownBlock => note(`*${text}*`);
export const CONTINUED = '_Continued from the digest._';

/** One message's blocks: its opening blocks, the items under their section titles, a closing note. */
export function layoutMessage(opening: KnownBlock[], items: ItemBlocks[], closing: string | null): KnownBlock[] {
  const blocks = [...opening];
  let section: string | null = null;
  for (const item of items) {
    if (item.section !== section) blocks.push(title(item.section));
    blocks.push(...item.blocks);
    section = item.section;
  }
  if (closing) blocks.push(note(closing));
  return blocks;
}

/** The closing line of a digest's first message. */
export function closingNote(inThread: number, notShownNote: string | null): string | null {
  const parts = [inThread > 0 ? `…and ${inThread} more in the thread.` : null, notShownNote].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * The digest's first message (header plus as many items as fit) and the thread replies that carry
 * the rest, in order. The first message says how many items continue in the thread.
 */
export function packDigestMessages(
  header: KnownBlock[],
  items: ItemBlocks[],
  notShownNote: string | null = null,
  limits = MESSAGE_LIMITS,
): PackedMessage[] {
  // Room kept in every message for its closing note.
  const reserve = { blocks: 1, chars: 300 };
  const messages: PackedMessage[] = [];
  let current: PackedMessage = { blocks: [...header], keys: [] };
  let currentSection: string | null = null;

  for (const item of items) {
    const addition = item.section !== currentSection ? [title(item.section), ...item.blocks] : item.blocks;
    const fits =
      current.blocks.length + addition.length + reserve.blocks <= limits.maxBlocks &&
      size([...current.blocks, ...addition]) + reserve.chars <= limits.maxChars;
    if (!fits && current.keys.length > 0) {
      messages.push(current);
      current = {
        blocks: [note('_Continued from the digest._'), title(item.section), ...item.blocks],
        keys: [item.key],
      };
    } else {
      current.blocks.push(...addition);
      current.keys.push(item.key);
    }
    currentSection = item.section;
  }
  messages.push(current);

  const closing = closingNote(items.length - (messages[0]?.keys.length ?? 0), notShownNote);
  if (closing) messages[0]?.blocks.push(note(closing));
  return messages;
}
