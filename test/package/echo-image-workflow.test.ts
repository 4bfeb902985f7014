import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { ECHO_IMAGE_OWNER, ECHO_IMAGE_REPOSITORY } from '../../echo-server/src/image-name.ts';
import { NO_ATTESTATIONS } from '../../harness/cluster/kind/echo-image.ts';
import { DEFAULT_ECHO_IMAGE } from '../../harness/kube/apply.ts';
import { FIXTURE_ECHO_IMAGE } from '../../harness/cluster/kind/echo-image.ts';
import { PACKAGE_ROOT, ECHO_IMAGE, SUITE_VERSION } from '../../harness/version.ts';

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Workflow {
  readonly on: { push: { tags: string[] } };
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { steps: Step[] }>;
}

const workflow = parse(readFileSync(join(PACKAGE_ROOT, '.github/workflows/echo-image.yaml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const buildPush = steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));

/** What GitHub substitutes for a tag push of this package version by the owner the fixtures name. */
function expandForRelease(text: string): string {
  return text.replaceAll('${{ github.repository_owner }}', ECHO_IMAGE_OWNER).replaceAll('${{ github.ref_name }}', `v${SUITE_VERSION}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface Container {
  readonly name?: string;
  readonly image?: string;
  readonly readinessProbe?: unknown;
}

/** Every container of every Pod, Deployment or other pod-template object in the fixtures. */
function fixtureContainers(): { file: string; container: Container }[] {
  const found: { file: string; container: Container }[] = [];
  for (const file of filesUnder(join(PACKAGE_ROOT, 'fixtures')).filter((f) => /\.ya?ml$/.test(f))) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const object = doc.toJS() as { kind?: string; spec?: { containers?: Container[]; template?: { spec?: { containers?: Container[] } } } } | null;
      const containers = object?.kind === 'Pod' ? object.spec?.containers : object?.spec?.template?.spec?.containers;
      for (const container of containers ?? []) found.push({ file: relative(PACKAGE_ROOT, file), container });
    }
  }
  return found;
}

describe('the echo image: one name, published by the release workflow', () => {
  it('a v* tag push builds echo-server/Dockerfile for amd64 and arm64 and pushes it, with packages: write', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions).toMatchObject({ packages: 'write' });
    expect(buildPush?.with).toMatchObject({ context: '.', file: 'echo-server/Dockerfile', push: true, platforms: 'linux/amd64,linux/arm64' });
    expect(existsSync(join(PACKAGE_ROOT, 'echo-server/Dockerfile'))).toBe(true);
  });

  it('pushes exactly ECHO_IMAGE for this package version', () => {
    expect(expandForRelease(String(buildPush?.with?.tags))).toBe(ECHO_IMAGE);
    expect(ECHO_IMAGE).toBe(`${ECHO_IMAGE_REPOSITORY}:v${SUITE_VERSION}`);
    // The --echo-image default and the kind provider's tag are the same constant, not copies.
    expect(DEFAULT_ECHO_IMAGE).toBe(ECHO_IMAGE);
    expect(FIXTURE_ECHO_IMAGE).toBe(ECHO_IMAGE);
  });

  it('refuses a tag other than v<package.json version>, so it never publishes an image nothing names', () => {
    const check = steps.find((s) => s.run?.includes('package.json'));
    expect(check?.run).toContain('"$GITHUB_REF_NAME" != "$expected"');
    expect(check?.run).toContain('exit 1');
    expect(steps.indexOf(check!)).toBeLessThan(steps.indexOf(buildPush!));
  });

  it('builds without attestations, like the local builds kind loads', () => {
    expect(buildPush?.with).toMatchObject({ provenance: false, sbom: false });
    expect(NO_ATTESTATIONS).toEqual(['--provenance=false', '--sbom=false']);
  });

  it('uses the current major of each action', () => {
    expect(steps.map((s) => s.uses).filter(Boolean)).toEqual([
      'actions/checkout@v6',
      'docker/setup-qemu-action@v4',
      'docker/setup-buildx-action@v4',
      'docker/login-action@v4',
      'docker/build-push-action@v7',
    ]);
  });

  it('every fixture container is the echo server, named by ECHO_IMAGE, with a gRPC readiness probe on its h2c port', () => {
    const containers = fixtureContainers();
    expect(containers.length).toBeGreaterThanOrEqual(10);
    for (const { file, container } of containers) {
      expect({ file, name: container.name, image: container.image }).toEqual({ file, name: container.name, image: ECHO_IMAGE });
      expect({ file, name: container.name, probe: container.readinessProbe }).toEqual({ file, name: container.name, probe: { grpc: { port: 3000 } } });
    }
  });

  it('no source file but echo-server/src/image-name.ts spells the repository out', () => {
    const roots = ['harness', 'lib', 'suites', 'echo-server/src', 'embedded-cluster/src', 'node-agent/src', 'reference-gateway/src', 'kube-rest', 'scripts', 'bin'];
    const spelled = roots
      .filter((root) => existsSync(join(PACKAGE_ROOT, root)))
      .flatMap((root) => filesUnder(join(PACKAGE_ROOT, root)))
      .filter((file) => /\.(ts|js|mjs)$/.test(file) && readFileSync(file, 'utf8').includes(ECHO_IMAGE_REPOSITORY))
      .map((file) => relative(PACKAGE_ROOT, file));
    expect(spelled).toEqual(['echo-server/src/image-name.ts']);
  });
});
