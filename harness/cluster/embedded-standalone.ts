import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { startEmbeddedEnvironment } from './embedded.ts';

/**
 * The `grpcroute-conformance embedded` subcommand: runs the embedded cluster (and the reference
 * gateway unless disabled) until SIGINT/SIGTERM, so kubectl or another run can use it. Prints one
 * line containing `ready` and the kubeconfig path once usable; resolves after everything stopped.
 */
export async function runEmbeddedStandalone(opts: { kubeconfigOut: string; referenceGateway: boolean }): Promise<void> {
  const kubeconfigPath = resolve(opts.kubeconfigOut);
  await mkdir(dirname(kubeconfigPath), { recursive: true });
  const environment = await startEmbeddedEnvironment({
    kubeconfigPath,
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
  process.stdout.write(`embedded cluster ready at ${environment.url}${gateway}; kubeconfig ${kubeconfigPath}\n`);
  const signal = await stopSignal;
  process.stderr.write(`embedded cluster: ${signal} received, stopping\n`);
  await environment.stop();
}
