import type { KnownBlock } from '@slack/types';

// Slack shows `text` in notifications and to screen readers; it should say what the blocks say.
const MAX_TEXT = 3000;

/** The blocks' words as plain lines: headers, sections (with fields) and context. */
export function plainTextOf(blocks: KnownBlock[], maxLength = MAX_TEXT): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'header') lines.push(block.text.text);
    if (block.type === 'section') {
      if (block.text) lines.push(block.text.text);
      for (const field of block.fields ?? []) lines.push(field.text);
    }
    if (block.type === 'context') {
      for (const element of block.elements) if ('text' in element) lines.push(element.text);
    }
  }
  const text = lines.join('\n');
  // Never end the cut on half an emoji: a lone high surrogate fuses with the ellipsis when form-encoded.
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : text;
}
