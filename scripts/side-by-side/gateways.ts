import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../harness/cluster/control-plane/binaries.ts';
import { REFERENCE_GATEWAY_CLASS } from '../../harness/cluster/embedded.ts';

/** One implementation both suites test, on a control plane of its own. */
export interface SideBySideGateway {
  /** Folder name under the report folder and column label. */
  readonly name: 'reference' | 'traefik';
  readonly controlPlaneGateway: 'reference' | 'traefik';
  readonly gatewayClass: string;
  /** Upstream's --organization/--project/--url/--version/--contact. */
  readonly implementation: { organization: string; project: string; url: string; version: string; contact: string };
}

function pinned(key: string): string {
  const text = readFileSync(join(PROJECT_ROOT, 'tools', 'real-peers', 'versions.env'), 'utf8');
  const value = new RegExp(`^${key}=(\\S+)$`, 'm').exec(text)?.[1];
  if (!value) throw new Error(`tools/real-peers/versions.env has no ${key} line`);
  return value.replace(/^"|"$/g, '');
}

/** The release of upstream's suite binary; both suites and the CRDs follow it, or upstream refuses to start. */
export function sideBySideRelease(): string {
  return pinned('GATEWAY_API_CONFORMANCE_VERSION');
}

export function sideBySideGateways(): readonly SideBySideGateway[] {
  const project = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return [
    {
      name: 'reference',
      controlPlaneGateway: 'reference',
      gatewayClass: REFERENCE_GATEWAY_CLASS,
      implementation: { organization: 'grpcroute-conformance', project: 'reference-gateway', url: 'https://github.com/grpcroute-conformance', version: `v${project.version}`, contact: 'none' },
    },
    {
      name: 'traefik',
      controlPlaneGateway: 'traefik',
      gatewayClass: 'traefik',
      implementation: { organization: 'traefik', project: 'traefik', url: 'https://github.com/traefik/traefik', version: `v${pinned('TRAEFIK_VERSION')}`, contact: 'none' },
    },
  ];
}
