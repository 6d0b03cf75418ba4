// Seeded pseudo-random numbers for everything the simulator draws (generated names, UIDs, jitter).
//
// Generator: sfc32 (Chris Doty-Humphrey's "small fast chaotic" PRNG, 128-bit state, passes PractRand), seeded by
// cyrb128, a 128-bit string hash. Each stream is identified by a *key*: `createRng(seed)` hashes the seed, and
// `fork(label)` hashes the parent's key plus the label. A fork therefore depends only on the seed and the chain of
// labels, never on how many numbers the parent (or a sibling) has drawn: adding a pod to a manifest does not change
// the names of the other pods, as long as each pod draws from `rng.fork(<something stable about that pod>)`.

export interface Rng {
  /** Identifies the stream: the seed and the chain of fork labels. Two streams with equal keys are identical. */
  readonly key: string;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n); n must be a positive integer. */
  int(n: number): number;
  /** Uniform real in [min, max). */
  float(min: number, max: number): number;
  /** A uniformly chosen element; the array must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** An independent stream derived from this stream's key and `label` (not from its current position). */
  fork(label: string): Rng;
}

/** A stream for `seed` (any number; integers are the usual choice, e.g. `podlab run --seed 42`). */
export function createRng(seed: number): Rng {
  return new Sfc32(`podlab:${Object.is(seed, -0) ? 0 : seed}`);
}

/**
 * sfc32 over a key's hash. A class, not closures: every pod and every controller sync forks a stream, and a month of
 * a CronJob's Jobs forks a hundred thousand of them.
 */
class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly key: string) {
    const [s0, s1, s2, s3] = cyrb128(key);
    this.a = s0;
    this.b = s1;
    this.c = s2;
    this.d = s3;
    // Warm-up: the first outputs of sfc32 are correlated with the seed words.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  private nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`rng.int: expected a positive integer, got ${n}`);
    if (n <= 4294967296) return Math.floor(this.next() * n);
    // Wider ranges: combine two draws (53 bits).
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return Math.floor(((hi * 67108864 + lo) / 9007199254740992) * n);
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('rng.pick: empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  fork(label: string): Rng {
    return new Sfc32(`${this.key}\u0000${label}`);
  }
}

/** cyrb128 (bryc, public domain): four 32-bit words from a string. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044597);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044597);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
