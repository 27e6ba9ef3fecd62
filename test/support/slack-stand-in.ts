// A local stand-in for Slack's Web API and response URLs. The app's real WebClient reaches it through
// `slackApiUrl`, so tests exercise the same serialization, auth headers and error handling as production.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BLOCK_KIT_LIMITS } from './block-kit-limits.ts';
import { type MethodArgs, type SlackBody, type Workspace, webMethods } from './slack-web-methods.ts';

export type { SlackBody, Workspace } from './slack-web-methods.ts';

export interface SlackStandInOptions {
  /** Tokens to accept. By default any `xoxb-` token passes, as a freshly installed bot token would. */
  tokens?: string[];
  /** Length of `JSON.stringify(blocks)` above which chat.* answers `msg_blocks_too_long`. */
  maxBlocksJsonLength?: number;
  workspace?: Partial<Workspace>;
  /** Fields merged over the generated users.info answer, keyed by user ID. */
  users?: Record<string, Record<string, unknown>>;
  /** Members answered by usergroups.users.list, keyed by user group ID; other IDs are unknown. */
  usergroups?: Record<string, string[]>;
  /** Socket Mode: apps.connections.open, called with an app-level (`xapp-`) token, answers this WebSocket URL. */
  socketModeUrl?: () => string;
}

export interface RecordedCall {
  method: string;
  args: MethodArgs;
  token: string | undefined;
  at: Date;
  status: number;
  response: SlackBody;
}

export interface ResponseUrlPost {
  url: string;
  body: unknown;
  at: Date;
}

/** An error name (answered with HTTP 200), a 429 with `Retry-After`, or a whole body to answer. */
export type CannedReply = string | { retryAfter: number } | { body: SlackBody };

export interface SlackStandIn {
  /** Pass as WebClient's `slackApiUrl`; ends with `/api/`. */
  url: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Answer the next `times` calls of `method` with `reply` instead of the usual answer. */
  respondNext(method: string, reply: CannedReply, times?: number): void;
  /** Mint a response URL (as in a slash command's or an action's `response_url`). */
  responseUrl(): string;
  responsePosts: ResponseUrlPost[];
  postsTo(responseUrl: string): unknown[];
  reset(): void;
  close(): Promise<void>;
}

const defaultWorkspace: Workspace = {
  teamId: 'T111',
  teamName: 'Winback Test Workspace',
  teamDomain: 'winback-test',
  botUserId: 'U0WINBACK',
  botId: 'B111',
  appId: 'A111',
};

// WebClient sends objects as JSON strings inside a form body; Slack decodes these fields.
const jsonFields = ['blocks', 'attachments', 'view', 'metadata'];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function decodeForm(raw: string): MethodArgs {
  const args: MethodArgs = Object.fromEntries(new URLSearchParams(raw));
  for (const field of jsonFields) {
    const value = args[field];
    if (typeof value !== 'string') continue;
    try {
      args[field] = JSON.parse(value);
    } catch {
      // Left as a string, which the method then rejects the way Slack does.
    }
  }
  return args;
}

function parseArgs(raw: string, contentType: string): MethodArgs | undefined {
  if (!contentType.startsWith('application/json')) return decodeForm(raw);
  try {
    const parsed: unknown = raw === '' ? {} : JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as MethodArgs) : undefined;
  } catch {
    return undefined;
  }
}

