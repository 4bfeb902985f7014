import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../../errors.ts';
import { FROM_CHECKOUT } from '../../version.ts';

const run = promisify(execFile);

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `npm run control-plane:build` puts the binaries (git-ignored). */
export const BUILD_CACHE_BIN = join(PROJECT_ROOT, '.cache', 'real-peers', 'bin');

export interface ControlPlaneBinaries {
  readonly etcd: string;
  readonly kubeApiserver: string;
  readonly kubeControllerManager: string;
}

const NAMES = { etcd: 'etcd', kubeApiserver: 'kube-apiserver', kubeControllerManager: 'kube-controller-manager' } as const;

/** The Kubernetes release pinned in tools/real-peers/versions.env (one line to bump). */
export function pinnedKubernetesVersion(): string {
  const text = readFileSync(join(PROJECT_ROOT, 'tools', 'real-peers', 'versions.env'), 'utf8');
  const match = /^KUBERNETES_VERSION=(\S+)$/m.exec(text);
  if (!match) throw new Error('tools/real-peers/versions.env has no KUBERNETES_VERSION line');
  return match[1]!;
}

/**
 * Set, $KUBEBUILDER_ASSETS (the envtest convention) is where etcd and kube-apiserver must be.
 * envtest's assets carry no kube-controller-manager, so that one may also come from the build
 * cache. Unset, everything comes from the build cache.
 */
export function locateBinaries(env: Readonly<Record<string, string | undefined>>): ControlPlaneBinaries {
  const assets = env.KUBEBUILDER_ASSETS || undefined;
  const foldersFor = (key: keyof ControlPlaneBinaries): string[] =>
    assets === undefined ? [BUILD_CACHE_BIN] : key === 'kubeControllerManager' ? [assets, BUILD_CACHE_BIN] : [assets];
  const found: Partial<Record<keyof ControlPlaneBinaries, string>> = {};
  const missing: string[] = [];
  for (const [key, name] of Object.entries(NAMES) as [keyof ControlPlaneBinaries, string][]) {
    const path = foldersFor(key).map((f) => join(f, name)).find((p) => existsSync(p));
    if (path) found[key] = path;
    else missing.push(`${name} (in ${foldersFor(key).join(' or ')})`);
  }
  if (missing.length > 0) {
    // The Go build needs tools/real-peers' Go modules, which only a checkout has.
    const build = FROM_CHECKOUT
      ? '`npm run control-plane:build` (needs Go)'
      : 'a checkout of grpcroute-conformance (`npm run control-plane:build` there needs Go; the npm package cannot build them)';
    const fix = assets === undefined ? `build them with ${build}, or set KUBEBUILDER_ASSETS to a folder that has them` : `put them into KUBEBUILDER_ASSETS, or unset it to use ${build}`;
    throw new HarnessError('GRPCCONF_CONTROL_PLANE_BINARIES', `control plane binaries not found: ${missing.join(', ')}; ${fix}`);
  }
  return found as ControlPlaneBinaries;
}

/** Refuses binaries of another release: flags and API behaviour differ between minors. */
export async function checkVersions(binaries: ControlPlaneBinaries, expected: string): Promise<void> {
  for (const path of [binaries.kubeApiserver, binaries.kubeControllerManager]) {
    const printed = await versionOf(path);
    if (printed !== expected) {
      throw new HarnessError(
        'GRPCCONF_CONTROL_PLANE_VERSION',
        `${path} is ${printed || 'of an unknown version'}, not ${expected}; run \`npm run control-plane:build\`, or point KUBEBUILDER_ASSETS at ${expected} binaries`,
      );
    }
  }
}

async function versionOf(path: string): Promise<string> {
  try {
    const { stdout } = await run(path, ['--version'], { timeout: 20_000 });
    return /Kubernetes (v\S+)/.exec(stdout)?.[1] ?? '';
  } catch (error) {
    throw new HarnessError('GRPCCONF_CONTROL_PLANE_BINARIES', `${path} --version failed: ${(error as Error).message.split('\n')[0]}; rebuild with \`npm run control-plane:build\``, { cause: error });
  }
}
