import { parseArgs } from 'node:util';
import { startReferenceGateway } from './index.ts';

// Standalone: `tsx reference-gateway/src/main.ts --kubeconfig PATH [--context NAME] [--low-port-offset N]`.
// Faults, chaos and cross-serving mode come from the GRPCROUTE_REFERENCE_* environment.
const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    'low-port-offset': { type: 'string' },
    'address-pool': { type: 'string' },
    'controller-name': { type: 'string' },
  },
});

const kubeconfigPath = values.kubeconfig ?? process.env.KUBECONFIG;
if (!kubeconfigPath) {
  process.stderr.write('reference-gateway: --kubeconfig PATH (or KUBECONFIG) is required\n');
  process.exit(2);
}

const log = (line: string): void => void process.stderr.write(`${new Date().toISOString()} reference-gateway: ${line}\n`);
try {
  const gateway = await startReferenceGateway({
    kubeconfigPath,
    context: values.context,
    lowPortOffset: values['low-port-offset'] === undefined ? undefined : Number(values['low-port-offset']),
    addressPool: values['address-pool'],
    controllerName: values['controller-name'],
    log,
  });
  const shutdown = (): void => void gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  process.stderr.write(`reference-gateway: ${(error as Error).message}\n`);
  process.exit(1);
}
