import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataPlane } from '../../src/data-plane/index.ts';
import { configOf, listenerOf } from './support/config-builders.ts';
import { gatewayAddress } from './support/test-gateway.ts';
import { createTestPki, type TestCertificate, type TestPki } from './support/test-pki.ts';

// What a client that sends no SNI (it dials an IP address) is shown: the listener's default certificate.
function namesWithoutSni(address: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: address, port, ALPNProtocols: ['h2'], rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      resolve(socket.getPeerCertificate().subjectaltname ?? '');
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('data plane: an HTTPS listener whose certificate changes', () => {
  let pki: TestPki;
  let first: TestCertificate, second: TestCertificate;
  let address: string, port: number;
  const plane = new DataPlane({ faults: new Set() });
  const configWith = (certificate: TestCertificate) =>
    configOf(address, [listenerOf('any', port, [], { protocol: 'HTTPS', certificates: [certificate] })]);

  beforeAll(async () => {
    pki = await createTestPki();
    [first, second] = await Promise.all([pki.issue(['first.example']), pki.issue(['second.example'])]);
    ({ address, port } = await gatewayAddress());
  });

  afterAll(() => plane.stop());

  it('presents the new default certificate after a push, and keeps it across pushes that change nothing', async () => {
    await plane.apply(configWith(first));
    expect(await namesWithoutSni(address, port)).toBe('DNS:first.example');
    await plane.apply(configWith(second));
    expect(await namesWithoutSni(address, port)).toBe('DNS:second.example');
    await plane.apply(configWith(second));
    expect(await namesWithoutSni(address, port)).toBe('DNS:second.example');
    await plane.apply(configWith(first));
    expect(await namesWithoutSni(address, port)).toBe('DNS:first.example');
  });
});
