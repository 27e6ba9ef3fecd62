// A local stand-in for Slack's side of Socket Mode: the WebSocket that apps.connections.open points the app at.
// Message shapes follow docs.slack.dev/apis/events-api/using-socket-mode and the mock server in Slack's
// python-slack-sdk tests (tests/slack_sdk/socket_mode/mock_socket_mode_server.py).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';

/** What the app sends back for an envelope: `payload` carries a response body when the listener acks with one. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface SocketStandIn {
  /** The URL apps.connections.open should answer with. */
  wsUrl: string;
  /** Every message the app sent over the socket, in order. */
  acks: SocketAck[];
  /** Resolves once an app is connected and has been sent `hello`. */
  waitForConnection(timeoutMs?: number): Promise<void>;
  /** Resolves with the close code once no app is connected. */
  waitForDisconnect(timeoutMs?: number): Promise<number>;
  /** Deliver an envelope as Slack does; resolves with the app's ack, rejects if none comes within `timeoutMs`. */
  sendEnvelope(type: EnvelopeType, payload: Record<string, unknown>, timeoutMs?: number): Promise<SocketAck>;
  close(): Promise<void>;
}

// Slack gives up on an envelope that is not acked within 3 seconds.
const ACK_DEADLINE_MS = 3000;

function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`socket stand-in: no ${what} within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startSocketStandIn({ appId = 'A111' }: { appId?: string } = {}): Promise<SocketStandIn> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;

  const acks: SocketAck[] = [];
  const awaitingAck = new Map<string, (ack: SocketAck) => void>();
  const onConnect: (() => void)[] = [];
  const onDisconnect: ((code: number) => void)[] = [];
  let current: WebSocket | undefined;

  server.on('connection', (socket) => {
    current = socket;
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: server.clients.size,
        debug_info: { host: 'applink-stand-in', build_number: 1, approximate_connection_time: 3600 },
        connection_info: { app_id: appId },
      }),
    );
    for (const resolve of onConnect.splice(0)) resolve();

    socket.on('message', (data: RawData) => {
      const ack = JSON.parse(data.toString()) as SocketAck;
      acks.push(ack);
      awaitingAck.get(ack.envelope_id)?.(ack);
      awaitingAck.delete(ack.envelope_id);
    });
    socket.on('close', (code) => {
      if (current === socket) current = undefined;
      if (server.clients.size === 0) for (const resolve of onDisconnect.splice(0)) resolve(code);
    });
  });

  return {
    // Slack's URLs carry a single-use ticket and the app id; the app must treat the URL as opaque.
    wsUrl: `ws://127.0.0.1:${port}/link/?ticket=stand-in&app_id=${appId}`,
    acks,
    waitForConnection: (timeoutMs = 5000) => {
      if (current) return Promise.resolve();
      return within(new Promise<void>((resolve) => onConnect.push(resolve)), timeoutMs, 'connection');
    },
    waitForDisconnect: (timeoutMs = 5000) =>
      within(new Promise<number>((resolve) => onDisconnect.push(resolve)), timeoutMs, 'disconnect'),
    sendEnvelope: (type, payload, timeoutMs = ACK_DEADLINE_MS) => {
      if (!current) return Promise.reject(new Error('socket stand-in: no app is connected'));
      const envelopeId = randomUUID();
      const acked = new Promise<SocketAck>((resolve) => awaitingAck.set(envelopeId, resolve));
      const retry = type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {};
      // False for events; commands, modal submissions and menus can be answered in the ack (some shortcuts can't).
      const acceptsResponsePayload = type !== 'events_api';
      current.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: acceptsResponsePayload,
          ...retry,
        }),
      );
      return within(acked, timeoutMs, `ack for ${type} envelope ${envelopeId}`);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // ws leaves open connections alone on close(); end them so the server can stop.
        for (const socket of server.clients) socket.terminate();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
