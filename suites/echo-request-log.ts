import type { KubeHelpers } from '../harness/kube/types.ts';

/** The fields of one echo-server request log line that tests read (see echo-server request-log.ts). */
export interface EchoRequestLogLine {
  readonly pod: string;
  readonly method: string;
  readonly authority: string;
  readonly requestId: string;
  readonly code: number;
  readonly cancelled: boolean;
  readonly durationMs: number;
}

/**
 * Every request log line of the echo pods selected by `app=<app>` in `namespace`, across pods.
 * Lines that are not request log JSON (startup messages) are left out.
 */
export async function readEchoRequestLog(kube: KubeHelpers, namespace: string, app: string): Promise<EchoRequestLogLine[]> {
  const pods = await kube.listPods(namespace, `app=${app}`);
  const logs = await Promise.all(pods.map((pod) => kube.podLogs({ name: pod.metadata.name, namespace })));
  return logs.flat().flatMap((line) => {
    const parsed = parseLine(line);
    return parsed ? [parsed] : [];
  });
}

function parseLine(line: string): EchoRequestLogLine | undefined {
  try {
    const value = JSON.parse(line) as Partial<EchoRequestLogLine>;
    return typeof value.requestId === 'string' && typeof value.pod === 'string' ? (value as EchoRequestLogLine) : undefined;
  } catch {
    return undefined;
  }
}
