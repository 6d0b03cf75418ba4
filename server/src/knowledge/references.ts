// Names a field can refer to, read from the (tolerantly parsed) document: the ports of the enclosing
// container, the containers and volumes of the pod spec, and — for a Service — the ports of the pods its
// selector picks in the other documents of the file.
import type { Document } from 'yaml';
import { mapSelectorMatches, type Path } from '../../../simulator/src/index';
import { nodeAt, plain, rootString } from './yamlAst';
import { splitDocuments, type Chunk } from '../../../simulator/src/index';
import { ownCopy, parseChunk } from './yamlDoc';
import { podLabelsPath, POD_SPEC_PATHS } from './wellKnown';
import { MAX_SCAN_CHARS } from '../limits';

export interface PortRef {
  name?: string;
  port: number;
  /** Where it comes from, e.g. `container web`. */
  source: string;
}

export const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Path of the container a path is inside of (`…containers, 2`), if any. */
export function containerPathOf(path: Path): Path | undefined {
  for (let i = path.length - 2; i >= 0; i--) {
    if (CONTAINER_LISTS.has(String(path[i])) && typeof path[i + 1] === 'number') return path.slice(0, i + 2);
  }
  return undefined;
}

function portsOf(container: unknown): PortRef[] {
  if (!isObj(container)) return [];
  const out: PortRef[] = [];
  for (const p of list(container['ports'])) {
    if (!isObj(p) || typeof p['containerPort'] !== 'number') continue;
    const ref: PortRef = { port: p['containerPort'], source: `container ${containerName(container['name'])}` };
    if (typeof p['name'] === 'string' && p['name'] !== '') ref.name = p['name'];
    out.push(ref);
  }
  return out;
}

/** A container's name as a reference's source says it: `?` for a missing or non-scalar name. */
function containerName(name: unknown): string {
  return typeof name === 'string' || typeof name === 'number' || typeof name === 'boolean' ? String(name) : '?';
}

export function containerPorts(doc: Document.Parsed | undefined, containerPath: Path): PortRef[] {
  return portsOf(plain(nodeAt(doc, containerPath)));
}

function podSpecOf(doc: Document.Parsed | undefined, kind: string | undefined): Obj | undefined {
  const path = kind ? POD_SPEC_PATHS[kind] : undefined;
  const spec = path ? plain(nodeAt(doc, [...path])) : undefined;
  return isObj(spec) ? spec : undefined;
}

/** Names of the containers (regular, init, ephemeral) of the document's pod spec. */
export function containerNames(
  doc: Document.Parsed | undefined,
  kind: string | undefined,
): { name: string; list: string }[] {
  const spec = podSpecOf(doc, kind);
  const out: { name: string; list: string }[] = [];
  for (const l of CONTAINER_LISTS) {
    for (const c of list(spec?.[l]))
      if (isObj(c) && typeof c['name'] === 'string' && c['name'] !== '') out.push({ name: c['name'], list: l });
  }
  return out;
}

/** Names of the volumes of the document's pod spec. */
export function volumeNames(doc: Document.Parsed | undefined, kind: string | undefined): string[] {
  const spec = podSpecOf(doc, kind);
  return list(spec?.['volumes']).flatMap((v) => (isObj(v) && typeof v['name'] === 'string' ? [v['name']] : []));
}

interface PodTemplate {
  owner: string;
  labels: Record<string, string>;
  ports: PortRef[];
}

const TEMPLATE_CACHE = new Map<string, PodTemplate[]>();
const CACHE_SIZE = 256;

function templatesOf(chunk: Chunk): PodTemplate[] {
  const cached = TEMPLATE_CACHE.get(chunk.text);
  if (cached) return cached;
  const doc = parseChunk(chunk.text);
  const kind = rootString(doc, 'kind');
  const out: PodTemplate[] = [];
  const spec = podSpecOf(doc, kind);
  const labelsPath = kind ? podLabelsPath(kind) : undefined;
  if (spec && labelsPath) {
    const labels = plain(nodeAt(doc, labelsPath));
    const name = plain(nodeAt(doc, ['metadata', 'name']));
    const owner = `${kind} ${typeof name === 'string' ? name : ''}`.trim();
    const ports = [...list(spec['containers']), ...list(spec['initContainers'])]
      .flatMap(portsOf)
      .map((p) => ({ ...p, source: `${p.source} (${owner})` }));
    if (isObj(labels))
      out.push({ owner, labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])), ports });
  }
  if (TEMPLATE_CACHE.size >= CACHE_SIZE) TEMPLATE_CACHE.delete(TEMPLATE_CACHE.keys().next().value as string);
  TEMPLATE_CACHE.set(ownCopy(chunk.text), out);
  return out;
}

/** Ports of the pods a Service's selector picks, from the other documents of the file. */
export function servicePodPorts(text: string, current: Chunk, doc: Document.Parsed | undefined): PortRef[] {
  const selector = plain(nodeAt(doc, ['spec', 'selector']));
  if (!isObj(selector) || Object.keys(selector).length === 0) return [];
  const sel = Object.fromEntries(Object.entries(selector).map(([k, v]) => [k, String(v)]));
  const out: PortRef[] = [];
  let budget = MAX_SCAN_CHARS;
  for (const chunk of splitDocuments(text)) {
    if (chunk.startOffset === current.startOffset || !chunk.text.includes('containerPort')) continue;
    budget -= chunk.text.length;
    if (budget < 0) break;
    for (const t of templatesOf(chunk)) if (mapSelectorMatches(sel, t.labels)) out.push(...t.ports);
  }
  return out;
}

/** The Services the other documents of the file define (name and namespace), in file order. */
export function fileServices(text: string, current: Chunk): { name: string; namespace: string }[] {
  const out: { name: string; namespace: string }[] = [];
  let budget = MAX_SCAN_CHARS;
  for (const chunk of splitDocuments(text)) {
    if (chunk.startOffset === current.startOffset || !/^kind:[ \t]*["']?Service\b/m.test(chunk.text)) continue;
    budget -= chunk.text.length;
    if (budget < 0) break;
    const doc = parseChunk(chunk.text);
    const name = plain(nodeAt(doc, ['metadata', 'name']));
    const ns = plain(nodeAt(doc, ['metadata', 'namespace']));
    const namespace = typeof ns === 'string' && ns !== '' ? ns : 'default';
    if (rootString(doc, 'kind') === 'Service' && typeof name === 'string' && name !== '') out.push({ name, namespace });
  }
  return out;
}
