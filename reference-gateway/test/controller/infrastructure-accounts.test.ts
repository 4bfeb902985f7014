import { describe, expect, it } from 'vitest';
import { desiredServiceAccounts, GATEWAY_NAME_LABEL, serviceAccountName } from '../../src/controller/infrastructure-accounts.ts';
import type { ControllerSettings } from '../../src/controller/settings.ts';
import type { Gateway } from '../../src/kube/objects.ts';
import { CONTROLLER, INFRA } from './object-builders.ts';

const settings = (faults: string[] = []): ControllerSettings => ({ controllerName: CONTROLLER, lowPortOffset: 0, crossServing: 'allow', faults: new Set(faults) });
const gateway = (name: string): Gateway => ({
  metadata: { name, namespace: INFRA, uid: 'uid-1' },
  spec: { gatewayClassName: 'c', infrastructure: { labels: { key2: 'value2', [GATEWAY_NAME_LABEL]: 'spoofed' }, annotations: { key1: 'value1' } } },
});
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

describe('serviceAccountName', () => {
  it('is <gateway>-gateway while that fits in 63 characters, never the namespace default account', () => {
    expect(serviceAccountName('gw')).toBe('gw-gateway');
    expect(serviceAccountName('default')).toBe('default-gateway');
  });

  it('keeps long names valid, at most 63 characters, and distinct where they share a prefix', () => {
    const base = `a.b-${'x'.repeat(60)}.`;
    const names = [`${base}one`, `${base}two`, 'y'.repeat(253)].map(serviceAccountName);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name).toMatch(SUBDOMAIN);
    }
    expect(new Set(names).size).toBe(3);
    expect(serviceAccountName('y'.repeat(253))).toBe(names[2]);
  });
});

describe('desiredServiceAccounts', () => {
  it('puts the infrastructure labels and annotations on the account, our gateway-name label over any given', () => {
    const [account] = desiredServiceAccounts([gateway('gw')], settings());
    expect(account!.metadata.labels).toEqual({ key2: 'value2', [GATEWAY_NAME_LABEL]: 'gw' });
    expect(account!.metadata.annotations).toMatchObject({ key1: 'value1' });
    expect(account!.metadata.ownerReferences).toEqual([{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', name: 'gw', uid: 'uid-1', controller: true }]);
  });

  it('infrastructure-metadata-dropped keeps only the gateway-name label and our own annotation', () => {
    const [account] = desiredServiceAccounts([gateway('gw')], settings(['infrastructure-metadata-dropped']));
    expect(account!.metadata.labels).toEqual({ [GATEWAY_NAME_LABEL]: 'gw' });
    expect(Object.keys(account!.metadata.annotations ?? {})).toEqual(['reference-gateway.grpcroute-conformance.dev/controller']);
  });
});
