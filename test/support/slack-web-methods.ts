// The Web API methods winback calls, answered with the shapes and error names of Slack's Web API spec
// (shared/data/specs/slack/slack_web_openapi_v2.json examples), so app code meets realistic replies.
import { BLOCK_KIT_LIMITS, findMessageBlockProblems, findViewProblems } from './block-kit-limits.ts';

export type SlackBody = { ok: boolean; [key: string]: unknown };
export type MethodArgs = Record<string, unknown>;

export interface Workspace {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
}

export interface MethodContext {
  workspace: Workspace;
  maxBlocksJsonLength: number;
  users: Record<string, Record<string, unknown>>;
  usergroups: Record<string, string[]>;
  nextTs(): string;
  nextViewId(): string;
}

type Method = (args: MethodArgs, context: MethodContext) => SlackBody;

const fail = (error: string, extra: Record<string, unknown> = {}): SlackBody => ({ ok: false, error, ...extra });

// Slack lists each problem twice: bare in `errors`, and prefixed in `response_metadata.messages`.
const rejected = (error: string, problems: string[]): SlackBody =>
  fail(error, { errors: problems, response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });

const missing = (field: string) => rejected('invalid_arguments', [`missing required field: ${field}`]);

const given = (value: unknown): value is string => typeof value === 'string' && value !== '';

const isUserId = (id: string) => /^[UW][A-Z0-9]+$/.test(id);

// Posting to a user ID lands in the bot's DM with that user, which Slack names with a D prefix.
const dmChannelFor = (userId: string) => `D${userId.slice(1)}`;

function messageProblem(args: MethodArgs, context: MethodContext): SlackBody | undefined {
  const text = typeof args.text === 'string' ? args.text : '';
  if (text === '' && args.blocks === undefined && args.attachments === undefined) return fail('no_text');
  if (text.length > BLOCK_KIT_LIMITS.messageText) return fail('msg_too_long');
  if (args.blocks === undefined) return undefined;
  if (!Array.isArray(args.blocks)) return fail('invalid_blocks_format');

  const problems = findMessageBlockProblems(args.blocks);
  if (problems.length > 0) return rejected('invalid_blocks', problems);
  if (JSON.stringify(args.blocks).length > context.maxBlocksJsonLength) return fail('msg_blocks_too_long');
  return undefined;
}

function botMessage(args: MethodArgs, ts: string, { workspace }: MethodContext) {
  return {
    type: 'message',
    text: args.text ?? '',
    user: workspace.botUserId,
    bot_id: workspace.botId,
    app_id: workspace.appId,
    team: workspace.teamId,
    ts,
    ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
    ...(args.thread_ts === undefined ? {} : { thread_ts: args.thread_ts }),
  };
}

const postMessage: Method = (args, context) => {
  if (!given(args.channel)) return fail('channel_not_found');
  const problem = messageProblem(args, context);
  if (problem) return problem;

  const ts = context.nextTs();
  const channel = isUserId(args.channel) ? dmChannelFor(args.channel) : args.channel;
  return { ok: true, channel, ts, message: botMessage(args, ts, context) };
};

const updateMessage: Method = (args, context) => {
  if (!given(args.channel)) return fail('channel_not_found');
  if (!given(args.ts)) return fail('message_not_found');
  const problem = messageProblem(args, context);
  if (problem) return problem;

  return {
    ok: true,
    channel: args.channel,
    ts: args.ts,
    text: args.text ?? '',
    message: botMessage(args, args.ts, context),
  };
};

const postEphemeral: Method = (args, context) => {
  if (!given(args.channel)) return fail('channel_not_found');
  if (!given(args.user)) return fail('user_not_in_channel');
  return messageProblem(args, context) ?? { ok: true, message_ts: context.nextTs() };
};

const deleteMessage: Method = (args) => {
  if (!given(args.channel)) return fail('channel_not_found');
  if (!given(args.ts)) return fail('message_not_found');
  return { ok: true, channel: args.channel, ts: args.ts };
};

