import { locateBinaries } from '../../harness/cluster/control-plane/binaries.ts';
import { startControlPlane, type RunningControlPlane } from '../../harness/cluster/control-plane/control-plane.ts';
import { freeLoopbackPorts } from '../differential/free-ports.ts';

export const isRoot = process.getuid?.() === 0;
export const built = (() => {
  try {
    locateBinaries({});
    return true;
  } catch {
    return false;
  }
})();

/** The real control plane on loopback in this network namespace, on free ports (tests run beside real runs). */
export async function startLoopbackPlane(): Promise<RunningControlPlane> {
  const [etcdClient, etcdPeer, apiserver, controllerManager] = await freeLoopbackPorts(4);
  return startControlPlane({
    binaries: locateBinaries({}),
    advertiseAddress: '127.0.0.1',
    ports: { etcdClient: etcdClient!, etcdPeer: etcdPeer!, apiserver: apiserver!, controllerManager: controllerManager! },
  });
}
