import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kindClusterProvider } from '../../harness/cluster/kind.ts';
import { CommandFailedError } from '../../harness/cluster/kind/command.ts';
import { parseGatewayApiVersion, resolveRealClusterSettings, type RealClusterInput } from '../../harness/cluster/kind/real-cluster-settings.ts';
import type { ResolvedConfig } from '../../harness/config/types.ts';
import { DEFAULT_TIMEOUTS } from '../../harness/config/timeouts.ts';
import { PROJECT_ROOT } from '../../harness/runner/project-root.ts';
import { ECHO_IMAGE } from '../../harness/version.ts';
import { startEmbeddedForTest, type EmbeddedForTest } from '../kube/embedded-fixture.ts';
import { existingClusterConfig } from '../cluster/run-config.ts';
import { fakeToolEnv, readCalls, resetCalls } from './fake-tools.ts';

const IMAGE = ECHO_IMAGE;
const INSPECT = 'docker image inspect --format {{.Os}}/{{.Architecture}}';
const METALLB = 'https://raw.githubusercontent.com/metallb/metallb/v0.16.1/config/manifests/metallb-native.yaml';
const NAME = 'grpcroute-conformance';

let dir: string;
let calls: string;
const calls_ = (): string => calls;
let gateway: EmbeddedForTest;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kind-provider-'));
  calls = join(dir, 'calls.jsonl');
  // The "kind cluster" the fakes create is this embedded one: everything Kubernetes is real.
  gateway = await startEmbeddedForTest();
  Object.assign(process.env, fakeToolEnv(calls, { FAKE_KUBECONFIG_SOURCE: gateway.environment.kubeconfigPath }));
});
afterAll(async () => {
  process.env = savedEnv;
  await gateway?.environment.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetCalls(calls);
  delete process.env.FAKE_FAIL;
  for (const name of ['FAKE_KIND_CLUSTERS', 'FAKE_FAIL_OUTPUT', 'FAKE_BLOCK', 'FAKE_DOCKER_OS', 'FAKE_PROCESSES', 'FAKE_WEBHOOK_DOWN', 'FAKE_CPK_EXIT']) delete process.env[name];
});

function kindConfig(input: RealClusterInput, overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return { ...existingClusterConfig({ cluster: 'kind', ...overrides }), ...resolveRealClusterSettings({ cluster: 'kind', ...input }, dir) };
}

function provider(config: ResolvedConfig, lines: string[], platform: NodeJS.Platform = 'linux') {
  return kindClusterProvider(config, (line) => lines.push(line), { waitForNodesReady: async () => {}, platform });
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as Error,
  );
}

