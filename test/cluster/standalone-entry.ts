import { runEmbeddedStandalone } from '../../harness/cluster/embedded-standalone.ts';

// A child process for embedded-standalone.test.ts: argv[2] is the kubeconfig to write.
await runEmbeddedStandalone({ kubeconfigOut: process.argv[2] ?? 'kubeconfig', referenceGateway: process.argv[3] !== 'no-gateway' });
