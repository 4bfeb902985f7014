import type { JsonObject } from './json-shape.ts';
import { GATEWAY_CONTROLLER, GROUP, KIND, NAMESPACE, OBJECT_NAME } from './patterns.ts';
import type { SchemaCheck } from './schema-check.ts';

/** gateway.networking.k8s.io GatewayClass; on update `controllerName` may not change. */
export function checkGatewayClass(c: SchemaCheck, obj: JsonObject, old?: JsonObject): void {
  c.requireKeys(obj, '', ['spec']);
  const spec = c.object(obj, 'spec', '');
  if (!spec) return;
  c.requireKeys(spec, 'spec', ['controllerName']);
  const controllerName = c.string(spec, 'controllerName', 'spec', GATEWAY_CONTROLLER);
  c.string(spec, 'description', 'spec', { maxLength: 64 });
  const parametersRef = c.object(spec, 'parametersRef', 'spec');
  if (parametersRef) {
    const at = 'spec.parametersRef';
    c.requireKeys(parametersRef, at, ['group', 'kind', 'name']);
    c.string(parametersRef, 'group', at, GROUP);
    c.string(parametersRef, 'kind', at, KIND);
    c.string(parametersRef, 'name', at, OBJECT_NAME);
    c.string(parametersRef, 'namespace', at, NAMESPACE);
  }
  // A transition rule (`self == oldSelf`): judged only when both versions carry the field.
  const oldSpec = old?.['spec'];
  const previous = typeof oldSpec === 'object' && oldSpec !== null ? (oldSpec as JsonObject)['controllerName'] : undefined;
  if (controllerName !== undefined && typeof previous === 'string') {
    // v1.7.0 generates the rule from +k8s:immutable, whose message differs.
    c.rule(controllerName === previous, 'spec.controllerName', c.since('v1.7.0') ? 'field is immutable' : 'Value is immutable');
  }
}
