import type { Route } from '../kube/objects.ts';
import { objectKey } from '../kube/objects.ts';
import type { CompiledRule, DataPlaneConfig, ListenerConfig } from '../model/data-plane-config.ts';
import type { GatewayState, ListenerAttachment } from './route-attachment.ts';
import type { ControllerSettings } from './settings.ts';

/** A route accepted on one listener, with its compiled rules. */
export interface AcceptedRoute {
  readonly route: Route;
  readonly gateway: GatewayState;
  readonly on: ListenerAttachment;
  readonly rules: readonly CompiledRule[];
}

/** Assembles the data-plane view: every programmed listener of our Gateways with the GRPCRoutes accepted on it. */
export function buildDataPlaneConfig(gateways: readonly (GatewayState & { readonly address: string })[], accepted: readonly AcceptedRoute[], settings: ControllerSettings): DataPlaneConfig {
  return {
    gateways: gateways.map((gateway) => ({
      key: gateway.key,
      address: gateway.address,
      listeners: [...gateway.listeners, ...(gateway.listenerSetListeners ?? [])]
        .filter((l) => l.programmed)
        .map((state): ListenerConfig => {
          // Listener states are unique objects; a ListenerSet's listeners are attached through its own parent state.
          const here = accepted.filter((a) => a.on.listener === state);
          const grpc = dedupe(here.filter((a) => a.route.kind === 'GRPCRoute'));
          const http = here.filter((a) => a.route.kind === 'HTTPRoute');
          const { listener } = state;
          const hostname = settings.faults.has('ignore-listener-hostname') ? undefined : listener.hostname?.toLowerCase();
          return {
            name: state.servedName ?? listener.name,
            port: listener.port,
            bindPort: bindPortOf(listener.port, settings),
            protocol: listener.protocol === 'HTTPS' ? 'HTTPS' : 'HTTP',
            ...(hostname ? { hostname } : {}),
            ...(state.certificates ? { certificates: state.certificates } : {}),
            routes: grpc.map((a) => ({
              key: objectKey(a.route),
              creationTimestamp: a.route.metadata.creationTimestamp ?? '',
              hostnames: a.on.hostnames,
              routeHostnames: (a.route.spec.hostnames ?? []).map((h) => h.toLowerCase()),
              rules: a.rules,
            })),
            httpRouteHostnames: [...new Set(http.flatMap((a) => (a.on.hostnames.length > 0 ? a.on.hostnames : ['*'])))],
          };
        }),
    })),
  };
}

/** A route attached to one listener through two parentRefs is served once (hostnames merged). */
function dedupe(list: readonly AcceptedRoute[]): AcceptedRoute[] {
  const byRoute = new Map<Route, AcceptedRoute>();
  for (const a of list) {
    const seen = byRoute.get(a.route);
    if (!seen) byRoute.set(a.route, a);
    else if (seen.on.hostnames.length > 0) {
      const hostnames = a.on.hostnames.length === 0 ? [] : [...new Set([...seen.on.hostnames, ...a.on.hostnames])];
      byRoute.set(a.route, { ...seen, on: { ...seen.on, hostnames } });
    }
  }
  return [...byRoute.values()];
}

/** Privileged ports are bound at port + lowPortOffset so the gateway runs as an ordinary user. */
export function bindPortOf(port: number, settings: ControllerSettings): number {
  return port < 1024 ? port + settings.lowPortOffset : port;
}
