import { describe, expect, it } from 'vitest';
import { echoBasicLaunch } from '../src/echo-basic-env.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningPod } from '../src/echo-pod-runner.ts';
import { LogBuffer } from '../src/log-buffer.ts';
import type { AgentObject } from '../src/pod-object.ts';
import type { PodRunner } from '../src/pod-runtime.ts';
import { PodRuntime } from '../src/pod-runtime.ts';
import { isReadyWithoutProcessImage, isUpstreamEchoBasicImage } from '../src/upstream-images.ts';

describe('upstream images', () => {
  it("recognises upstream's echo-basic repositories (old and new) and coredns, any tag or digest", () => {
    expect(isUpstreamEchoBasicImage('registry.k8s.io/gateway-api/echo-basic:v1.5.1')).toBe(true);
    expect(isUpstreamEchoBasicImage('registry.k8s.io/gateway-api/conformance/echo-basic:v0.1.0')).toBe(true);
    expect(isUpstreamEchoBasicImage('registry.k8s.io/gateway-api/echo-basic@sha256:abc')).toBe(true);
    expect(isUpstreamEchoBasicImage('example.com/echo-basic:v1')).toBe(false);
    expect(isUpstreamEchoBasicImage('ghcr.io/grpcroute-conformance/echo-server:dev')).toBe(false);
    expect(isReadyWithoutProcessImage('registry.k8s.io/coredns/coredns:v1.12.2')).toBe(true);
    expect(isReadyWithoutProcessImage('registry.k8s.io/pause:3.10')).toBe(false);
  });
});

function fakeRunner(label: string, started: string[]): PodRunner {
  const running = new Map<string, RunningPod>();
  return {
    get: (key) => running.get(key),
    start: (pod) => {
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      started.push(`${label}:${key}`);
      const value = { uid: pod.metadata.uid ?? '', ip: label, logs: new LogBuffer(), stop: () => Promise.resolve() };
      running.set(key, value);
      return Promise.resolve(value);
    },
    stop: (key) => {
      running.delete(key);
      started.push(`${label}:stop:${key}`);
      return Promise.resolve();
    },
    linesOf: () => undefined,
    stopAll: () => Promise.resolve(),
  };
}

const pod = (name: string, ...images: string[]): AgentObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', uid: name }, spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } });

describe('PodRuntime', () => {
  it('sends a pod to the first runner that takes all its images, and stops it on the same one', async () => {
    const log: string[] = [];
    const runtime = new PodRuntime([
      { takes: (image) => image === 'a', runner: fakeRunner('A', log) },
      { takes: (image) => image === 'a' || image === 'b', runner: fakeRunner('B', log) },
    ]);
    expect(runtime.runs(['a'])).toBe(true);
    expect(runtime.runs(['a', 'b'])).toBe(true);
    expect(runtime.runs(['c'])).toBe(false);
    expect(runtime.runs([])).toBe(false);
    await runtime.start(pod('one', 'a'), () => undefined);
    await runtime.start(pod('two', 'a', 'b'), () => undefined);
    expect(runtime.get('ns/two')?.ip).toBe('B');
    await runtime.stop('ns/two');
    expect(runtime.get('ns/two')).toBeUndefined();
    expect(log).toEqual(['A:ns/one', 'B:ns/two', 'B:stop:ns/two']);
  });
});

describe('echoBasicLaunch', () => {
  it('writes files of Secret volumes below the pod folder and points the env there; probes the mode port', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'echo-basic-env-'));
    try {
      const tls: AgentObject = {
        ...pod('tls', 'registry.k8s.io/gateway-api/echo-basic:v1.5.1'),
        spec: {
          containers: [
            {
              name: 'c',
              image: 'registry.k8s.io/gateway-api/echo-basic:v1.5.1',
              volumeMounts: [{ name: 'secret-volume', mountPath: '/etc/secret-volume' }],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'TLS_SERVER_CERT', value: '/etc/secret-volume/crt' },
                { name: 'TCP_ECHO_SERVER', value: '1' },
              ],
            },
          ],
          volumes: [{ name: 'secret-volume', secret: { secretName: 's', items: [{ key: 'tls.crt', path: 'crt' }] } }],
        },
      };
      const secret: AgentObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'ns' }, data: { 'tls.crt': Buffer.from('CERT').toString('base64') } } as AgentObject;
      const launch = await echoBasicLaunch(tls, (tls.spec!.containers as Record<string, unknown>[])[0]!, { podIP: '10.245.0.9', node: { name: 'n', address: '10.244.0.1' }, lookup: (kind, name) => (kind === 'Secret' && name === 's' ? secret : undefined) }, dir);
      expect(launch.env.POD_NAME).toBe('tls');
      expect(launch.env.TLS_SERVER_CERT).toBe(join(dir, 'files', '/etc/secret-volume/crt'));
      expect(await readFile(launch.env.TLS_SERVER_CERT!, 'utf8')).toBe('CERT');
      expect(launch.probe).toEqual({ protocol: 'tcp', port: 3000 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
