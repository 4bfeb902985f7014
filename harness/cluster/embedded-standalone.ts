import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { EMBEDDED_LOW_PORT_OFFSET, startEmbeddedEnvironment } from './embedded.ts';
import { poolStaticAddresses } from './pool-static-addresses.ts';

/**
 * Whether this process may bind ports below 1024. When it may, listeners keep their real ports, so a
 * later `--cluster=existing` run needs no port flag; when not, ports move up and we say how to reach them.
 */
function canBindPrivilegedPorts(): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => done(error.code !== 'EACCES' && error.code !== 'EPERM'));
    probe.listen(1023, '127.2.255.254', () => probe.close(() => done(true)));
  });
}

/**
 * The `grpcroute-conformance embedded` subcommand: runs the embedded cluster (and the reference
 * gateway unless disabled) until SIGINT/SIGTERM, so kubectl or another run can use it. Prints one
 * line containing `ready` and the kubeconfig path once usable; resolves after everything stopped.
 */
export async function runEmbeddedStandalone(opts: { kubeconfigOut: string; referenceGateway: boolean }): Promise<void> {
  const kubeconfigPath = resolve(opts.kubeconfigOut);
  await mkdir(dirname(kubeconfigPath), { recursive: true });
  const lowPortOffset = (await canBindPrivilegedPorts()) ? 0 : EMBEDDED_LOW_PORT_OFFSET;
  const environment = await startEmbeddedEnvironment({
    kubeconfigPath,
    lowPortOffset,
    referenceGateway: opts.referenceGateway,
    log: (line) => process.stderr.write(`reference-gateway: ${line}\n`),
  });
  const stopSignal = new Promise<NodeJS.Signals>((done) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      done(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const gateway = opts.referenceGateway ? ' with the reference gateway (GatewayClass grpcroute-reference)' : ' without a gateway';
  const ports = opts.referenceGateway && lowPortOffset > 0 ? `; listener ports below 1024 are served at port+${lowPortOffset}: run with --low-port-offset ${lowPortOffset}` : '';
  const pool = environment.addressPool ? poolStaticAddresses(environment.addressPool) : undefined;
  const addresses = pool ? `; GatewayStaticAddresses: --usable-address ${pool.usable} --unusable-address ${pool.unusable}` : '';
  process.stdout.write(`embedded cluster ready at ${environment.url}${gateway}; kubeconfig ${kubeconfigPath}${ports}${addresses}\n`);
  const signal = await stopSignal;
  process.stderr.write(`embedded cluster: ${signal} received, stopping\n`);
  await environment.stop();
}
