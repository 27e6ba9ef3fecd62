// The rules Slack applies to an app manifest, for the parts winback uses. Lengths and allowed keys follow
// Slack's published JSON Schema (slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json) and the manifest
// reference at docs.slack.dev/reference/app-manifest; the stricter rules are marked where they are winback's own.
import { z } from 'zod';

// Granular bot scopes, as listed by @slack/web-api 8.2's manifest types (BotScope).
const botScopes = [
  'app_mentions:read',
  'bookmarks:read',
  'bookmarks:write',
  'calls:read',
  'calls:write',
  'channels:history',
  'channels:join',
  'channels:manage',
  'channels:read',
  'channels:write.invites',
  'channels:write.topic',
  'chat:write',
  'chat:write.customize',
  'chat:write.public',
  'commands',
  'conversations.connect:manage',
  'conversations.connect:read',
  'conversations.connect:write',
  'dnd:read',
  'emoji:read',
  'files:read',
  'files:write',
  'groups:history',
  'groups:read',
  'groups:write',
  'groups:write.invites',
  'groups:write.topic',
  'im:history',
  'im:read',
  'im:write',
  'incoming-webhook',
  'links.embed:write',
  'links:read',
  'links:write',
  'metadata.message:read',
  'mpim:history',
  'mpim:read',
  'mpim:write',
  'mpim:write.invites',
  'mpim:write.topic',
  'pins:read',
  'pins:write',
  'reactions:read',
  'reactions:write',
  'reminders:read',
  'reminders:write',
  'remote_files:read',
  'remote_files:share',
  'remote_files:write',
  'team.billing:read',
  'team.preferences:read',
  'team:read',
  'usergroups:read',
  'usergroups:write',
  'users.profile:read',
  'users:read',
  'users:read.email',
  'users:write',
] as const;

