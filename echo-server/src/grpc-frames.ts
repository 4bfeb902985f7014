/** gRPC length-prefixed message framing: 1 byte compressed flag, 4 bytes big-endian length, payload. */

export function encodeFrame(payload: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(0, 0);
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

export class FrameDecodeError extends Error {
  readonly code = 'ECHO_FRAME_DECODE';
  constructor(message: string) {
    super(message);
    this.name = 'FrameDecodeError';
  }
}

/** Reassembles whole messages from arbitrarily split DATA chunks. */
export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: Buffer[] = [];
    while (this.pending.length >= 5) {
      const compressed = this.pending.readUInt8(0);
      const length = this.pending.readUInt32BE(1);
      if (this.pending.length < 5 + length) break;
      // We never advertise grpc-accept-encoding, so a compressed message is a client bug.
      if (compressed !== 0) throw new FrameDecodeError('compressed message received without negotiated encoding');
      messages.push(this.pending.subarray(5, 5 + length));
      this.pending = this.pending.subarray(5 + length);
    }
    return messages;
  }

  /** True when a partial message is still buffered (the stream ended mid-frame). */
  get hasPartial(): boolean {
    return this.pending.length > 0;
  }
}
