/** Deterministic uniform [0, 1) generator (mulberry32), so simulated verdicts are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a key with probability proportional to its value. */
export function weightedPicker(shares: Readonly<Record<string, number>>, random: () => number): () => string {
  const entries = Object.entries(shares);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  return () => {
    let u = random() * total;
    for (const [name, weight] of entries) {
      u -= weight;
      if (u < 0) return name;
    }
    return entries[entries.length - 1]![0];
  };
}
