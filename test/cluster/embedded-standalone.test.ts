import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { afterAll, expect, it } from 'vitest';

const dir = await mkdtemp(join(tmpdir(), 'embedded-standalone-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

it('prints one ready line with the kubeconfig, serves kubectl, and exits 0 on SIGTERM', async () => {
  const kubeconfig = join(dir, 'nested', 'kubeconfig');
  const child = execa('node', ['--import', 'tsx', join(import.meta.dirname, 'standalone-entry.ts'), kubeconfig], { reject: false });
  try {
    const firstLine = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', resolve);
      child.once('exit', () => reject(new Error('exited before ready')));
    });
    expect(firstLine).toContain('ready');
    expect(firstLine).toContain(kubeconfig);

    const classes = await execa('kubectl', ['--kubeconfig', kubeconfig, 'get', 'gatewayclasses', '-o', 'name']);
    expect(classes.stdout).toContain('gatewayclass.gateway.networking.k8s.io/grpcroute-reference');
  } finally {
    child.kill('SIGTERM');
  }
  const result = await child;
  expect(result.exitCode).toBe(0);
});
