import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ECHO_IMAGE_REPOSITORY } from '../echo-server/src/image-name.ts';
import { REAL_CLUSTER_DEFAULTS } from './cluster/kind/real-cluster-settings.ts';
import { UPSTREAM_RELEASES } from './features/upstream-releases.ts';

interface PackageJson {
  readonly name: string;
  readonly version: string;
}

/**
 * The folder of our package.json. Walked up to, because the code sits one level deeper in the
 * npm package (dist/) than in the checkout.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as PackageJson).name === 'grpcroute-conformance') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no grpcroute-conformance package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();

/** The one version: the npm package's, the reports' suite version and the echo image's tag. */
export const SUITE_VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson).version;

/** The echo-server image the fixtures name, as .github/workflows/echo-image.yaml publishes it: tagged with the suite version. */
export const ECHO_IMAGE = `${ECHO_IMAGE_REPOSITORY}:v${SUITE_VERSION}`;

/**
 * Gateway API releases this version is checked against: first the default (the CRDs real clusters get),
 * then every other release line whose upstream facts it holds, newest first.
 */
export const SUPPORTED_GATEWAY_API_RELEASES: readonly string[] = [
  REAL_CLUSTER_DEFAULTS.gatewayApiVersion,
  ...UPSTREAM_RELEASES.map((r) => r.readFrom)
    .filter((v) => v !== REAL_CLUSTER_DEFAULTS.gatewayApiVersion)
    .reverse(),
];

/** True when running from the checkout (TypeScript sources), false from the npm package (dist/). */
export const FROM_CHECKOUT = import.meta.url.endsWith('.ts');
