import { DataPlane } from '../../../src/data-plane/index.ts';
import { freePort } from './free-port.ts';

/** A loopback address in 127.3/16 for gateway servers of one test file, plus a port free on it. */
export async function gatewayAddress(): Promise<{ address: string; port: number }> {
  const address = `127.3.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  return { address, port: await freePort(address) };
}

/** A data plane with the given faults that records its log lines. */
export function dataPlaneWith(faults: readonly string[] = []): { plane: DataPlane; log: string[] } {
  const log: string[] = [];
  return { plane: new DataPlane({ faults: new Set(faults), log: (line) => log.push(line) }), log };
}