/** argv with the per-run temp paths replaced, so sequences compare exactly. */
async function recorded(): Promise<string[]> {
  return (await readCalls(calls)).map((c) =>
    c.argv
      .join(' ')
      .replace(/\/\S*grpcroute-conformance-kind-[^/\s]+\//g, '$TMP/')
      .replaceAll(PROJECT_ROOT.replace(/\/$/, ''), '$ROOT')
      .replaceAll(dir, '$DIR'),
  );
}

describe('kind provider, with fake kind/docker/kubectl', () => {
  it('creates, gives LoadBalancer addresses, loads the echo image, installs, waits for the GatewayClass, then deletes', async () => {
    const lines: string[] = [];
    const kind = provider(kindConfig({ installManifests: ['vendor.yaml'], installCommand: 'kubectl apply -f extra.yaml' }), lines);
    const connection = await kind.start();
    expect(connection.lowPortOffset).toBe(0);
    expect(connection.description).toContain(`kind cluster "${NAME}"`);
    await kind.stop();
    await kind.stop(); // twice is fine

    const kubectl = 'kubectl --kubeconfig $TMP/kubeconfig';
    expect(await recorded()).toEqual([
      'kind get clusters',
      'docker info --format {{.OperatingSystem}}',
      `kind create cluster --name ${NAME} --config $TMP/kind-config.yaml --kubeconfig $TMP/kubeconfig`,
      `${kubectl} label nodes --selector node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers-`,
      `${kubectl} apply --server-side -f ${METALLB}`,
      `${kubectl} rollout status --namespace metallb-system deploy/controller --timeout=180s`,
      `${kubectl} rollout status --namespace metallb-system ds/speaker --timeout=180s`,
      'docker network inspect kind --format {{json .IPAM.Config}}',
      `${kubectl} apply --server-side -f -`,
      `${INSPECT} ${IMAGE}`,
      `docker pull ${IMAGE}`,
      `docker build --provenance=false --sbom=false -f $ROOT/echo-server/Dockerfile -t ${IMAGE} $ROOT`,
      `${INSPECT} ${IMAGE}`,
      `docker save --platform linux/amd64 -o $TMP/echo-image.tar ${IMAGE}`,
      `kind load image-archive $TMP/echo-image.tar --name ${NAME}`,
      `${kubectl} apply --server-side -f $DIR/vendor.yaml`,
      'kubectl apply -f extra.yaml',
      `kind delete cluster --name ${NAME} --kubeconfig $TMP/kubeconfig`,
    ]);
    const pool = (await readCalls(calls)).find((c) => c.stdin !== undefined)?.stdin ?? '';
    expect(pool).toContain('kind: IPAddressPool');
    expect(pool).toContain('- 172.18.255.200-172.18.255.250');
    expect(pool).toContain('kind: L2Advertisement');

    const status = lines.filter((l) => /^ [✓✗] /.test(l));
    expect(status.map((l) => l.replace(/ \(\d+\.\ds\)$/, ''))).toEqual([
      ` ✓ Creating cluster "${NAME}"`,
      ' ✓ Waiting for nodes to be Ready',
      ' ✓ Letting the control plane serve LoadBalancers',
      ' ✓ Installing MetalLB v0.16.1',
      ' ✓ Giving LoadBalancers 172.18.255.200-172.18.255.250',
      ' ✓ Building the echo-server image',
      ` ✓ Loading the echo-server image into "${NAME}"`,
      ` ✓ Applying ${join(dir, 'vendor.yaml')}`,
      ' ✓ Running --install-command',
      ' ✓ Waiting for GatewayClass "grpcroute-reference" to be Accepted',
      ` ✓ Deleting cluster "${NAME}"`,
    ]);
    expect(status.every((l) => / \(\d+\.\ds\)$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('   Gateway API CRDs present: '))).toBe(true);
  });

  it('a failed install step prints the command to paste and its output, and the cluster is still deleted', async () => {
    process.env.FAKE_FAIL = 'vendor.yaml';
    const lines: string[] = [];
    const kind = provider(kindConfig({ installManifests: ['vendor.yaml'] }, { echoImage: 'registry.example/echo:1' }), lines);
    const error = await kind.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CommandFailedError);
    const failure = error as CommandFailedError;
    expect(failure.exitCode).toBe(2);
    expect(failure.message).toMatch(/^exited with code 1: kubectl --kubeconfig \S+\/kubeconfig apply --server-side -f \S+\/vendor\.yaml$/);
    expect(failure.output).toContain('Error from server (NotFound): error when creating');

    const text = lines.join('\n');
    expect(text).toMatch(/ ✗ Applying \S+vendor\.yaml \(\d+\.\ds\)/);
    expect(text).toContain('command (paste into a shell to retry):');
    expect(text).toContain(`  kubectl --kubeconfig ${failure.command.split(' ')[2]} apply --server-side -f ${join(dir, 'vendor.yaml')}`);
    expect(text).toContain('  Error from server (NotFound): error when creating');
    expect(text).toContain('echo-server image registry.example/echo:1 (--echo-image): not in the local image store, so the cluster pulls it');

    await kind.stop();
    const sequence = await recorded();
    expect(sequence.some((c) => c.startsWith('docker build') || c.startsWith('kind load'))).toBe(false);
    expect(sequence.at(-1)).toBe(`kind delete cluster --name ${NAME} --kubeconfig $TMP/kubeconfig`);
  });

  it('never touches a kind cluster of the same name that already exists', async () => {
    process.env.FAKE_KIND_CLUSTERS = `other,${NAME}`;
    const kind = provider(kindConfig({ installCommand: 'true' }), []);
    await expect(kind.start()).rejects.toThrow(`a kind cluster named "${NAME}" already exists`);
    await kind.stop();
    expect(await recorded()).toEqual(['kind get clusters']);
  });
});

