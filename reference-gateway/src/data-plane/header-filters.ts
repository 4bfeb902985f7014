import type { HeaderModifier } from '../model/data-plane-config.ts';
import type { FaultSet } from './faults.ts';
import type { HeaderMap } from './header-map.ts';

/**
 * Applies a RequestHeaderModifier or ResponseHeaderModifier in place: `set` replaces every value, `add`
 * appends a value after the existing ones (a repeated field), `remove` deletes every value. Names are
 * case-insensitive; HTTP/2 carries them lower-case.
 */
export function applyHeaderModifier(headers: HeaderMap, modifier: HeaderModifier, faults: FaultSet): void {
  for (const { name, value } of modifier.set) headers.set(name.toLowerCase(), [value]);
  for (const { name, value } of modifier.add) {
    const key = name.toLowerCase();
    const existing = headers.get(key);
    if (existing && !faults.has('add-replaces-instead-of-append')) {
      // The comma-joined-header-values variant writes the spec example's form, one "old,new" field.
      if (faults.has('comma-joined-header-values') && !key.endsWith('-bin')) headers.set(key, [[...existing, value].join(',')]);
      else existing.push(value);
    } else headers.set(key, [value]);
  }
  if (faults.has('remove-ignored')) return;
  for (const name of modifier.remove) headers.delete(name.toLowerCase());
}