// Slack reads a token from the Authorization header, or from a form field; JSON bodies must use the header.
function tokenOf(request: IncomingMessage, args: MethodArgs, isJson: boolean): string | undefined {
  const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  if (bearer) return bearer;
  return !isJson && typeof args.token === 'string' && args.token !== '' ? args.token : undefined;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const workspace = { ...defaultWorkspace, ...options.workspace };
  const accepts = (token: string) => (options.tokens ? options.tokens.includes(token) : token.startsWith('xoxb-'));
  const calls: RecordedCall[] = [];
  const responsePosts: ResponseUrlPost[] = [];
  const canned = new Map<string, CannedReply[]>();
  const mintedResponseIds = new Set<string>();
  let sequence = 0;

  const context = {
    workspace,
    maxBlocksJsonLength: options.maxBlocksJsonLength ?? BLOCK_KIT_LIMITS.blocksJson,
    users: options.users ?? {},
    usergroups: options.usergroups ?? {},
    // Message timestamps only grow, so every ts is unique even across reset().
    nextTs: () => {
      const micros = ++sequence * 100;
      return `${1_700_000_000 + Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
    },
    nextViewId: () => `V${String(++sequence).padStart(8, '0')}`,
  };

  function answer(method: string, args: MethodArgs, token: string | undefined) {
    if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
    // The one method that takes the app-level token rather than the bot's, and only that token.
    if (method === 'apps.connections.open' && options.socketModeUrl) {
      if (!token.startsWith('xapp-')) return { status: 200, body: { ok: false, error: 'not_allowed_token_type' } };
      return { status: 200, body: { ok: true, url: options.socketModeUrl() } };
    }
    if (!accepts(token)) return { status: 200, body: { ok: false, error: 'invalid_auth' } };

    const reply = canned.get(method)?.shift();
    if (typeof reply === 'string') return { status: 200, body: { ok: false, error: reply } };
    if (reply && 'retryAfter' in reply) {
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'Retry-After': String(reply.retryAfter) },
      };
    }
    if (reply) return { status: 200, body: reply.body };

    const handle = webMethods[method];
    if (!handle) return { status: 200, body: { ok: false, error: 'unknown_method', req_method: method } };
    return { status: 200, body: handle(args, context) };
  }

  async function serveApi(request: IncomingMessage, response: ServerResponse, method: string) {
    const contentType = request.headers['content-type'] ?? '';
    const args = parseArgs(await readBody(request), contentType);
    if (!args) return send(response, 200, { ok: false, error: 'invalid_json' });

    const token = tokenOf(request, args, contentType.startsWith('application/json'));
    const { token: _token, ...argsWithoutToken } = args;
    const { status, body, headers } = answer(method, args, token);

    calls.push({ method, args: argsWithoutToken, token, at: new Date(), status, response: body });
    send(response, status, body, headers);
  }

  async function serveResponseUrl(request: IncomingMessage, response: ServerResponse, id: string) {
    const raw = await readBody(request);
    // A post to a URL no test minted is a test bug; Slack would not know the URL either.
    if (!mintedResponseIds.has(id)) return send(response, 404, { ok: false, error: 'unknown_response_url' });

    const isJson = (request.headers['content-type'] ?? '').startsWith('application/json');
    const body = isJson ? parseArgs(raw, 'application/json') : decodeForm(raw);
    responsePosts.push({ url: `${baseUrl}/response/${id}`, body, at: new Date() });
    send(response, 200, { ok: true });
  }

  function route(request: IncomingMessage, response: ServerResponse): Promise<void> | undefined {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const method = path.match(/^\/api\/(.+)$/)?.[1];
    if (method) return serveApi(request, response, method);

    const responseId = path.match(/^\/response\/([^/]+)$/)?.[1];
    if (responseId && request.method === 'POST') return serveResponseUrl(request, response, responseId);

    send(response, 404, { ok: false, error: 'not_found' });
    return undefined;
  }

  const server = createServer((request, response) => {
    route(request, response)?.catch((error: unknown) => send(response, 500, { ok: false, error: String(error) }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: `${baseUrl}/api/`,
    calls,
    responsePosts,
    callsTo: (method) => calls.filter((call) => call.method === method),
    respondNext: (method, reply, times = 1) => {
      canned.set(method, [...(canned.get(method) ?? []), ...Array.from({ length: times }, () => reply)]);
    },
    responseUrl: () => {
      const id = `R${String(++sequence).padStart(8, '0')}`;
      mintedResponseIds.add(id);
      return `${baseUrl}/response/${id}`;
    },
    postsTo: (url) => responsePosts.filter((post) => post.url === url).map((post) => post.body),
    reset: () => {
      calls.length = 0;
      responsePosts.length = 0;
      canned.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
