// Every kind of bad input a user can give ends the same way: exit code 2, one `error:` line that
// says what is wrong and what to do, and nothing of the run left in the cluster. The CLI runs in
// this process (spawning costs seconds each; test/cli/bin.test.ts covers the process exit code).
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../lib/run-cli.ts';
import { startEmbeddedEnvironment } from '../../harness/cluster/embedded.ts';
import type { EmbeddedEnvironment } from '../../harness/cluster/embedded.ts';
import { KubeClient } from '../../harness/kube/client.ts';
import { MANAGED_SELECTOR } from '../../harness/kube/labels.ts';

/** Kinds the suite ever creates, plus the cluster-scoped ones a broken run could leave. */
const KINDS: readonly [string, string][] = [
  ['v1', 'Namespace'],
  ['v1', 'Service'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['apps/v1', 'Deployment'],
  ['gateway.networking.k8s.io/v1', 'GatewayClass'],
  ['gateway.networking.k8s.io/v1', 'Gateway'],
  ['gateway.networking.k8s.io/v1', 'GRPCRoute'],
  ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
  ['gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'],
];

const FOREIGN_CLASS = 'bad-input-foreign';

let dir: string;
let withCrds: EmbeddedEnvironment;
let withoutCrds: EmbeddedEnvironment;
let unreachableKubeconfig: string;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grpcconf-bad-input-'));
  [withCrds, withoutCrds] = await Promise.all([
    startEmbeddedEnvironment({ kubeconfigPath: join(dir, 'with-crds.yaml'), referenceGateway: false }),
    startEmbeddedEnvironment({ kubeconfigPath: join(dir, 'without-crds.yaml'), referenceGateway: false, disabledKinds: ['*.gateway.networking.k8s.io'] }),
  ]);
  // A class some other controller owns: nothing here will ever accept it.
  await KubeClient.load({ kubeconfigPath: withCrds.kubeconfigPath, userAgent: 'bad-input-test' }).apply({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: FOREIGN_CLASS },
    spec: { controllerName: 'example.com/some-other-controller' },
  });
  unreachableKubeconfig = join(dir, 'unreachable.yaml');
  await writeFile(
    unreachableKubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{name: gone, cluster: {server: "https://127.0.0.1:${await closedPort()}", insecure-skip-tls-verify: true}}]`,
      'users: [{name: u, user: {token: t}}]',
      'contexts: [{name: gone, context: {cluster: gone, user: u}}]',
      'current-context: gone',
    ].join('\n'),
  );
  await writeFile(join(dir, 'broken-options.yaml'), 'keep: [\n');
}, 60_000);

afterAll(async () => {
  await Promise.all([withCrds?.stop(), withoutCrds?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface BadInput {
  readonly name: string;
  readonly argv: () => string[];
  /** The line must say what is wrong and what to do: both parts are matched. */
  readonly wrong: RegExp;
  readonly todo: RegExp;
  /** A message known to lack its remedy: pinned so the fix flips this entry (then delete the field). */
  readonly knownGap?: string;
}

/** Arguments that point a run at the cluster with CRDs, so any object a wrong run made would be seen. */
const atCluster = (): string[] => ['--cluster', 'existing', '--kubeconfig', withCrds.kubeconfigPath];

const TABLE: readonly BadInput[] = [
  { name: 'unknown flag', argv: () => [...atCluster(), '--gatway-class', 'x'], wrong: /unknown flag --gatway-class/, todo: /did you mean --gateway-class\?.*see --help/ },
  { name: 'malformed value', argv: () => [...atCluster(), '--gateway-address', 'same-namespace'], wrong: /bad gateway address "same-namespace"/, todo: /use NAME=HOST\[:PORT\]/ },
  { name: 'malformed enum value', argv: () => ['--cluster', 'cloud'], wrong: /--cluster: unknown value "cloud"/, todo: /known: embedded, existing/ },
  { name: 'unknown feature name', argv: () => [...atCluster(), '--supported-features', 'GRPCRoute,GRPCRout'], wrong: /unknown feature "GRPCRout"/, todo: /did you mean GRPCRoute\?/ },
  { name: 'bad timeout key', argv: () => [...atCluster(), '--timeouts', 'maxTimeToConsistancy=5s'], wrong: /unknown timeout "maxTimeToConsistancy"/, todo: /did you mean maxTimeToConsistency\?/ },
  { name: 'bad duration', argv: () => [...atCluster(), '--timeouts', 'maxTimeToConsistency=soon'], wrong: /bad duration "soon"/, todo: /use e\.g\. 30s/ },
  {
    name: 'options file that does not parse',
    argv: () => [...atCluster(), '--options-file', join(dir, 'broken-options.yaml')],
    wrong: /options file .*broken-options\.yaml is not valid YAML/,
    todo: /fix the file or pass another --options-file/,
  },
  { name: 'missing kubeconfig', argv: () => ['--cluster', 'existing', '--kubeconfig', join(dir, 'nope.yaml')], wrong: /kubeconfig file .*nope\.yaml does not exist/, todo: /pass --kubeconfig with an existing file/ },
  { name: 'unknown context', argv: () => [...atCluster(), '--context', 'nope'], wrong: /context "nope" is not in the kubeconfig/, todo: /pass --context with one of them/ },
  { name: 'unreachable API server', argv: () => ['--cluster', 'existing', '--kubeconfig', unreachableKubeconfig], wrong: /cannot reach the Kubernetes API server/, todo: /check --kubeconfig and --context/ },
  {
    name: 'GatewayClass missing',
    argv: () => [...atCluster(), '--gateway-class', 'no-such-class', '--timeouts', 'gatewayClassMustBeAccepted=2s'],
    wrong: /GatewayClass "no-such-class" does not exist/,
    todo: /pass --gateway-class with an existing class/,
  },
  {
    name: 'GatewayClass not Accepted within the timeout',
    argv: () => [...atCluster(), '--gateway-class', FOREIGN_CLASS, '--timeouts', 'gatewayClassMustBeAccepted=2s'],
    wrong: new RegExp(`GatewayClass "${FOREIGN_CLASS}" is not Accepted after 2(\\.0)?s`),
    todo: /check that the controller for it is running, or raise --timeouts gatewayClassMustBeAccepted/,
  },
  {
    name: 'missing CRDs',
    argv: () => ['--cluster', 'existing', '--kubeconfig', withoutCrds.kubeconfigPath],
    wrong: /does not serve the Gateway API kinds/,
    todo: /install the Gateway API CRDs/,
  },
];

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') => {
    const s = new PassThrough();
    s.on('data', (chunk: Buffer) => (out[key] += chunk.toString()));
    return s;
  };
  const code = await runCli(argv, { env: { CI: 'true' }, cwd: dir, stdout: stream('stdout'), stderr: stream('stderr') });
  return { code, ...out };
}

async function managedObjects(kubeconfigPath: string): Promise<string[]> {
  const client = KubeClient.load({ kubeconfigPath, userAgent: 'bad-input-test' });
  const found: string[] = [];
  for (const [apiVersion, kind] of KINDS) {
    if (!(await client.resource(apiVersion, kind))) continue;
    const { items } = await client.list(apiVersion, kind, { labelSelector: MANAGED_SELECTOR });
    found.push(...items.map((o) => `${kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`));
  }
  return found;
}

describe('bad input: exit 2, one line saying what is wrong and what to do, nothing left behind', () => {
  it.each(TABLE)('$name', async (entry) => {
    const result = await cli(entry.argv());
    const errorLines = result.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(result.code, result.stderr).toBe(2);
    expect(errorLines, result.stderr).toHaveLength(1);
    expect(errorLines[0]).toMatch(entry.wrong);
    if (entry.knownGap) expect(errorLines[0], entry.knownGap).not.toMatch(entry.todo);
    else expect(errorLines[0]).toMatch(entry.todo);
    expect(result.stdout).toBe('');
    expect(await managedObjects(withCrds.kubeconfigPath)).toEqual([]);
    expect(await managedObjects(withoutCrds.kubeconfigPath)).toEqual([]);
    expect((await readdir(dir)).filter((f) => f === 'reports')).toEqual([]);
  });
});