describe('kind provider on a cluster without the Gateway API CRDs', () => {
  let bare: EmbeddedForTest;
  beforeAll(async () => {
    bare = await startEmbeddedForTest({ disabledKinds: ['GRPCRoute', 'ReferenceGrant'], referenceGateway: false });
  });
  afterAll(() => bare?.environment.stop());

  it('installs the CRDs of the chosen release and channel, uses cloud-provider-kind, and --keep keeps the cluster', async () => {
    process.env.FAKE_KUBECONFIG_SOURCE = bare.environment.kubeconfigPath;
    const lines: string[] = [];
    const config = kindConfig(
      { installManifests: ['vendor.yaml'], kindLoadBalancer: 'cloud-provider-kind', kindNodeImage: 'kindest/node:v1.31.0', gatewayApiVersion: 'v1.2.1', gatewayApiChannel: 'experimental', kindClusterName: 'vendor-ci' },
      { keep: true, echoImage: 'registry.example/echo:1', timeouts: { ...DEFAULT_TIMEOUTS, gatewayClassMustBeAccepted: 300 } },
    );
    const kind = provider(config, lines);
    // Nothing installs a GatewayClass here (the fakes apply nothing): the last step fails, clearly.
    await expect(kind.start()).rejects.toThrow('GatewayClass "grpcroute-reference" does not exist');
    await kind.stop();
    process.env.FAKE_KUBECONFIG_SOURCE = gateway.environment.kubeconfigPath;

    const url = 'https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.2.1/experimental-install.yaml';
    const kubectl = 'kubectl --kubeconfig $TMP/kubeconfig';
    // cloud-provider-kind runs in the background: it records its call once started, racing the next steps.
    const calls = await recorded();
    const cpk = 'cloud-provider-kind --gateway-channel disabled';
    expect(calls.indexOf(cpk)).toBeGreaterThan(2);
    expect(calls.filter((c) => c !== cpk)).toEqual([
      'kind get clusters',
      'ps -A -o args=',
      'kind create cluster --name vendor-ci --config $TMP/kind-config.yaml --image kindest/node:v1.31.0 --kubeconfig $TMP/kubeconfig',
      `${kubectl} label nodes --selector node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers-`,
      'docker image inspect --format {{.Os}}/{{.Architecture}} registry.example/echo:1',
      `${kubectl} apply --server-side -f ${url}`,
      `${kubectl} wait --for=condition=Established --timeout=60s crd/gatewayclasses.gateway.networking.k8s.io crd/gateways.gateway.networking.k8s.io crd/grpcroutes.gateway.networking.k8s.io crd/referencegrants.gateway.networking.k8s.io`,
      `${kubectl} apply --server-side -f $DIR/vendor.yaml`,
    ]);
    const text = lines.join('\n');
    expect(text).toMatch(/ ✓ Installing Gateway API CRDs v1\.2\.1 \(experimental\) \(\d+\.\ds\)/);
    expect(text).toContain(`   from ${url}`);
    expect(text).toMatch(/ ✗ Waiting for GatewayClass "grpcroute-reference" to be Accepted/);
    expect(text).toMatch(/kept kind cluster "vendor-ci" \(--keep\); kubeconfig \S+; delete it with: kind delete cluster --name vendor-ci/);
    expect(text).toContain("stopped cloud-provider-kind: the kept cluster's LoadBalancer Services have no addresses until you start it again: cloud-provider-kind --gateway-channel disabled");
  });

  it('--gateway-api-crds vendor: the suite installs no CRDs, and fails in one line when the install step brought none', async () => {
    process.env.FAKE_KUBECONFIG_SOURCE = bare.environment.kubeconfigPath;
    const kind = provider(kindConfig({ installManifests: ['vendor.yaml'], gatewayApiCrds: 'vendor' }, { echoImage: 'registry.example/echo:1' }), []);
    const error = await failureOf(kind.start());
    await kind.stop();
    process.env.FAKE_KUBECONFIG_SOURCE = gateway.environment.kubeconfigPath;
    expect(error.message).toMatch(/^--gateway-api-crds vendor: after the install step, Gateway API kinds not served: .*GRPCRoute.*; make the install step install the Gateway API CRDs/);
    const calls = await recorded();
    expect(calls.some((c) => c.includes('standard-install.yaml'))).toBe(false);
    expect(calls.filter((c) => c.includes('vendor.yaml') || c.includes('condition=Established')).map((c) => c.split(' ')[3])).toEqual(['apply', 'wait']);
  });
});

