import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { HarnessError } from '../../errors.ts';
import type { KubeClient } from '../../kube/client.ts';
import type { KubeObject } from '../../kube/types.ts';
import { PROJECT_ROOT } from './binaries.ts';

const run = promisify(execFile);
const ESTABLISHED_DEADLINE_MS = 60_000;

/**
 * The upstream CRD manifests of one Gateway API release and channel, read from the
 * `sigs.k8s.io/gateway-api` module in Go's module cache. `go mod download` fetches it when the
 * proxy is reachable (the build script does so for the pinned releases); inside the run's
 * network namespace only the cache can answer.
 */
export async function gatewayApiCrdFolder(version: string, channel: 'standard' | 'experimental'): Promise<string> {
  const dir = await moduleDir(`sigs.k8s.io/gateway-api@${version}`);
  const folder = join(dir, 'config', 'crd', channel);
  if (!existsSync(folder)) throw new HarnessError('GRPCCONF_CRDS_MISSING', `sigs.k8s.io/gateway-api@${version} has no config/crd/${channel} folder`);
  return folder;
}

async function moduleDir(module: string): Promise<string> {
  const cached = await cachedModuleDir(module);
  if (cached) return cached;
  try {
    const env = { ...process.env, GOFLAGS: '-mod=mod', ...goToolchainFor() };
    const { stdout } = await run('go', ['mod', 'download', '-json', module], { env, timeout: 120_000 });
    const dir = (JSON.parse(stdout) as { Dir?: string }).Dir;
    if (dir && existsSync(dir)) return dir;
    throw new Error('no Dir in go mod download output');
  } catch (error) {
    throw new HarnessError(
      'GRPCCONF_CRDS_MISSING',
      `could not read ${module} from Go's module cache (${(error as Error).message.split('\n')[0]}); run \`npm run control-plane:build\` once with the module proxy reachable`,
      { cause: error },
    );
  }
}

/**
 * The extracted module in GOMODCACHE, read without `go mod download`: that command refuses a
 * module whose go.mod asks for a newer Go than the local toolchain (v1.7.0 wants 1.27), even
 * when it is already cached, and reading YAML needs no toolchain at all.
 */
async function cachedModuleDir(module: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('go', ['env', 'GOMODCACHE'], { timeout: 30_000 });
    // The cache escapes capitals as `!` + lower case.
    const dir = join(stdout.trim(), module.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`));
    return stdout.trim() && existsSync(join(dir, 'go.mod')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** GATEWAY_API_GOTOOLCHAIN of tools/real-peers/versions.env: the toolchain a download of the newest pinned release needs. */
function goToolchainFor(): { GOTOOLCHAIN?: string } {
  const file = join(PROJECT_ROOT, 'tools', 'real-peers', 'versions.env');
  const match = existsSync(file) ? /^GATEWAY_API_GOTOOLCHAIN=(\S+)$/m.exec(readFileSync(file, 'utf8')) : null;
  return match ? { GOTOOLCHAIN: match[1]! } : {};
}

/** Every object of the release's manifests (CRDs, and the upgrade-safety ValidatingAdmissionPolicy where the release has one). */
export async function readGatewayApiManifests(folder: string): Promise<KubeObject[]> {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort();
  const objects: KubeObject[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(await readFile(join(folder, file), 'utf8'))) {
      const object = doc.toJS() as KubeObject | null;
      if (object?.kind) objects.push(object);
    }
  }
  return objects;
}

/** Applies the manifests and waits until every CRD among them is Established. */
export async function installGatewayApiManifests(client: KubeClient, objects: readonly KubeObject[], signal?: AbortSignal): Promise<void> {
  for (const object of objects) await client.apply(object);
  const crds = objects.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => o.metadata.name ?? '');
  const deadline = Date.now() + ESTABLISHED_DEADLINE_MS;
  for (const name of crds) {
    for (;;) {
      signal?.throwIfAborted();
      const crd = await client.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name });
      const conditions = (crd?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
      if (conditions.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new HarnessError('GRPCCONF_CRDS_MISSING', `CRD ${name} was not Established within ${ESTABLISHED_DEADLINE_MS / 1000} s`);
      // A bounded readiness poll: CRDs are usually Established within a few hundred milliseconds.
      await delay(100);
    }
  }
}
