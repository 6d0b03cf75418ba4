// Object names as the Kubernetes controllers make them.
//
// - Random suffixes: apimachinery `util/rand` (`String`, `SafeEncodeString`) and apiserver
//   `storage/names.SimpleNameGenerator` (metadata.generateName): base cut to 58 characters + 5 random characters.
// - Deployment → ReplicaSet: `<deployment>-<pod-template-hash>`; the hash is FNV-32a over the pod template, printed in
//   decimal and passed through SafeEncodeString (k/k `pkg/controller/controller_utils.go` ComputeHash). Upstream hashes
//   the *defaulted Go struct* printed by spew; we hash a canonical JSON of the template as given, so our hashes look
//   like real ones and are stable, but are not byte-for-byte the hash a cluster would compute.
// - ReplicaSet/Job/DaemonSet → Pod: generateName `<owner>-`.
// - CronJob → Job: `<cronjob>-<scheduled time in minutes since the epoch>` (k/k `pkg/controller/cronjob/utils.go`).
// - StatefulSet → Pod: `<statefulset>-<ordinal>`.
import type { Rng } from './rng';

/** The alphabet of `rand.String` / `SafeEncodeString`: no vowels (no words), no 0/1/3 (look like letters). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** apimachinery `maxGeneratedNameLength` = 63 − 5. */
const MAX_GENERATE_NAME_BASE = 58;
/** apimachinery `randomLength`. */
const GENERATED_SUFFIX_LENGTH = 5;

/** `rand.SafeEncodeString`: maps every character to `SAFE_ALPHABET[codePoint % 27]`. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[(ch.codePointAt(0) ?? 0) % SAFE_ALPHABET.length];
  return out;
}

/** `rand.String(n)`: n characters drawn from `SAFE_ALPHABET`. */
function randomString(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += SAFE_ALPHABET[rng.int(SAFE_ALPHABET.length)];
  return out;
}

/**
 * `metadata.generateName` as the API server fills it: `base` (the prefix, normally ending in `-`, e.g.
 * `web-5d8f7c9b6d-`) cut to 58 characters, then 5 random characters.
 */
export function generateName(base: string, rng: Rng): string {
  const prefix = base.length > MAX_GENERATE_NAME_BASE ? base.slice(0, MAX_GENERATE_NAME_BASE) : base;
  return prefix + randomString(rng, GENERATED_SUFFIX_LENGTH);
}

/** A random RFC 4122 version-4 UID (`metadata.uid`), drawn from `rng`. */
export function generateUid(rng: Rng): string {
  const hex = '0123456789abcdef';
  let out = '';
  for (let i = 0; i < 32; i++) {
    let nibble = rng.int(16);
    if (i === 12) nibble = 4; // version
    if (i === 16) nibble = 8 | (nibble & 3); // variant 10xx
    out += hex[nibble];
    if (i === 7 || i === 11 || i === 15 || i === 19) out += '-';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Hashing

/** FNV-1a, 32 bit, over bytes. */
export function fnv32a(bytes: readonly number[] | Uint8Array, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** UTF-8 bytes of a string (no TextEncoder: the simulator runs without DOM or Node libraries). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/**
 * JSON with object keys sorted, so that equal objects print equally whatever their key order. Keys whose value is
 * `null` or `undefined` are left out: in Kubernetes objects `null` means "unset", so `{a: null}` equals `{}`.
 * Empty objects and arrays are kept (Go distinguishes nil from empty).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object': {
      const obj = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        const v = obj[key];
        if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
        parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return 'null';
  }
}

/**
 * The `pod-template-hash` label value for a Deployment's pod template: FNV-32a over the canonical JSON of the
 * template, `collisionCount` (Deployment `status.collisionCount`) mixed in as 8 little-endian bytes when given,
 * decimal, SafeEncodeString. Independent of key order. Typically 9–10 characters, e.g. `5d8f7c9b6d`.
 */
export function podTemplateHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(utf8Bytes(canonicalJson(template)));
  if (collisionCount !== undefined) {
    const c = collisionCount >>> 0;
    h = fnv32a([c & 255, (c >>> 8) & 255, (c >>> 16) & 255, (c >>> 24) & 255, 0, 0, 0, 0], h);
  }
  return safeEncodeString(String(h));
}

// ---------------------------------------------------------------------------------------------------------------
// Names of owned objects

/** Anything with a name: a string, or an object with `metadata.name`. */
export type Named = string | { metadata?: { name?: string | null } | null };

function nameOf(x: Named): string {
  return typeof x === 'string' ? x : (x.metadata?.name ?? '');
}

/** `<deployment>-<pod-template-hash>`. */
export function replicaSetName(deployment: Named, template: unknown, collisionCount?: number): string {
  return `${nameOf(deployment)}-${podTemplateHash(template, collisionCount)}`;
}

/** The generateName prefix of pods owned by a ReplicaSet, Job or DaemonSet: `<owner>-`. */
function ownedPodPrefix(owner: Named): string {
  return `${nameOf(owner)}-`;
}

/** A pod of a ReplicaSet, Job or DaemonSet: `<owner>-<5 random>` (owner cut so the prefix fits 58 characters). */
export function ownedPodName(owner: Named, rng: Rng): string {
  return generateName(ownedPodPrefix(owner), rng);
}

/** The Job a CronJob creates for a scheduled time: `<cronjob>-<minutes since the epoch>`. */
export function jobNameForCronJob(cronJob: Named, scheduledTimeEpochSeconds: number): string {
  return `${nameOf(cronJob)}-${Math.trunc(scheduledTimeEpochSeconds / 60)}`;
}

/** A StatefulSet pod: `<statefulset>-<ordinal>`. */
export function statefulSetPodName(statefulSet: Named, ordinal: number): string {
  return `${nameOf(statefulSet)}-${ordinal}`;
}