describe('kind provider: load balancers, CRD policy and bad hosts', () => {
  it("retries the MetalLB pool while MetalLB's webhook does not answer yet", async () => {
    process.env.FAKE_WEBHOOK_DOWN = '2';
    const lines: string[] = [];
    const kind = provider(kindConfig({ installCommand: 'true' }, { echoImage: 'registry.example/echo:1' }), lines);
    await kind.start();
    await kind.stop();
    expect((await recorded()).filter((c) => c.endsWith('apply --server-side -f -'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes("MetalLB's webhook does not answer yet"))).toEqual([
      "   MetalLB's webhook does not answer yet (attempt 1); retrying",
      "   MetalLB's webhook does not answer yet (attempt 2); retrying",
    ]);
  });

  it('uses the KIND_EXPERIMENTAL_DOCKER_NETWORK network for the MetalLB pool', async () => {
    process.env.KIND_EXPERIMENTAL_DOCKER_NETWORK = 'kind-ci';
    try {
      const kind = provider(kindConfig({ installCommand: 'true' }, { echoImage: 'registry.example/echo:1' }), []);
      await kind.start();
      await kind.stop();
    } finally {
      delete process.env.KIND_EXPERIMENTAL_DOCKER_NETWORK;
    }
    expect(await recorded()).toContain('docker network inspect kind-ci --format {{json .IPAM.Config}}');
  });

  it('under Docker Desktop picks cloud-provider-kind by itself, and refuses a forced metallb before creating anything', async () => {
    process.env.FAKE_DOCKER_OS = 'Docker Desktop';
    const lines: string[] = [];
    const auto = provider(kindConfig({ installCommand: 'true' }, { echoImage: 'registry.example/echo:1' }), lines);
    await auto.start();
    await auto.stop();
    const calls = await recorded();
    expect(calls).toContain('cloud-provider-kind --gateway-channel disabled');
    expect(calls.some((c) => c.includes('metallb'))).toBe(false);
    expect(lines).toContain('   LoadBalancers: cloud-provider-kind, since kind node addresses are unreachable under Docker Desktop ("Docker Desktop") (it maps them to localhost ports)');

    await resetCalls(calls_());
    const forced = provider(kindConfig({ installCommand: 'true', kindLoadBalancer: 'metallb' }), []);
    const error = await failureOf(forced.start());
    await forced.stop();
    expect(error.message).toMatch(/^--kind-load-balancer=metallb cannot work under Docker Desktop \("Docker Desktop"\): this host cannot reach/);
    expect(await recorded()).toEqual(['kind get clusters', 'docker info --format {{.OperatingSystem}}']);
  });

  it('on macOS refuses metallb without asking docker', async () => {
    const kind = provider(kindConfig({ installCommand: 'true', kindLoadBalancer: 'metallb' }), [], 'darwin');
    await expect(kind.start()).rejects.toThrow('--kind-load-balancer=metallb cannot work on macOS');
    await kind.stop();
    expect(await recorded()).toEqual(['kind get clusters']);
  });

  it('refuses to start a second cloud-provider-kind, before creating anything', async () => {
    process.env.FAKE_PROCESSES = 'sudo /usr/local/bin/cloud-provider-kind -v 2';
    const kind = provider(kindConfig({ installCommand: 'true', kindLoadBalancer: 'cloud-provider-kind' }), []);
    await expect(kind.start()).rejects.toThrow('cloud-provider-kind is already running ("sudo /usr/local/bin/cloud-provider-kind -v 2")');
    await kind.stop();
    expect(await recorded()).toEqual(['kind get clusters', 'ps -A -o args=']);
  });

  it('cloud-provider-kind exiting during setup stops the setup at once, saying what it printed; the cluster is deleted', async () => {
    process.env.FAKE_CPK_EXIT = 'Please run this again with `sudo`.';
    process.env.FAKE_BLOCK = 'vendor.yaml';
    const kind = provider(kindConfig({ installManifests: ['vendor.yaml'], kindLoadBalancer: 'cloud-provider-kind' }, { echoImage: 'registry.example/echo:1' }), []);
    const error = await failureOf(kind.start());
    await kind.stop();
    expect(error.message).toMatch(/^cloud-provider-kind exited with code 255, so LoadBalancers get no addresses; it printed: .*Please run this again with `sudo`\. \(full log \S+cloud-provider-kind\.log; command: cloud-provider-kind --gateway-channel disabled\)$/);
    expect((await recorded()).at(-1)).toBe(`kind delete cluster --name ${NAME} --kubeconfig $TMP/kubeconfig`);
  });

  it("a CRD apply refused by upstream's safe-upgrades policy says what it means and how to fix it", async () => {
    process.env.FAKE_FAIL = 'vendor.yaml';
    process.env.FAKE_FAIL_OUTPUT =
      'The customresourcedefinitions "grpcroutes.gateway.networking.k8s.io" is invalid: : ValidatingAdmissionPolicy \'safe-upgrades.gateway.networking.k8s.io\' with binding \'safe-upgrades.gateway.networking.k8s.io\' denied request: Installing CRDs with version before v1.7.0 is prohibited by default.';
    const kind = provider(kindConfig({ installManifests: ['vendor.yaml'] }, { echoImage: 'registry.example/echo:1' }), []);
    const error = await failureOf(kind.start());
    await kind.stop();
    expect(error.message).toMatch(/^exited with code 1: kubectl .* apply --server-side -f \S+vendor\.yaml; the Gateway API CRDs in the cluster carry upstream's safe-upgrades\.gateway\.networking\.k8s\.io admission policy, .*pass --gateway-api-crds vendor/);
  });
});

describe('--gateway-api-version', () => {
  it('takes release tags and refuses anything else at once', () => {
    expect(parseGatewayApiVersion('v1.7.0')).toBe('v1.7.0');
    expect(parseGatewayApiVersion('v1.7.0-rc.1')).toBe('v1.7.0-rc.1');
    for (const bad of ['1.7.0', 'v1.7', 'v1.7.O', 'monthly-2026.11', 'latest']) {
      expect(() => parseGatewayApiVersion(bad)).toThrow(`expected a release such as v1.7.0, got "${bad}"`);
    }
  });
});
