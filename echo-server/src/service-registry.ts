import type { ServerCall } from './server-call.ts';

/** Runs one RPC; the handler owns the call until it finishes it. */
export type RpcHandler = (call: ServerCall) => void;

/**
 * Method path ("/pkg.Service/Method") to handler. A registry may fall back to a parent, so services
 * that are the same for every server (reflection) are built once per process and shared.
 * Unknown paths are answered by the server, not here.
 */
export class ServiceRegistry {
  private readonly handlers = new Map<string, RpcHandler>();

  constructor(private readonly parent?: ServiceRegistry) {}

  register(path: string, handler: RpcHandler): void {
    this.handlers.set(path, handler);
  }

  lookup(path: string): RpcHandler | undefined {
    return this.handlers.get(path) ?? this.parent?.lookup(path);
  }

  hasService(service: string): boolean {
    const prefix = `/${service}/`;
    return [...this.handlers.keys()].some((path) => path.startsWith(prefix)) || (this.parent?.hasService(service) ?? false);
  }
}
