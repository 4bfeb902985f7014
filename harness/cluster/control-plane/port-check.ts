import { createServer } from 'node:net';
import { HarnessError } from '../../errors.ts';

/** Refuses to start a component on a port another process holds, rather than letting it die later with a bind error. */
export async function ensurePortFree(host: string, port: number, component: string): Promise<void> {
  const server = createServer();
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once('error', resolve);
    server.listen({ host, port, exclusive: true }, () => resolve(undefined));
  });
  await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  if (error) {
    const why = error.code === 'EADDRINUSE' ? 'is already taken by another process' : `cannot be bound (${error.code ?? error.message})`;
    throw new HarnessError('GRPCCONF_CONTROL_PLANE_PORT', `port ${host}:${port} for ${component} ${why}; stop that process, or run in a fresh network namespace`);
  }
}
