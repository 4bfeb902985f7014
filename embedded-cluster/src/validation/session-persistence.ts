import { has, type JsonObject } from './json-shape.ts';
import type { Pattern } from './patterns.ts';
import type { SchemaCheck, StringSchema } from './schema-check.ts';

const DURATION_SOURCE = '^([0-9]{1,5}(h|m|s|ms)){1,4}$';
const DURATION: StringSchema = { pattern: { source: DURATION_SOURCE, regex: new RegExp(DURATION_SOURCE) } satisfies Pattern };

/**
 * A rule's `sessionPersistence`, an experimental-channel field (the standard CRD prunes it). The
 * CRD defaults `type` to Cookie and `cookieConfig.lifetimeType` to Session; the rules read the
 * defaulted values, so absent ones are judged as those.
 */
export function checkSessionPersistence(c: SchemaCheck, rule: JsonObject, path: string): void {
  if (c.channel !== 'experimental') return;
  const session = c.object(rule, 'sessionPersistence', path);
  if (!session) return;
  const at = `${path}.sessionPersistence`;
  c.string(session, 'sessionName', at, { maxLength: 128 });
  c.string(session, 'absoluteTimeout', at, DURATION);
  const type = c.enumString(session, 'type', at, ['Cookie', 'Header']) ?? 'Cookie';
  const cookie = c.object(session, 'cookieConfig', at);
  const lifetime = cookie ? (c.enumString(cookie, 'lifetimeType', `${at}.cookieConfig`, ['Permanent', 'Session']) ?? 'Session') : undefined;
  c.rule(lifetime !== 'Permanent' || has(session, 'absoluteTimeout'), at, 'AbsoluteTimeout must be specified when cookie lifetimeType is Permanent');
  c.rule(!has(session, 'cookieConfig') || type === 'Cookie', at, 'cookieConfig can only be set with type Cookie');
}
