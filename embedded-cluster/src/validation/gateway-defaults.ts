import { objectAt, type JsonObject } from './json-shape.ts';
import { GATEWAY_GROUP } from './patterns.ts';
import { defaultField, objectsAt } from './route-defaults.ts';

/** CRD defaults of a Gateway spec, in place. */
export function defaultGatewaySpec(spec: JsonObject): void {
  for (const address of objectsAt(spec, 'addresses')) defaultField(address, 'type', 'IPAddress');
  const frontend = objectAt(objectAt(spec, 'tls'), 'frontend');
  for (const config of [objectAt(frontend, 'default'), ...objectsAt(frontend, 'perPort').map((p) => objectAt(p, 'tls'))]) {
    defaultField(objectAt(config, 'validation'), 'mode', 'AllowValidOnly');
  }
  const clientCertificate = objectAt(objectAt(objectAt(spec, 'tls'), 'backend'), 'clientCertificateRef');
  defaultField(clientCertificate, 'group', '');
  defaultField(clientCertificate, 'kind', 'Secret');
  const allowedListeners = objectAt(spec, 'allowedListeners');
  defaultField(allowedListeners, 'namespaces', { from: 'None' });
  defaultField(objectAt(allowedListeners, 'namespaces'), 'from', 'None');
  for (const listener of objectsAt(spec, 'listeners')) defaultListener(listener);
}

/** CRD defaults of a ListenerSet spec, in place: its parentRef's group and kind, and its listeners as a Gateway's. */
export function defaultListenerSetSpec(spec: JsonObject): void {
  const parent = objectAt(spec, 'parentRef');
  defaultField(parent, 'group', GATEWAY_GROUP);
  defaultField(parent, 'kind', 'Gateway');
  for (const listener of objectsAt(spec, 'listeners')) defaultListener(listener);
}

function defaultListener(listener: JsonObject): void {
  defaultField(listener, 'allowedRoutes', { namespaces: { from: 'Same' } });
  const allowedRoutes = objectAt(listener, 'allowedRoutes');
  defaultField(allowedRoutes, 'namespaces', { from: 'Same' });
  defaultField(objectAt(allowedRoutes, 'namespaces'), 'from', 'Same');
  for (const kind of objectsAt(allowedRoutes, 'kinds')) defaultField(kind, 'group', GATEWAY_GROUP);
  const tls = objectAt(listener, 'tls');
  defaultField(tls, 'mode', 'Terminate');
  for (const ref of objectsAt(tls, 'certificateRefs')) {
    defaultField(ref, 'group', '');
    defaultField(ref, 'kind', 'Secret');
  }
}
