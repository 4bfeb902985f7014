// The flags each faked subcommand has in the real tool's documented CLI, so a misspelt or
// invented flag fails here as the real tool would (cobra: "unknown flag: --x", exit 1).
// Sources: docs.docker.com/reference/cli/docker/{buildx/build,image/inspect,image/pull,image/push,image/save}
// and kind's pkg/cmd/kind/load/{docker-image,image-archive} (both: --name, --nodes).
// Only subcommands listed here are checked; extend the table when the harness runs a new one.

const BUILD = [
  '--add-host', '--allow', '--annotation', '--attest', '--build-arg', '--build-context', '--builder', '--cache-from', '--cache-to',
  '--call', '--check', '-f', '--file', '--iidfile', '--label', '--load', '--metadata-file', '--network', '--no-cache',
  '--no-cache-filter', '-o', '--output', '--platform', '--progress', '--provenance', '--pull', '--push', '-q', '--quiet',
  '--sbom', '--secret', '--shm-size', '--ssh', '-t', '--tag', '--target', '--ulimit',
];

export const DOCUMENTED_FLAGS = {
  'docker build': BUILD,
  'docker buildx build': BUILD,
  'docker image inspect': ['-f', '--format', '--platform'],
  'docker pull': ['-a', '--all-tags', '--disable-content-trust', '--platform', '-q', '--quiet'],
  'docker push': ['-a', '--all-tags', '--disable-content-trust', '--platform', '-q', '--quiet'],
  'docker save': ['-o', '--output', '--platform'],
  'kind load docker-image': ['--name', '--nodes'],
  'kind load image-archive': ['--name', '--nodes'],
  // docs.docker.com/reference/cli/docker/system/info/ (alias docker info).
  'docker info': ['-f', '--format'],
  // kubectl rollout status --help (kubectl reference docs; pkg/cmd/rollout/rollout_status.go) plus the globals --kubeconfig, -n/--namespace.
  'kubectl rollout status': ['--kubeconfig', '-n', '--namespace', '--timeout', '-w', '--watch', '--revision', '-f', '--filename', '-k', '--kustomize', '-R', '--recursive'],
  // cloud-provider-kind's cmd/app.go (Go flag package: one dash or two).
  'cloud-provider-kind': ['v', 'enable-log-dumping', 'logs-dir', 'enable-lb-port-mapping', 'gateway-channel', 'enable-default-ingress', 'proxy-image'].flatMap((f) => [`-${f}`, `--${f}`]),
  // POSIX ps (pubs.opengroup.org/onlinepubs/9799919799/utilities/ps.html): -A every process, -o format.
  ps: ['-A', '-o'],
};

/** The first flag of `argv` (after the subcommand words) that `subcommand` does not document, if any. */
export function undocumentedFlag(tool, argv) {
  for (const words of [3, 2, 1]) {
    // kubectl's global --kubeconfig K comes before its subcommand.
    const words0 = tool === 'kubectl' && argv[0] === '--kubeconfig' ? argv.slice(2) : argv;
    const subcommand = [tool, ...words0.slice(0, words - 1)].join(' ');
    const allowed = DOCUMENTED_FLAGS[subcommand];
    if (!allowed) continue;
    for (const arg of words0.slice(words - 1)) {
      if (!arg.startsWith('-') || arg === '-') continue;
      const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
      if (!allowed.includes(name)) return name;
    }
    return undefined;
  }
  return undefined;
}