// Bot events and the scopes Slack requires for them (any one suffices), from each event's reference page.
// An event missing here fails the schema on purpose: add it together with its scope.
const botEventScopes: Record<string, string[]> = {
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
  app_mention: ['app_mentions:read'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.im': ['im:history'],
  'message.mpim': ['mpim:history'],
  member_joined_channel: ['channels:read', 'groups:read'],
  reaction_added: ['reactions:read'],
  team_join: ['users:read'],
  user_change: ['users:read'],
  subteam_members_changed: ['usergroups:read'],
  link_shared: ['links:read'],
};

const text = (min: number, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

// Slack's schema also allows http://; winback's own rule is https only, as Slack requires for a live request URL.
const httpsUrl = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^https:\/\//, 'must be an https:// URL');

const displayInformation = z.strictObject({
  name: text(1, 35),
  description: text(1, 140).optional(),
  // Slack's schema leaves it optional; winback requires it, and Slack refuses one shorter than 175 characters.
  long_description: text(175, 4000),
  background_color: z
    .string()
    .regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/, 'must be a hex colour like #1f6f5c')
    .optional(),
});

const slashCommand = z.strictObject({
  // Lowercase and no spaces is winback's rule for a command people type; Slack's schema checks length and "/".
  command: text(2, 32)
    .regex(/^\//, 'must start with "/"')
    .regex(/^[^A-Z\s]+$/, 'must be lowercase without spaces'),
  description: text(1, 2000),
  usage_hint: text(1, 1000).optional(),
  should_escape: z.boolean().optional(),
  url: httpsUrl(3000).optional(),
});

const shortcut = z.strictObject({
  name: text(1, 24),
  type: z.enum(['message', 'global']),
  callback_id: text(1, 255),
  description: text(1, 150),
});

const features = z.strictObject({
  app_home: z
    .strictObject({
      home_tab_enabled: z.boolean().optional(),
      messages_tab_enabled: z.boolean().optional(),
      messages_tab_read_only_enabled: z.boolean().optional(),
    })
    .optional(),
  bot_user: z
    .strictObject({
      // Allowed characters as documented on @slack/web-api's manifest type.
      display_name: text(1, 80).regex(/^[a-z0-9._-]+$/, 'may use only a-z, 0-9, "-", "_" and "."'),
      always_online: z.boolean().optional(),
    })
    .optional(),
  shortcuts: z.array(shortcut).min(1).max(10).optional(),
  slash_commands: z.array(slashCommand).min(1).max(50).optional(),
  unfurl_domains: z.array(z.string().max(255)).min(1).max(5).optional(),
});

const scopeList = z.array(z.string().max(50)).max(255);

const oauthConfig = z.strictObject({
  redirect_urls: z.array(z.string().max(2500)).max(1000).optional(),
  scopes: z
    .strictObject({
      bot: z
        .array(z.enum(botScopes, { error: 'is not a known Slack bot scope' }))
        .max(255)
        .optional(),
      bot_optional: z
        .array(z.enum(botScopes, { error: 'is not a known Slack bot scope' }))
        .max(255)
        .optional(),
      user: scopeList.optional(),
      user_optional: scopeList.optional(),
    })
    .optional(),
  token_management_enabled: z.boolean().optional(),
  pkce_enabled: z.boolean().optional(),
});

const eventName = z.string().refine((name) => name in botEventScopes, 'is not a bot event this schema knows');

const settings = z.strictObject({
  allowed_ip_address_ranges: z.array(z.string()).min(1).max(50).optional(),
  event_subscriptions: z
    .strictObject({
      request_url: httpsUrl(3500).optional(),
      bot_events: z.array(eventName).max(100).optional(),
      user_events: z.array(z.string().max(50)).max(100).optional(),
    })
    .optional(),
  incoming_webhooks: z.strictObject({ incoming_webhooks_enabled: z.boolean().optional() }).optional(),
  interactivity: z
    .strictObject({
      is_enabled: z.boolean(),
      request_url: httpsUrl(3500).optional(),
      message_menu_options_url: httpsUrl(3500).optional(),
    })
    .optional(),
  org_deploy_enabled: z.boolean().optional(),
  socket_mode_enabled: z.boolean().optional(),
  token_rotation_enabled: z.boolean().optional(),
});

const manifestShape = z.strictObject({
  _metadata: z.strictObject({ major_version: z.number().int(), minor_version: z.number().int() }).partial().optional(),
  display_information: displayInformation,
  features: features.optional(),
  oauth_config: oauthConfig.optional(),
  settings: settings.optional(),
});

type Manifest = z.infer<typeof manifestShape>;

// Rules that span sections: what Slack needs granted or configured before a feature works.
function crossSectionProblems(manifest: Manifest): { path: string[]; message: string }[] {
  const granted = new Set<string>(manifest.oauth_config?.scopes?.bot ?? []);
  const botEvents = manifest.settings?.event_subscriptions?.bot_events ?? [];
  const problems = botEvents.flatMap((event, i) => {
    const needed = botEventScopes[event] ?? [];
    if (needed.length === 0 || needed.some((scope) => granted.has(scope))) return [];
    return [
      { path: ['settings', 'event_subscriptions', 'bot_events', String(i)], message: `needs ${needed.join(' or ')}` },
    ];
  });

  if (manifest.features?.slash_commands && !granted.has('commands')) {
    problems.push({ path: ['oauth_config', 'scopes', 'bot'], message: 'slash commands need the commands scope' });
  }
  if (
    (botEvents.includes('app_home_opened') || manifest.features?.app_home?.home_tab_enabled) &&
    !manifest.features?.bot_user
  ) {
    problems.push({ path: ['features', 'bot_user'], message: 'the App Home needs a bot user' });
  }
  if (manifest.settings?.socket_mode_enabled === false) {
    if (botEvents.length > 0 && !manifest.settings.event_subscriptions?.request_url) {
      problems.push({
        path: ['settings', 'event_subscriptions', 'request_url'],
        message: 'is required without Socket Mode',
      });
    }
    if (manifest.settings.interactivity?.is_enabled && !manifest.settings.interactivity.request_url) {
      problems.push({ path: ['settings', 'interactivity', 'request_url'], message: 'is required without Socket Mode' });
    }
  }
  return problems;
}

export const slackManifestSchema = manifestShape.superRefine((manifest, context) => {
  for (const { path, message } of crossSectionProblems(manifest)) context.addIssue({ code: 'custom', path, message });
});

/** Every problem with a parsed manifest, as `dotted.path: message`; empty when Slack would accept it. */
export function findManifestProblems(manifest: unknown): string[] {
  const result = slackManifestSchema.safeParse(manifest);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
