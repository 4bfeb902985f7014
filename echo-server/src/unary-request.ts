import { Status } from './grpc-status.ts';
import type { ServerCall } from './server-call.ts';

/** Calls `fn` with the single request message once the client has half-closed, as unary and server-streaming RPCs need. */
export function onSingleRequest(call: ServerCall, fn: (message: Buffer) => void): void {
  let request: Buffer | undefined;
  call.on('message', (message: Buffer) => {
    if (request !== undefined) {
      call.finish(Status.UNIMPLEMENTED, `received a second request message for ${call.path}`);
      return;
    }
    request = message;
  });
  call.on('halfClose', () => {
    if (request === undefined) call.finish(Status.UNIMPLEMENTED, `received no request message for ${call.path}`);
    else fn(request);
  });
}
