import { describe, expect, it } from 'vitest';
import { parseChaos } from '../src/chaos.ts';
import { GatewayConfigError } from '../src/errors.ts';
import { FAULTS, parseFaultList, resolveFaults } from '../src/faults.ts';

describe('fault catalog', () => {
  it('merges controller and data-plane faults with unique kebab-case names', () => {
    const names = FAULTS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(FAULTS.filter((f) => f.layer === 'controller').length).toBeGreaterThanOrEqual(12);
    expect(FAULTS.some((f) => f.layer === 'data-plane')).toBe(true);
  });

  it('parses the env list and rejects unknown names', () => {
    expect([...resolveFaults(parseFaultList(' slow-programming, ,ignore-reference-grant'))]).toEqual(['slow-programming', 'ignore-reference-grant']);
    expect(() => resolveFaults(['no-such-fault'])).toThrow(GatewayConfigError);
  });
});

describe('chaos settings', () => {
  it('parses key=value lists and rejects bad input', () => {
    expect(parseChaos('maxDelayMs=3000,slowFraction=0.2')).toEqual({ maxDelayMs: 3000, slowFraction: 0.2, seed: undefined });
    expect(parseChaos('')).toBeUndefined();
    expect(() => parseChaos('maxDelay=3')).toThrow(GatewayConfigError);
    expect(() => parseChaos('slowFraction=2')).toThrow(GatewayConfigError);
  });
});
