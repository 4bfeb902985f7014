import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderVersion } from '../../harness/cli/version-command.ts';
import { renderJunitReport } from '../../harness/report/junit-report.ts';
import { ECHO_IMAGE, SUITE_VERSION, SUPPORTED_GATEWAY_API_RELEASES } from '../../harness/version.ts';
import { REAL_CLUSTER_DEFAULTS } from '../../harness/cluster/kind/real-cluster-settings.ts';
import { SAMPLE_RUN } from './sample-run.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

describe('one version: package, echo image tag, report', () => {
  it('the suite version is package.json\'s', () => {
    expect(SUITE_VERSION).toBe(packageJson.version);
  });

  it('every echo-server image the fixtures name is tagged with it', () => {
    const images = yamlFiles(join(ROOT, 'fixtures')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/image:\s*(\S*grpcroute-conformance\/echo-server\S*)/g)].map((m) => m[1]));
    expect(images.length).toBeGreaterThan(0);
    expect(new Set(images)).toEqual(new Set([`ghcr.io/grpcroute-conformance/echo-server:v${packageJson.version}`]));
    expect(ECHO_IMAGE).toBe(`ghcr.io/grpcroute-conformance/echo-server:v${packageJson.version}`);
  });

  it('the JUnit report names it', () => {
    expect(renderJunitReport(SAMPLE_RUN)).toContain(`<property name="suiteVersion" value="${packageJson.version}"/>`);
  });

  it('`version` prints it, the Gateway API release real clusters get, then the older releases still selectable', () => {
    expect(SUPPORTED_GATEWAY_API_RELEASES).toEqual([REAL_CLUSTER_DEFAULTS.gatewayApiVersion, 'v1.6.1']);
    expect(renderVersion()).toBe(`grpcroute-conformance ${packageJson.version}\nGateway API ${REAL_CLUSTER_DEFAULTS.gatewayApiVersion}, v1.6.1\n`);
  });

  it('the package names the Node.js lines it supports', () => {
    expect(packageJson.engines.node).toBe('^20.19.0 || ^22.12.0 || ^24.0.0');
  });
});
