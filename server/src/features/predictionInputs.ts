// What a document's simulation depends on, as a cache key. A document is simulated on its own, so its
// predictions are a function of (1) its own text, which the loader turns into the objects simulated, and
// (2) the world objects of the file that its simulation consults. Only those enter the key, so an edit to
// one document, or to a Service that document never names, re-simulates nothing else.
//
// "Consults": the simulator asks the world about a Service by DNS name only (behaviour/infer.ts
// processWorld: a host that is a cluster Service name resolves only if the Service exists); it never reads a
// Service's selector or ports. A host name the simulation resolves is written in the document (a command,
// an env value, a probe), so a world object is used by a document when the document names it, as a word of
// DNS-label characters. The list is general — (kind, name, content hash) — so that other kinds of world
// object (ConfigMaps, Secrets: referenced by name too) join it without changing the key. The simulation is
// given exactly the objects in its key, so its result is a pure function of the key (a name put together at
// run time from parts, like `$(PREFIX)-db`, is then not a known Service: the one case this rule misses).
import { createHash } from 'node:crypto';
import type { DeclaredWorld, SimObject, WorldObject as SimWorldObject } from '../../../simulator/src/index';
import type { AnalyzedChunk, ChunkResult, FileAnalysis } from '../analysis/fileAnalysis';
import { UNDECLARED, type Declared } from './declaredWorld';

export interface WorldObject {
  kind: string;
  /** As the simulator looks it up (lower case: DNS names are case-insensitive). */
  name: string;
  /** Of the text that defines it: any change to the object changes the key of the documents that use it. */
  hash: string;
  /** A ConfigMap or Secret as the simulator reads it (SimulateOptions.world). */
  object?: SimWorldObject;
}

/** Everything one document's simulation needs; `key` identifies its result. */
export interface PredictionJob {
  key: string;
  objects: SimObject[];
  /** The Services it names (SimulateOptions.services). */
  services: string[];
  /** The ConfigMaps and Secrets it names (SimulateOptions.world). */
  world: SimWorldObject[];
  /** The cluster and objects declared around the file (declaredWorld.ts); its key is part of `key`. */
  scenario?: DeclaredWorld;
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

// Per analysed text (a ChunkResult stands for one distinct text): its hash and the words it contains.
const hashes = new WeakMap<ChunkResult, string>();
const words = new WeakMap<ChunkResult, Set<string>>();

// From the result's own copy of the text: a word cut from the file's text would keep the whole file alive.
function textHash(c: AnalyzedChunk): string {
  let h = hashes.get(c.result);
  if (h === undefined) hashes.set(c.result, (h = hashOf(c.result.text)));
  return h;
}

function wordsOf(c: AnalyzedChunk): Set<string> {
  let w = words.get(c.result);
  if (w === undefined) words.set(c.result, (w = new Set(c.result.text.toLowerCase().split(/[^a-z0-9-]+/))));
  return w;
}

/** The world objects a file defines (its Services, ConfigMaps and Secrets), each with the hash of its document. */
export function worldObjects(analysis: FileAnalysis): WorldObject[] {
  const out: WorldObject[] = [];
  for (const c of analysis.chunks) {
    for (const name of c.result.manifest.services)
      out.push({ kind: 'Service', name: name.toLowerCase(), hash: textHash(c) });
    for (const object of c.result.manifest.world)
      out.push({ kind: object.kind, name: object.name.toLowerCase(), hash: textHash(c), object });
  }
  return out;
}

/** The world objects a document names (see the header), in the file's order. */
function usedBy(c: AnalyzedChunk, world: readonly WorldObject[]): WorldObject[] {
  if (world.length === 0) return [];
  const w = wordsOf(c);
  // A ConfigMap's name may hold dots (`app.config`), which split words: each part must be there.
  return world.filter((o) => w.has(o.name) || (o.name.includes('.') && o.name.split('.').every((p) => w.has(p))));
}

/**
 * The simulation a document needs, or undefined when it has nothing to simulate: no workload, or an error
 * that stops the loader (unknown fields do not: the loader simulates the object without them).
 */
export function predictionJob(
  c: AnalyzedChunk,
  world: readonly WorldObject[],
  declared: Declared = UNDECLARED,
): PredictionJob | undefined {
  const against = worldKey(world);
  const known = jobs.get(c.result);
  if (known && known.against === against && known.declared === declared.key) return known.job;
  const job = jobOf(c, world, declared);
  jobs.set(c.result, { against, declared: declared.key, job });
  return job;
}

/**
 * Each document's job, with the world and declared cluster it was made against: a keystroke plans every
 * document of the file again (predictionPass.ts), and all but the edited one then have theirs already.
 */
const jobs = new WeakMap<ChunkResult, { against: string; declared: string; job: PredictionJob | undefined }>();
const worldKeys = new WeakMap<readonly WorldObject[], string>();

/** What identifies a world: each object's kind, name and content (a plan's world is one array, keyed once). */
function worldKey(world: readonly WorldObject[]): string {
  let key = worldKeys.get(world);
  if (key === undefined) worldKeys.set(world, (key = world.map((o) => `${o.kind}/${o.name}/${o.hash}`).join('\u0000')));
  return key;
}

function jobOf(c: AnalyzedChunk, world: readonly WorldObject[], declared: Declared): PredictionJob | undefined {
  const manifest = c.result.manifest;
  if (!c.result.kubernetes || manifest.objects.length === 0) return undefined;
  if (manifest.issues.some((i) => i.severity === 'error' && i.code !== 'unknown-field')) return undefined;
  const used = usedBy(c, world);
  const key = [declared.key, textHash(c), ...used.map((o) => `${o.kind}/${o.name}/${o.hash}`)].join('\u0000');
  return {
    key,
    objects: manifest.objects,
    services: used.filter((o) => o.kind === 'Service').map((o) => o.name),
    world: used.flatMap((o) => (o.object ? [o.object] : [])),
    ...(declared.key !== '' && { scenario: declared.scenario }),
  };
}
