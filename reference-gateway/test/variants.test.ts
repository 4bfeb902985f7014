import { describe, expect, it } from 'vitest';
import { FAULTS } from '../src/faults.ts';
import { resolveSwitches } from '../src/faults.ts';
import { VARIANTS } from '../src/variants.ts';

describe('neutral variants', () => {
  it('are kebab-case, unique, never also a fault, and each says which text allows it', () => {
    const names = VARIANTS.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const variant of VARIANTS) {
      expect(variant.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(FAULTS.some((f) => f.name === variant.name)).toBe(false);
      expect(variant.allowedBy.length).toBeGreaterThan(20);
    }
  });

  it('are switched on beside faults, and an unknown name is a startup error', () => {
    expect([...resolveSwitches(['ignore-weights'], ['own-entry-last'])]).toEqual(['ignore-weights', 'own-entry-last']);
    expect(() => resolveSwitches([], ['ignore-weights'])).toThrow(/unknown variant/);
  });
});
