/** A source of random numbers in [0, 1) with the helpers the sampling block needs. */
export interface RandomSource {
  next(): number;
  /** A whole number in [0, max). */
  int(max: number): number;
  /** Shuffles a copy of `items` (Fisher-Yates). */
  shuffled<T>(items: readonly T[]): T[];
}

/** splitmix32's finaliser: spreads every bit of the seed over the state. */
function mix(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** mulberry32: small, fast and good enough for sampling; not for secrets. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function fromGenerator(next: () => number): RandomSource {
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    shuffled(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
  };
}

/**
 * A random source; the same integer seed always gives the same sequence (the sampling block's
 * `random_seed`). Without a seed it draws from `Math.random`. Seeds beyond 32 bits keep their high bits.
 */
export function createRandom(seed: number | null): RandomSource {
  if (seed === null) return fromGenerator(Math.random);
  const big = BigInt(Math.trunc(seed));
  const low = Number(BigInt.asUintN(32, big));
  const high = Number(BigInt.asUintN(32, big >> 32n));
  return fromGenerator(mulberry32(mix(low ^ mix(high))));
}
