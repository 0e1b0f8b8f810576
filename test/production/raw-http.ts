import { connect, type Socket } from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * One keep-alive HTTP/1.1 connection on a raw socket, requests one at a time. The test process
 * has nock's HTTP interceptors installed (test/setup.ts), which change how `http.Agent` reuses
 * sockets; a raw socket shows exactly what the server does with a connection.
 */
export class RawConnection {
  private readonly socket: Socket;
  private buffer = Buffer.alloc(0);
  private pending: { resolve(r: RawResponse): void; reject(e: Error): void } | null = null;
  private closedError: Error | null = null;
  readonly ready: Promise<void>;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.tryParse();
    });
    const fail = (error: Error) => {
      this.closedError ??= error;
      this.pending?.reject(this.closedError);
      this.pending = null;
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(Object.assign(new Error('closed'), { code: 'CLOSED' })));
  }

  request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body = '',
  ): Promise<RawResponse> {
    if (this.closedError) return Promise.reject(this.closedError);
    const head = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', 'connection: keep-alive']
      .concat(Object.entries(headers).map(([k, v]) => `${k}: ${v}`))
      .join('\r\n');
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(`${head}\r\n\r\n${body}`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private tryParse(): void {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.pending) return;
    const [statusLine = '', ...lines] = this.buffer
      .subarray(0, end)
      .toString('latin1')
      .split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let rest = this.buffer.subarray(end + 4);
    let body: Buffer;
    if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = rest.indexOf('\r\n');
        if (lineEnd < 0) return;
        const size = Number.parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
        if (rest.length < lineEnd + 2 + size + 2) return;
        parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
        rest = rest.subarray(lineEnd + 2 + size + 2);
        if (size === 0) break;
      }
      body = Buffer.concat(parts);
    } else {
      const length = Number(headers['content-length'] ?? 0);
      if (rest.length < length) return;
      body = rest.subarray(0, length);
      rest = rest.subarray(length);
    }
    this.buffer = rest;
    const pending = this.pending;
    this.pending = null;
    pending.resolve({
      status: Number(statusLine.split(' ')[1]),
      headers,
      body: body.toString('utf8'),
    });
  }
}
