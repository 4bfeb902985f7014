// Stands in for kind, docker, kubectl and cloud-provider-kind in tests: appends its argv (and
// stdin) as one JSON line to $FAKE_CALLS and prints what the real tool prints for that command.
//   FAKE_KUBECONFIG_SOURCE  copied to --kubeconfig by `kind create cluster`
//   FAKE_KIND_CLUSTERS      comma list printed by `kind get clusters`
//   FAKE_FAIL               a command line containing this fails like the real tool would (printing FAKE_FAIL_OUTPUT if set)
//   FAKE_BLOCK              a command line containing this prints its progress and runs until killed
//   FAKE_DOCKER_IMAGES      comma list of images already in the local image store
//   FAKE_PULLABLE           comma list of images `docker pull` finds
//   FAKE_DOCKER_PLATFORM    what `docker image inspect` reports (default linux/amd64)
//   FAKE_DOCKER_OS          what `docker info --format {{.OperatingSystem}}` prints (default Ubuntu 24.04.3 LTS)
//   FAKE_PROCESSES          extra lines `ps -A -o args=` prints
//   FAKE_WEBHOOK_DOWN       how many MetalLB pool applies fail as if its webhook were not serving yet
//   FAKE_CPK_EXIT           cloud-provider-kind prints this and exits 255 instead of running
// Pulled, built and loaded images are remembered in $FAKE_CALLS.images for later commands of the same test.
import { appendFileSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { undocumentedFlag } from './documented-flags.mjs';

const [tool, ...argv] = process.argv.slice(2);
const line = [tool, ...argv].join(' ');
const readsStdin = argv.includes('-') && argv[argv.indexOf('-') - 1] === '-f';
const stdin = readsStdin ? readFileSync(0, 'utf8') : undefined;
appendFileSync(process.env.FAKE_CALLS ?? '/dev/null', `${JSON.stringify({ argv: [tool, ...argv], ...(stdin === undefined ? {} : { stdin }) })}\n`);

const unknown = undocumentedFlag(tool, argv);
if (unknown) {
  process.stderr.write(`unknown flag: ${unknown}\nSee '${tool} ${argv[0]} --help'.\n`);
  process.exit(1);
}

const out = (text) => process.stdout.write(`${text}\n`);
const err = (text) => process.stderr.write(`${text}\n`);
const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const cluster = flag('--name') ?? 'kind';

if (process.env.FAKE_FAIL && line.includes(process.env.FAKE_FAIL)) {
  if (process.env.FAKE_FAIL_OUTPUT) {
    err(process.env.FAKE_FAIL_OUTPUT);
  } else if (tool === 'kubectl') {
    const file = flag('-f') ?? '';
    err(`namespace/vendor-system serverside-applied`);
    err(`Error from server (NotFound): error when creating "${file}": namespaces "vendor-gateway" not found`);
  } else {
    err(`ERROR: failed to run ${tool}: command "${line}" failed with error: exit status 1`);
  }
  process.exit(1);
}

const blocking = process.env.FAKE_BLOCK && line.includes(process.env.FAKE_BLOCK);
if (tool === 'kind' && argv[0] === 'create') {
  err(`Creating cluster "${cluster}" ...`);
  err(` ✓ Ensuring node image (${flag('--image') ?? 'kindest/node:v1.32.2'}) 🖼`);
  err(' ✓ Preparing nodes 📦');
  if (blocking) block();
  else {
    err(' ✓ Writing configuration 📜');
    err(' ✓ Starting control-plane 🕹️');
    err(' ✓ Installing CNI 🔌');
    err(' ✓ Installing StorageClass 💾');
    const target = flag('--kubeconfig');
    if (target && process.env.FAKE_KUBECONFIG_SOURCE) copyFileSync(process.env.FAKE_KUBECONFIG_SOURCE, target);
    err(`Set kubectl context to "kind-${cluster}"`);
  }
} else if (blocking) {
  block();
} else if (tool === 'kind' && argv[0] === 'get' && argv[1] === 'clusters') {
  const clusters = (process.env.FAKE_KIND_CLUSTERS ?? '').split(',').filter(Boolean);
  if (clusters.length === 0) err('No kind clusters found.');
  for (const name of clusters) out(name);
} else if (tool === 'kind' && argv[0] === 'delete') {
  err(`Deleting cluster "${cluster}" ...`);
  err(`Deleted nodes: ["${cluster}-control-plane"]`);
} else if (tool === 'kind' && argv[0] === 'load' && argv[1] === 'image-archive') {
  if (!existsSync(argv[2])) {
    err(`ERROR: failed to load image: open ${argv[2]}: no such file or directory`);
    process.exit(1);
  }
} else if (tool === 'kind' && argv[0] === 'load') {
  err(`Image: "${argv[2]}" with ID "sha256:3f1d5bd6f0e1c0ffee" not yet present on node "${cluster}-control-plane", loading...`);
} else if (tool === 'docker' && argv[0] === 'image' && argv[1] === 'inspect') {
  const image = argv.at(-1);
  if (!localImages().includes(image)) {
    err(`Error response from daemon: No such image: ${image}`);
    process.exit(1);
  }
  out(process.env.FAKE_DOCKER_PLATFORM ?? 'linux/amd64');
} else if (tool === 'docker' && argv[0] === 'pull') {
  const image = argv.at(-1);
  if (!(process.env.FAKE_PULLABLE ?? '').split(',').includes(image)) {
    err(`Error response from daemon: failed to resolve reference "${image}": ${image}: not found`);
    process.exit(1);
  }
  remember(image);
  out(`${image.split(':').at(-1)}: Pulling from ${image.split(':')[0]}\nStatus: Downloaded newer image for ${image}`);
} else if (tool === 'docker' && argv[0] === 'save') {
  if (!localImages().includes(argv.at(-1))) {
    err(`Error response from daemon: reference does not exist`);
    process.exit(1);
  }
  writeFileSync(flag('-o'), `fake archive of ${argv.at(-1)} for ${flag('--platform')}\n`);
} else if (tool === 'docker' && argv[0] === 'push') {
  out(`The push refers to repository [${argv.at(-1).split(':')[0]}]\n${argv.at(-1).split(':').at(-1)}: digest: sha256:5e1f0c0ffee size: 856`);
} else if (tool === 'docker' && argv[0] === 'network') {
  out('[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"},{"Subnet":"fc00:f853:ccd:e793::/64","Gateway":"fc00:f853:ccd:e793::1"}]');
} else if (tool === 'docker' && (argv[0] === 'build' || (argv[0] === 'buildx' && argv[1] === 'build'))) {
  err('#0 building with "default" instance using docker driver');
  err(`#12 naming to ${flag('-t')} done`);
  if (argv.includes('--push')) err(`#13 pushing ${flag('-t')} done`);
  else remember(flag('-t'));
} else if (tool === 'docker' && argv[0] === 'info') {
  out(process.env.FAKE_DOCKER_OS ?? 'Ubuntu 24.04.3 LTS');
} else if (tool === 'ps') {
  out('/sbin/init\nnode /usr/bin/vitest');
  if (process.env.FAKE_PROCESSES) out(process.env.FAKE_PROCESSES);
} else if (tool === 'kubectl' && argv.includes('rollout')) {
  const target = argv.find((a) => a.includes('/'));
  out(target.startsWith('ds/') ? `daemon set "${target.slice(3)}" successfully rolled out` : `deployment "${target.slice(7)}" successfully rolled out`);
} else if (tool === 'kubectl' && argv.includes('apply') && stdin?.includes('kind: IPAddressPool') && webhookStillDown()) {
  err('Error from server (InternalError): Internal error occurred: failed calling webhook "ipaddresspoolvalidationwebhook.metallb.io": failed to call webhook: Post "https://metallb-webhook-service.metallb-system.svc:443/validate-metallb-io-v1beta1-ipaddresspool?timeout=10s": dial tcp 10.96.12.7:443: connect: connection refused');
  process.exit(1);
} else if (tool === 'kubectl' && argv.includes('label')) {
  out('node/kind-control-plane unlabeled');
} else if (tool === 'kubectl' && argv.includes('wait')) {
  for (const target of argv.filter((a) => a.startsWith('crd/'))) out(`customresourcedefinition.apiextensions.k8s.io/${target.slice(4)} condition met`);
  if (argv.includes('metallb-system')) out('pod/controller-5f98465b6b-2xq4w condition met\npod/speaker-7b8bq condition met');
} else if (tool === 'kubectl' && argv.includes('apply')) {
  const source = stdin ?? flag('-f') ?? '';
  const kinds = [...source.matchAll(/^kind: (\S+)/gm)].map((m) => m[1].toLowerCase());
  for (const kind of kinds.length > 0 ? kinds : ['customresourcedefinition.apiextensions.k8s.io']) out(`${kind}/applied serverside-applied`);
} else if (tool === 'cloud-provider-kind') {
  err(`I0101 00:00:00.000000 1 app.go:62] FLAG: --gateway-channel="${flag('--gateway-channel') ?? 'standard'}"`);
  if (process.env.FAKE_CPK_EXIT) {
    err(`F0101 00:00:00.000000 1 app.go:96] ${process.env.FAKE_CPK_EXIT}`);
    process.exit(255);
  }
  err('I0101 00:00:00.000000 1 controller.go:174] probe HTTP address https://kind-control-plane:6443');
  block();
}

/** Counts MetalLB pool applies in $FAKE_CALLS.webhook; true while fewer than FAKE_WEBHOOK_DOWN have failed. */
function webhookStillDown() {
  const file = `${process.env.FAKE_CALLS ?? '/tmp/fake-tool'}.webhook`;
  const failed = existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0;
  if (failed >= Number(process.env.FAKE_WEBHOOK_DOWN ?? 0)) return false;
  writeFileSync(file, String(failed + 1));
  return true;
}

function localImages() {
  const remembered = existsSync(imagesFile()) ? readFileSync(imagesFile(), 'utf8').split('\n') : [];
  return [...(process.env.FAKE_DOCKER_IMAGES ?? '').split(','), ...remembered].filter(Boolean);
}

function remember(image) {
  appendFileSync(imagesFile(), `${image}\n`);
}

function imagesFile() {
  return `${process.env.FAKE_CALLS ?? '/tmp/fake-tool'}.images`;
}

function block() {
  const stop = (code) => () => process.exit(code);
  process.on('SIGTERM', stop(143));
  process.on('SIGINT', stop(130));
  setInterval(() => {}, 60_000);
}