function viewReply(view: unknown, id: string, { workspace }: MethodContext): SlackBody {
  const problems = findViewProblems(view);
  if (problems.length > 0) return rejected('invalid_arguments', problems);
  const definition = view as Record<string, unknown>;

  return {
    ok: true,
    view: {
      id,
      team_id: workspace.teamId,
      type: definition.type,
      blocks: definition.blocks,
      private_metadata: definition.private_metadata ?? '',
      callback_id: definition.callback_id ?? '',
      state: { values: {} },
      hash: `1700000000.${id}`,
      title: definition.title ?? null,
      close: definition.close ?? null,
      submit: definition.submit ?? null,
      clear_on_close: definition.clear_on_close ?? false,
      notify_on_close: definition.notify_on_close ?? false,
      previous_view_id: null,
      root_view_id: id,
      app_id: workspace.appId,
      external_id: definition.external_id ?? '',
      app_installed_team_id: workspace.teamId,
      bot_id: workspace.botId,
    },
  };
}

const openView =
  (required: 'trigger_id' | 'user_id'): Method =>
  (args, context) =>
    given(args[required]) ? viewReply(args.view, context.nextViewId(), context) : missing(required);

const updateView: Method = (args, context) => {
  const id = given(args.view_id) ? args.view_id : given(args.external_id) ? context.nextViewId() : undefined;
  return id ? viewReply(args.view, id, context) : missing('view_id');
};

const userInfo: Method = (args, { workspace, users }) => {
  if (!given(args.user) || !isUserId(args.user)) return fail('user_not_found');
  const id = args.user;
  const name = `user-${id.toLowerCase()}`;
  const profile = { real_name: name, display_name: name, email: `${name}@example.com`, team: workspace.teamId };

  return {
    ok: true,
    user: {
      id,
      team_id: workspace.teamId,
      name,
      real_name: name,
      deleted: false,
      is_bot: false,
      is_app_user: false,
      is_admin: false,
      is_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      tz: 'America/New_York',
      tz_label: 'Eastern Standard Time',
      tz_offset: -18000,
      profile,
      ...users[id],
    },
  };
};

const conversationInfo: Method = (args) => {
  if (!given(args.channel)) return fail('channel_not_found');
  const id = args.channel;
  const isIm = id.startsWith('D');

  return {
    ok: true,
    channel: {
      id,
      name: isIm ? undefined : `channel-${id.toLowerCase()}`,
      is_channel: id.startsWith('C'),
      is_group: id.startsWith('G'),
      is_im: isIm,
      is_private: !id.startsWith('C'),
      is_archived: false,
      is_member: true,
      created: 1700000000,
    },
  };
};

const openConversation: Method = (args) => {
  if (given(args.channel)) return { ok: true, channel: { id: args.channel } };
  if (!given(args.users)) return fail('users_list_not_supplied');
  const [first] = args.users.split(',');
  return first && isUserId(first) ? { ok: true, channel: { id: dmChannelFor(first) } } : fail('user_not_found');
};

// `no_such_subteam` is the name Slack uses for an unknown user group; the 2021 spec does not list it.
const usergroupUsers: Method = (args, { usergroups }) => {
  if (!given(args.usergroup)) return missing('usergroup');
  const users = usergroups[args.usergroup];
  return users ? { ok: true, users } : fail('no_such_subteam');
};

const authTest: Method = (_args, { workspace }) => ({
  ok: true,
  url: `https://${workspace.teamDomain}.slack.com/`,
  team: workspace.teamName,
  user: 'winback',
  team_id: workspace.teamId,
  user_id: workspace.botUserId,
  bot_id: workspace.botId,
  is_enterprise_install: false,
});

export const webMethods: Readonly<Record<string, Method>> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.update': updateMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.delete': deleteMessage,
  'views.open': openView('trigger_id'),
  'views.push': openView('trigger_id'),
  'views.publish': openView('user_id'),
  'views.update': updateView,
  'users.info': userInfo,
  'conversations.info': conversationInfo,
  'conversations.open': openConversation,
  'usergroups.users.list': usergroupUsers,
};
