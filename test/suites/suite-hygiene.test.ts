import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, readFixture } from '../../harness/kube/apply.ts';
import type { KubeObject } from '../../harness/kube/types.ts';
import { CONFORMANCE_TESTS } from '../../suites/index.ts';
import { hostnamesIntersect } from './hostnames-intersect.ts';
import { sharedGatewayRoutes, type SharedGatewayRoute } from './shared-gateway-routes.ts';
import { loadSuiteModules } from './suite-modules.ts';
import { testFileName } from './test-file-name.ts';

const GATEWAY_CLASS_PLACEHOLDER = 'GATEWAY_CLASS_NAME';
// fixtures/base/gateways.yaml spells the placeholder in braces; apply.ts replaces either spelling.

const modules = await loadSuiteModules();
const exported = modules.flatMap((m) => m.tests.map((test) => ({ module: m, test })));
// Registered or not: a test still being wired into suites/index.ts gets the same checks.
const allTests = [...new Set([...CONFORMANCE_TESTS, ...exported.map((e) => e.test)])];

function fixtureFiles(dir = ''): string[] {
  return readdirSync(join(FIXTURES_DIR, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) return fixtureFiles(path);
    return entry.name.endsWith('.yaml') || entry.name.endsWith('.yml') ? [path] : [];
  });
}

describe('suite files', () => {
  it('each file exporting tests is named after one of them, in kebab-case', () => {
    const misnamed = modules
      .filter((m) => m.tests.length > 0 && !m.tests.some((t) => testFileName(t.name) === m.baseName))
      .map((m) => `${m.file} exports ${m.tests.map((t) => t.name).join(', ')}, expected ${m.tests.map((t) => `${testFileName(t.name)}.ts`).join(' or ')}`);
    expect(misnamed).toEqual([]);
  });

  it('every registered test comes from a suite file, and every exported test is registered', () => {
    const registered = new Set(CONFORMANCE_TESTS);
    const fromFiles = new Set(exported.map((e) => e.test));
    expect(CONFORMANCE_TESTS.filter((t) => !fromFiles.has(t)).map((t) => t.name)).toEqual([]);
    expect(exported.filter((e) => !registered.has(e.test)).map((e) => `${e.test.name} (${e.module.file})`)).toEqual([]);
  });

  it('a test with manifests lists its own fixture, named like its file, and it exists', () => {
    const problems = exported.flatMap(({ module, test }) => {
      if (test.manifests.length === 0) return [];
      const own = `${module.baseName}.yaml`;
      if (!test.manifests.includes(own)) return [`${test.name} lists ${test.manifests.join(', ')} but not ${own}`];
      return existsSync(join(FIXTURES_DIR, own)) ? [] : [`${test.name}: fixtures/${own} is missing`];
    });
    expect(problems).toEqual([]);
  });

  it('every listed manifest exists and parses as Kubernetes YAML', () => {
    const problems = allTests.flatMap((test) =>
      test.manifests.flatMap((manifest) => {
        try {
          readFixture(manifest);
          return [];
        } catch (error) {
          return [`${test.name}: ${error instanceof Error ? error.message : String(error)}`];
        }
      }),
    );
    expect(problems).toEqual([]);
  });
});

describe('test metadata', () => {
  it('names are unique', () => {
    const names = allTests.map((t) => t.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('every test has a description and at least one spec statement', () => {
    const problems = allTests.flatMap((t) => [
      ...(t.description.trim() === '' ? [`${t.name} has no description`] : []),
      ...(t.specRefs.length === 0 ? [`${t.name} cites no spec statement`] : []),
    ]);
    expect(problems).toEqual([]);
  });
});

describe('fixtures', () => {
  const files = fixtureFiles();

  it('every Gateway names its class by the placeholder, which the harness replaces', () => {
    const problems = files.flatMap((file) => {
      const allowed = [GATEWAY_CLASS_PLACEHOLDER];
      return readFixture(file)
        .filter((o) => o.kind === 'Gateway' && o.apiVersion.startsWith('gateway.networking.k8s.io/'))
        .map((o) => ({ name: o.metadata.name, className: (o.spec as { gatewayClassName?: unknown } | undefined)?.gatewayClassName }))
        .filter(({ className }) => !allowed.includes(String(className)))
        .map(({ name, className }) => `${file}: Gateway ${name} has gatewayClassName ${String(className)}`);
    });
    expect(problems).toEqual([]);
  });

  describe('routes on the shared Gateways', () => {
    const routesByTest = allTests.map((test) => ({
      test: test.name,
      routes: sharedGatewayRoutes(test.manifests.flatMap((m): KubeObject[] => (existsSync(join(FIXTURES_DIR, m)) ? readFixture(m) : []))),
    }));

    it('each name the hostnames it serves, since a route without hostnames takes every authority', () => {
      const bare = routesByTest.flatMap(({ test, routes }) => routes.filter((r) => r.hostnames.length === 0).map((r) => `${test}: ${r.route} on ${r.gateway}`));
      expect(bare).toEqual([]);
    });

    it('no two tests claim intersecting hostnames, because tests run concurrently', () => {
      const clashes: string[] = [];
      const claims = routesByTest.flatMap(({ test, routes }) => routes.flatMap((r) => r.hostnames.map((hostname) => ({ test, route: r, hostname }))));
      for (const [i, a] of claims.entries()) {
        for (const b of claims.slice(i + 1)) {
          if (a.test !== b.test && hostnamesIntersect(a.hostname, b.hostname)) clashes.push(`${describeClaim(a)} and ${describeClaim(b)}`);
        }
      }
      expect(clashes).toEqual([]);
    });
  });
});

function describeClaim(claim: { test: string; route: SharedGatewayRoute; hostname: string }): string {
  return `${claim.test} (${claim.route.route} on ${claim.route.gateway}: ${claim.hostname})`;
}
