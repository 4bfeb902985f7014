import type { MethodDefinition } from '@grpc/proto-loader';
import { buildAssertions } from './assertions.ts';
import type { PodContext } from './assertions.ts';
import { Status } from './grpc-status.ts';
import { ECHO_PLUS_SERVICE, serviceMethods } from './protos.ts';
import type { ResponseMetadata, ServerCall } from './server-call.ts';
import type { ServiceRegistry } from './service-registry.ts';
import { onSingleRequest } from './unary-request.ts';

interface MetadataEntry {
  key: string;
  value: string;
  binaryValue: Buffer;
}

interface EchoPlusRequest {
  requestId: string;
  statusCode: number;
  statusMessage: string;
  responseHeaders: MetadataEntry[];
  responseTrailers: MetadataEntry[];
  delayMs: number;
  count: number;
}

type Method = MethodDefinition<object, object>;

/** Our EchoPlus service: the upstream assertions plus caller-shaped answers and all four streaming kinds. */
export function registerEchoPlus(registry: ServiceRegistry, context: PodContext): void {
  const methods = serviceMethods(ECHO_PLUS_SERVICE);
  const method = (name: string): Method => {
    const found = methods[name];
    if (!found) throw new Error(`${ECHO_PLUS_SERVICE}/${name} missing from echo_plus.proto`);
    return found as Method;
  };
  const unary = method('Unary');
  const serverStream = method('ServerStream');
  const clientStream = method('ClientStream');
  const bidi = method('Bidi');

  registry.register(unary.path, (call) =>
    onSingleRequest(call, (buffer) => {
      const request = decode(unary, buffer);
      call.requestId = request.requestId;
      answerAfterDelay(call, request, [request]);
    }),
  );
  registry.register(serverStream.path, (call) =>
    onSingleRequest(call, (buffer) => {
      const request = decode(serverStream, buffer);
      call.requestId = request.requestId;
      answerAfterDelay(call, request, Array.from({ length: Math.max(1, request.count) }, () => request), true);
    }),
  );
  registry.register(clientStream.path, (call) => {
    let first: EchoPlusRequest | undefined;
    call.on('message', (buffer: Buffer) => {
      first ??= decode(clientStream, buffer);
      call.requestId = first.requestId;
    });
    call.on('halfClose', () => {
      if (!first) call.finish(Status.UNIMPLEMENTED, 'received no request message for ClientStream');
      else answerAfterDelay(call, first, [first]);
    });
  });
  registry.register(bidi.path, (call) => {
    let first: EchoPlusRequest | undefined;
    let ready = false;
    let sequence = 0;
    const queued: (() => void)[] = [];
    const run = (action: () => void): void => (ready ? action() : void queued.push(action));
    call.on('message', (buffer: Buffer) => {
      const request = decode(bidi, buffer);
      const received = call.receivedMessages;
      if (!first) {
        first = request;
        call.requestId = request.requestId;
        afterDelay(call, request.delayMs, () => {
          ready = true;
          call.sendHeaders(toMetadata(request.responseHeaders));
          for (const action of queued.splice(0)) action();
        });
      }
      run(() => call.write(bidi.responseSerialize(response(call, context, request, sequence++, received))));
    });
    call.on('halfClose', () => {
      if (!first) call.finish(Status.OK);
      else {
        const settings = first;
        run(() => call.finish(settings.statusCode, settings.statusMessage, toMetadata(settings.responseTrailers)));
      }
    });
  });

  /** Waits, then sends the requested headers, one response per entry of `answers` (OK only, or always when streaming), and the status. */
  function answerAfterDelay(call: ServerCall, request: EchoPlusRequest, answers: EchoPlusRequest[], streaming = false): void {
    const target = methods[call.path.split('/')[2] ?? ''] as Method;
    afterDelay(call, request.delayMs, () => {
      if (request.responseHeaders.length > 0) call.sendHeaders(toMetadata(request.responseHeaders));
      if (request.statusCode === Status.OK || streaming) {
        answers.forEach((answer, sequence) =>
          call.write(target.responseSerialize(response(call, context, answer, sequence, call.receivedMessages))),
        );
      }
      call.finish(request.statusCode, request.statusMessage, toMetadata(request.responseTrailers));
    });
  }
}

function response(call: ServerCall, context: PodContext, request: EchoPlusRequest, sequence: number, received: number): object {
  return { assertions: buildAssertions(call, context), requestId: request.requestId, sequence, received };
}

function decode(method: Method, buffer: Buffer): EchoPlusRequest {
  return method.requestDeserialize(buffer) as unknown as EchoPlusRequest;
}

function afterDelay(call: ServerCall, delayMs: number, action: () => void): void {
  if (delayMs <= 0) {
    action();
    return;
  }
  const timer = setTimeout(action, delayMs);
  call.once('done', () => clearTimeout(timer));
}

function toMetadata(entries: readonly MetadataEntry[]): ResponseMetadata {
  const metadata: ResponseMetadata = {};
  for (const entry of entries) {
    const key = entry.key.toLowerCase();
    const value = key.endsWith('-bin') ? Buffer.from(entry.binaryValue).toString('base64') : entry.value;
    (metadata[key] ??= []).push(value);
  }
  return metadata;
}
