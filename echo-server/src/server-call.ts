import { EventEmitter } from 'node:events';
import type http2 from 'node:http2';
import type { TLSSocket } from 'node:tls';
import { FrameDecoder, encodeFrame } from './grpc-frames.ts';
import { Status, encodeGrpcMessage, parseGrpcTimeout } from './grpc-status.ts';

/** Response metadata: lower-case key to values in order (`-bin` values already base64). */
export type ResponseMetadata = Record<string, string[]>;

export interface ReceivedHeader {
  readonly key: string;
  readonly value: string;
}

export interface CallOutcome {
  readonly code: number;
  readonly details: string;
  readonly cancelled: boolean;
}

const HIDDEN_PSEUDO_HEADERS = new Set([':path', ':method', ':scheme', ':protocol', ':authority']);

/**
 * One RPC on a raw HTTP/2 stream. Owns the response side: headers are sent once (lazily, before the
 * first message), and every answer carries the identity metadata, including trailers-only answers.
 *
 * Events: 'message' (Buffer), 'halfClose', 'cancelled', 'done' (CallOutcome).
 */
export class ServerCall extends EventEmitter {
  readonly path: string;
  readonly authority: string;
  /** Every request header in arrival order, `:authority` first, one entry per value. */
  readonly requestHeaders: readonly ReceivedHeader[];
  readonly startedAt = Date.now();
  readonly tls: TLSSocket | undefined;
  requestId = '';
  receivedMessages = 0;
  private headersSent = false;
  private finished = false;
  private pendingTrailers: http2.OutgoingHttpHeaders = {};
  private deadlineTimer: NodeJS.Timeout | undefined;
  private readonly decoder = new FrameDecoder();

  constructor(
    private readonly stream: http2.ServerHttp2Stream,
    headers: http2.IncomingHttpHeaders,
    rawHeaders: readonly string[],
    private readonly identity: ResponseMetadata,
  ) {
    super();
    this.path = String(headers[':path'] ?? '');
    this.authority = String(headers[':authority'] ?? headers.host ?? '');
    this.requestHeaders = collectRequestHeaders(this.authority, rawHeaders);
    const socket = stream.session?.socket as (TLSSocket & { encrypted?: boolean }) | undefined;
    this.tls = socket?.encrypted ? socket : undefined;

    const timeoutMs = parseGrpcTimeout(firstValue(headers['grpc-timeout']));
    if (timeoutMs !== undefined) {
      this.deadlineTimer = setTimeout(() => this.finish(Status.DEADLINE_EXCEEDED, 'Deadline exceeded'), timeoutMs);
    }
    stream.on('data', (chunk: Buffer) => this.onData(chunk));
    stream.on('end', () => {
      if (this.decoder.hasPartial) this.finish(Status.INTERNAL, 'stream ended in the middle of a message');
      else if (!this.finished) this.emit('halfClose');
    });
    stream.on('error', () => undefined);
    stream.on('close', () => {
      if (!this.finished) {
        this.finished = true;
        this.clearDeadline();
        this.emit('cancelled');
        this.emit('done', { code: Status.CANCELLED, details: 'cancelled by the client', cancelled: true } satisfies CallOutcome);
      }
    });
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Sends the response headers now (identity metadata plus `extra`); later calls do nothing. */
  sendHeaders(extra: ResponseMetadata = {}): void {
    if (this.headersSent || this.finished) return;
    this.headersSent = true;
    this.stream.respond(
      { ':status': 200, 'content-type': 'application/grpc', ...toHttp2(this.identity), ...toHttp2(extra) },
      { waitForTrailers: true },
    );
    this.stream.on('wantTrailers', () => this.stream.sendTrailers(this.pendingTrailers));
  }

  write(message: Buffer): void {
    if (this.finished) return;
    this.sendHeaders();
    this.stream.write(encodeFrame(message));
  }

  /** Ends the call with a status; trailers-only when no headers went out yet. */
  finish(code: number, details = '', trailers: ResponseMetadata = {}): void {
    if (this.finished) return;
    this.finished = true;
    this.clearDeadline();
    const status: http2.OutgoingHttpHeaders = { 'grpc-status': String(code) };
    if (details) status['grpc-message'] = encodeGrpcMessage(details);
    if (this.stream.destroyed) {
      // The peer is gone; nothing can be sent, but the outcome is still reported.
    } else if (this.headersSent) {
      this.pendingTrailers = { ...toHttp2(trailers), ...status };
      this.stream.end();
    } else {
      this.headersSent = true;
      this.stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', ...toHttp2(this.identity), ...toHttp2(trailers), ...status },
        { endStream: true },
      );
    }
    this.emit('done', { code, details, cancelled: false } satisfies CallOutcome);
  }

  private onData(chunk: Buffer): void {
    let messages: Buffer[];
    try {
      messages = this.decoder.push(chunk);
    } catch (error) {
      this.finish(Status.INTERNAL, (error as Error).message);
      return;
    }
    for (const message of messages) {
      if (this.finished) return;
      this.receivedMessages += 1;
      this.emit('message', message);
    }
  }

  private clearDeadline(): void {
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = undefined;
  }
}

function collectRequestHeaders(authority: string, rawHeaders: readonly string[]): ReceivedHeader[] {
  const list: ReceivedHeader[] = [{ key: ':authority', value: authority }];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const key = (rawHeaders[i] ?? '').toLowerCase();
    if (HIDDEN_PSEUDO_HEADERS.has(key)) continue;
    const raw = rawHeaders[i + 1] ?? '';
    // Clients may send unpadded base64; report one canonical form.
    const value = key.endsWith('-bin') ? Buffer.from(raw, 'base64').toString('base64') : raw;
    list.push({ key, value });
  }
  return list;
}

function toHttp2(metadata: ResponseMetadata): http2.OutgoingHttpHeaders {
  const out: http2.OutgoingHttpHeaders = {};
  for (const [key, values] of Object.entries(metadata)) {
    if (values.length > 0) out[key.toLowerCase()] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
