import { checkSpecAddresses, checkStatusAddresses } from './gateway-addresses.ts';
import { checkInfrastructure } from './gateway-infrastructure.ts';
import { checkGatewayTls } from './gateway-tls.ts';
import { has, isJsonObject, type JsonObject } from './json-shape.ts';
import { checkListener } from './listener.ts';
import { OBJECT_NAME } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

const MAX_LISTENERS = 64;

const optionalHostname = (l: JsonObject): string | undefined => (has(l, 'hostname') ? String(l['hostname']) : undefined);

// The five CEL rules on `spec.listeners`. They read name, port and protocol of every listener, so
// they are only judged once those required fields are present (their absence is already reported).
function checkListenerListRules(c: SchemaCheck, listeners: readonly JsonObject[], path: string): void {
  const rule = (holds: boolean, message: string): void => c.rule(holds, path, message);
  rule(listeners.every((l) => !['HTTP', 'TCP', 'UDP'].includes(String(l['protocol'])) || !has(l, 'tls')), "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']");
  rule(
    listeners.every((l) => {
      const tls = l['tls'];
      if (l['protocol'] !== 'HTTPS' || !isJsonObject(tls)) return true;
      return tls['mode'] === '' || tls['mode'] === 'Terminate';
    }),
    'tls mode must be Terminate for protocol HTTPS',
  );
  rule(
    listeners.every((l) => {
      const tls = l['tls'];
      return l['protocol'] !== 'TLS' || (isJsonObject(tls) && has(tls, 'mode') && tls['mode'] !== '');
    }),
    'tls mode must be set for protocol TLS',
  );
  rule(
    listeners.every((l) => !['TCP', 'UDP'].includes(String(l['protocol'])) || !has(l, 'hostname') || l['hostname'] === ''),
    "hostname must not be specified for protocols ['TCP', 'UDP']",
  );
  rule(listeners.every((a) => listeners.filter((b) => a['name'] === b['name']).length === 1), 'Listener name must be unique within the Gateway');
  const sameCombination = (a: JsonObject, b: JsonObject): boolean =>
    a['port'] === b['port'] && a['protocol'] === b['protocol'] && optionalHostname(a) === optionalHostname(b);
  rule(
    listeners.every((a) => listeners.filter((b) => sameCombination(a, b)).length === 1),
    'Combination of port, protocol and hostname must be unique for each listener',
  );
}

/**
 * `spec.listeners` of a Gateway or a ListenerSet: 1–64 listeners, each checked alone, then the
 * list-level CEL rules (the ListenerSet CRD copies the Gateway's, messages included).
 */
export function checkSpecListeners(c: SchemaCheck, spec: JsonObject): void {
  const items = c.list(spec, 'listeners', 'spec', { minItems: 1, maxItems: MAX_LISTENERS });
  const listeners: JsonObject[] = [];
  items.forEach((item, i) => {
    const listener = c.item(item, `spec.listeners[${i}]`);
    if (!listener) return;
    listeners.push(listener);
    checkListener(c, listener, `spec.listeners[${i}]`);
  });
  c.uniqueMapKeys(items, 'spec.listeners', 'name');
  const judgeable = listeners.length === items.length && listeners.every((l) => has(l, 'name') && has(l, 'port') && has(l, 'protocol'));
  if (judgeable) checkListenerListRules(c, listeners, 'spec.listeners');
}

/** gateway.networking.k8s.io Gateway. */
export function checkGateway(c: SchemaCheck, obj: JsonObject): void {
  c.requireKeys(obj, '', ['spec']);
  const spec = c.object(obj, 'spec', '');
  if (!spec) return;
  c.requireKeys(spec, 'spec', ['gatewayClassName', 'listeners']);
  c.string(spec, 'gatewayClassName', 'spec', OBJECT_NAME);
  checkSpecListeners(c, spec);
  checkSpecAddresses(c, spec);
  checkInfrastructure(c, spec);
  checkGatewayTls(c, spec);
}

/** What a write of a Gateway's status subresource is judged on. */
export function checkGatewayStatus(c: SchemaCheck, obj: JsonObject): void {
  const status = c.object(obj, 'status', '');
  if (status) checkStatusAddresses(c, status);
}
