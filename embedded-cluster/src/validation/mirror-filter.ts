import { has, type JsonObject } from './json-shape.ts';
import { checkBackendObjectReference } from './object-references.ts';
import type { SchemaCheck } from './schema-check.ts';

/** HTTPRequestMirrorFilter: backendRef plus an optional `percent` or `fraction`, never both. */
export function checkMirrorFilter(c: SchemaCheck, mirror: JsonObject, path: string): void {
  c.requireKeys(mirror, path, ['backendRef']);
  const backendRef = c.object(mirror, 'backendRef', path);
  if (backendRef) checkBackendObjectReference(c, backendRef, `${path}.backendRef`);
  c.integer(mirror, 'percent', path, { minimum: 0, maximum: 100 });
  const fraction = c.object(mirror, 'fraction', path);
  if (fraction) {
    const at = `${path}.fraction`;
    c.requireKeys(fraction, at, ['numerator']);
    const numerator = c.integer(fraction, 'numerator', at, { minimum: 0 });
    const denominator = c.integer(fraction, 'denominator', at, { minimum: 1 });
    if (numerator !== undefined && denominator !== undefined) {
      c.rule(numerator <= denominator, at, 'numerator must be less than or equal to denominator');
    }
  }
  const both = has(mirror, 'percent') && has(mirror, 'fraction');
  c.rule(!both, path, 'Only one of percent or fraction may be specified in HTTPRequestMirrorFilter');
}
