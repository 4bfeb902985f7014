import { randomInt } from 'node:crypto';

// The alphabet Kubernetes uses for generated names: no vowels, no look-alike characters.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Five random characters, as in `generateName` and pod names. */
export function randomSuffix(length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
