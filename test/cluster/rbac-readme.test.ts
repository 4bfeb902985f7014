import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { clusterRoleFor, clusterRoleYaml } from '../../harness/run/rbac-manifest.ts';
import { REQUIRED_PERMISSIONS } from '../../harness/run/required-permissions.ts';
import { describeMissing } from '../../harness/run/check-permissions.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the RBAC the suite needs', () => {
  it("README's ClusterRole is the one generated from the permission table", () => {
    const block = /<!-- rbac:start[^\n]*-->\n```yaml\n([\s\S]*?)```\n<!-- rbac:end -->/.exec(README)?.[1];
    expect(block).toBe(clusterRoleYaml());
    expect(parse(block ?? '')).toEqual(clusterRoleFor('grpcroute-conformance'));
  });

  it('names each resource once per verb set, with no empty rule', () => {
    const role = clusterRoleFor('x', REQUIRED_PERMISSIONS) as unknown as { rules: { verbs: string[] }[] };
    expect(role.rules.length).toBe(REQUIRED_PERMISSIONS.length);
    expect(role.rules.every((r) => r.verbs.length > 0)).toBe(true);
  });

  it('words a missing permission as one line, cluster-wide or with its namespaces', () => {
    expect(describeMissing({ verb: 'delete', resource: 'namespaces', namespaces: [undefined] })).toBe('missing permission: delete namespaces cluster-wide');
    expect(describeMissing({ verb: 'create', resource: 'deployments.apps', namespaces: ['a'] })).toBe('missing permission: create deployments.apps in namespace a');
    expect(describeMissing({ verb: 'get', resource: 'pods/log', namespaces: ['a', 'b'] })).toBe('missing permission: get pods/log in namespaces a, b');
  });
});
