/**
 * Seeded pseudo-random numbers for tests: uniforms from the package's `seededRandom` (mulberry32; a generator of
 * inputs, not a computation under test) and the Box-Muller transform for standard normals.
 */
/** Standard normal draws by Box-Muller, using both values of each pair. */
export function normalGenerator(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    let u = uniform();
    while (u <= 0) u = uniform();
    const v = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}

/** `n` ascending synthetic ISO dates (consecutive calendar days from `start`). */
export function isoDates(n: number, start = Date.UTC(2000, 0, 3)): string[] {
  const dates: string[] = [];
  for (let t = 0; t < n; t++) dates.push(new Date(start + t * 86_400_000).toISOString().slice(0, 10));
  return dates;
}
