// Slack's Block Kit limits, checked the way Slack checks them, so the stand-in rejects what Slack rejects.
// Problems read like Slack's own `response_metadata.messages` (without the `[ERROR] ` prefix), e.g.
// `must be less than 3001 characters [json-pointer:/blocks/0/text/text]`.

type JsonObject = Record<string, unknown>;

/**
 * Sources: docs.slack.dev block reference pages (blocks, section, header, actions, context, button) and
 * view reference (modal views), as quoted in @slack/types 3.2 doc comments; message text from chat.postMessage docs.
 * `blocksJson` is not documented: Slack answers `msg_blocks_too_long` around 12,000 text characters
 * (slackapi/bolt-js#2509, #2867), so the stand-in makes it a configurable threshold.
 */
export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  id: 255,
  actionsElements: 25,
  contextElements: 10,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  messageText: 40_000,
  blocksJson: 12_000,
} as const;

const limits = BLOCK_KIT_LIMITS;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fieldOf = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined);

const textOf = (value: unknown): unknown => fieldOf(value, 'text');

const at = (pointer: string) => `[json-pointer:${pointer}]`;

function tooLong(value: unknown, max: number, pointer: string): string[] {
  return typeof value === 'string' && value.length > max
    ? [`must be less than ${max + 1} characters ${at(pointer)}`]
    : [];
}

function tooMany(items: unknown, max: number, pointer: string): string[] {
  return Array.isArray(items) && items.length > max ? [`no more than ${max} items allowed ${at(pointer)}`] : [];
}

function duplicate(seen: Set<string>, key: string, value: unknown, pointer: string): string[] {
  if (typeof value !== 'string') return [];
  if (!seen.has(value)) {
    seen.add(value);
    return [];
  }
  return [`\`${key}\` "${value}" already exists ${at(pointer)}`];
}

function elementProblems(element: unknown, pointer: string): string[] {
  if (!isObject(element)) return [];
  const problems = tooLong(element.action_id, limits.id, `${pointer}/action_id`);
  if (element.type !== 'button') return problems;

  return [
    ...problems,
    ...tooLong(textOf(element.text), limits.buttonText, `${pointer}/text/text`),
    ...tooLong(element.value, limits.buttonValue, `${pointer}/value`),
    ...tooLong(element.url, limits.buttonUrl, `${pointer}/url`),
  ];
}

function sectionProblems(block: JsonObject, pointer: string): string[] {
  const text = textOf(block.text);
  const empty = text === '' ? [`must be more than 0 characters ${at(`${pointer}/text/text`)}`] : [];
  const fields = Array.isArray(block.fields) ? block.fields : [];

  return [
    ...empty,
    ...tooLong(text, limits.sectionText, `${pointer}/text/text`),
    ...tooMany(block.fields, limits.sectionFields, `${pointer}/fields`),
    ...fields.flatMap((field, i) => tooLong(textOf(field), limits.sectionFieldText, `${pointer}/fields/${i}/text`)),
    ...elementProblems(block.accessory, `${pointer}/accessory`),
  ];
}

// Slack wants action_id unique among the elements of one block, not across the whole message.
function actionsProblems(block: JsonObject, pointer: string): string[] {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  const actionIds = new Set<string>();

  return [
    ...tooMany(block.elements, limits.actionsElements, `${pointer}/elements`),
    ...elements.flatMap((element, i) => [
      ...elementProblems(element, `${pointer}/elements/${i}`),
      ...duplicate(actionIds, 'action_id', fieldOf(element, 'action_id'), `${pointer}/elements/${i}/action_id`),
    ]),
  ];
}

function blockProblems(block: JsonObject, pointer: string): string[] {
  switch (block.type) {
    case 'section':
      return sectionProblems(block, pointer);
    case 'header':
      return tooLong(textOf(block.text), limits.headerText, `${pointer}/text/text`);
    case 'actions':
      return actionsProblems(block, pointer);
    case 'context':
      return tooMany(block.elements, limits.contextElements, `${pointer}/elements`);
    case 'input':
      return elementProblems(block.element, `${pointer}/element`);
    default:
      return [];
  }
}

function blocksProblems(blocks: unknown, maxBlocks: number, pointer: string): string[] {
  if (!Array.isArray(blocks)) return [`must be an array ${at(pointer)}`];
  const blockIds = new Set<string>();

  return [
    ...tooMany(blocks, maxBlocks, pointer),
    ...blocks.flatMap((block, i) => {
      const blockPointer = `${pointer}/${i}`;
      if (!isObject(block)) return [`must be an object ${at(blockPointer)}`];

      return [
        ...tooLong(block.block_id, limits.id, `${blockPointer}/block_id`),
        ...duplicate(blockIds, 'block_id', block.block_id, `${blockPointer}/block_id`),
        ...blockProblems(block, blockPointer),
      ];
    }),
  ];
}

/** Problems Slack reports for a message's `blocks` (chat.postMessage, chat.update, chat.postEphemeral, respond). */
export function findMessageBlockProblems(blocks: unknown): string[] {
  return blocksProblems(blocks, limits.messageBlocks, '/blocks');
}

/** Problems Slack reports for a `view` (views.open, views.push, views.update, views.publish). */
export function findViewProblems(view: unknown): string[] {
  if (!isObject(view)) return [`must be an object ${at('/view')}`];
  const modal =
    view.type === 'modal'
      ? [
          ...tooLong(textOf(view.title), limits.modalTitle, '/view/title/text'),
          ...tooLong(textOf(view.submit), limits.modalButton, '/view/submit/text'),
          ...tooLong(textOf(view.close), limits.modalButton, '/view/close/text'),
        ]
      : [];

  return [
    ...modal,
    ...tooLong(view.private_metadata, limits.privateMetadata, '/view/private_metadata'),
    ...tooLong(view.callback_id, limits.callbackId, '/view/callback_id'),
    ...blocksProblems(view.blocks, limits.viewBlocks, '/view/blocks'),
  ];
}
