import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';

/** A message casebot sent back over the socket: an ack of one envelope. */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: Record<string, unknown>;
}

/**
 * Slack's side of Socket Mode on a local WebSocket server: greets every connection with `hello`,
 * delivers envelopes (`slash_commands`, `events_api`, `interactive`) and records the acks casebot
 * sends back by `envelope_id`.
 */
export interface SocketModeServer {
  /** The URL apps.connections.open hands out. */
  readonly url: string;
  /** Connections that received `hello`. */
  readonly connections: number;
  readonly acks: SocketAck[];
  /** Sends an envelope to the connected client; resolves with casebot's ack of it. */
  deliver(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: unknown,
    envelopeId: string,
  ): Promise<SocketAck>;
  close(): Promise<void>;
}

export async function startSocketModeServer(): Promise<SocketModeServer> {
  const server = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const acks: SocketAck[] = [];
  const waiting = new Map<string, (ack: SocketAck) => void>();
  let client: WebSocket | null = null;
  let connected: () => void = () => undefined;
  let ready = new Promise<void>((resolve) => {
    connected = resolve;
  });
  let connections = 0;

  server.on('connection', (socket) => {
    client = socket;
    connections += 1;
    socket.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      acks.push(ack);
      waiting.get(ack.envelope_id)?.(ack);
      waiting.delete(ack.envelope_id);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-test', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0CASEBOT' },
      }),
    );
    connected();
  });

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=test-ticket&app_id=A0CASEBOT`,
    get connections() {
      return connections;
    },
    acks,
    async deliver(type, payload, envelopeId) {
      await ready;
      const acked = new Promise<SocketAck>((resolve) => waiting.set(envelopeId, resolve));
      client!.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          ...(type === 'events_api' && { retry_attempt: 0, retry_reason: '' }),
        }),
      );
      return acked;
    },
    async close() {
      for (const socket of server.clients) socket.terminate();
      ready = Promise.resolve();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
