// The world objects of the workspace's YAML files (README "The world the simulation sees"): each file's
// ConfigMaps, Secrets and Services as the open file's own are read (the same loader, predictionInputs.ts
// worldObjects), by file path. A file that does not parse, or a chart template, contributes nothing. When two
// files define the same ConfigMap or Secret differently (overlays, environments), which one the cluster has is
// not known: neither is used, so a reference to it stays unknown rather than wrongly found.
import { sep } from 'node:path';
import { looksLikeTemplate, splitDocuments } from '../../../simulator/src/index';
import { analyzeChunks, analyzeFile, type FileAnalysis } from '../analysis/fileAnalysis';
import { BACKGROUND_SLICE_MS, MAX_ANALYZED_CHARS } from '../limits';
import { worldObjects, type WorldObject } from '../features/predictionInputs';

/** The world objects a file's text defines (see objectsOfAnalysis). */
export function objectsOfText(text: string, path: string): WorldObject[] {
  // An empty previous analysis keeps the workspace's files out of the shared analysis cache (fileAnalysis.ts),
  // which is for the documents a user opens: thousands of files read once would push those out.
  return objectsOfAnalysis(analyzeFile(text, MAX_ANALYZED_CHARS, NOT_CACHED, path));
}

const NOT_CACHED: FileAnalysis = { chunks: [], kubernetes: false };

/**
 * objectsOfText in slices of BACKGROUND_SLICE_MS, awaiting `between` after each: the server reads the workspace
 * while the user types, and one file of hundreds of documents analysed at once held every request for a second
 * (issue 10 B: it was the open file itself, read from disk right after it was opened). Once `abandoned` says so
 * (checked after each slice), it stops and gives nothing.
 */
export async function objectsOfTextInSlices(
  text: string,
  path: string,
  between: () => Promise<void>,
  abandoned: () => boolean = () => false,
): Promise<WorldObject[]> {
  // Too large or a chart template: objectsOfAnalysis gives nothing for those.
  if (text.length > MAX_ANALYZED_CHARS || looksLikeTemplate(text, path)) return [];
  const split = splitDocuments(text);
  let analysis = analyzeChunks(split, NOT_CACHED, performance.now() + BACKGROUND_SLICE_MS);
  while (analysis.partial) {
    await between();
    if (abandoned()) return [];
    analysis = analyzeChunks(split, analysis, performance.now() + BACKGROUND_SLICE_MS);
  }
  return objectsOfAnalysis(analysis);
}

/** The world objects an analysed file defines; none when a document of it is not YAML or it is a template. */
export function objectsOfAnalysis(analysis: FileAnalysis): WorldObject[] {
  if (analysis.template !== undefined || analysis.tooLarge !== undefined) return [];
  if (analysis.chunks.some((c) => c.result.manifest.issues.some((i) => i.code === 'yaml-syntax'))) return [];
  return worldObjects(analysis);
}

interface Entry {
  objects: WorldObject[];
  /** Kind, name and hash of each object, to tell whether a new reading changes anything. */
  signature: string;
}

type Located = WorldObject & { path: string };

export class WorkspaceIndex {
  private readonly files = new Map<string, Entry>();
  private merged: Located[] | undefined;

  get size(): number {
    return this.files.size;
  }

  /** A file's objects (from disk, or from its open document); true when that changes the workspace's world. */
  set(path: string, objects: WorldObject[]): boolean {
    const signature = objects.map((o) => `${o.kind}/${o.name}/${o.hash}`).join('\u0000');
    const old = this.files.get(path);
    if (old?.signature === signature) return false;
    if (objects.length === 0 && old === undefined) return false;
    if (objects.length === 0) this.files.delete(path);
    else this.files.set(path, { objects, signature });
    this.merged = undefined;
    return true;
  }

  delete(path: string): boolean {
    return this.set(path, []);
  }

  /** Drops the files `keep` refuses (those of a workspace folder that was removed); true when any went. */
  retain(keep: (path: string) => boolean): boolean {
    let changed = false;
    for (const path of [...this.files.keys()]) if (!keep(path)) changed = this.delete(path) || changed;
    return changed;
  }

  /**
   * The objects of the other files of `folder` (a workspace folder: its projects are not another's), ambiguous
   * ones left out; `path`'s own objects come from its analysis.
   */
  worldFor(path: string, folder: string): WorldObject[] {
    return this.all().filter((o) => o.path !== path && o.path.startsWith(folder + sep));
  }

  private all(): Located[] {
    if (this.merged) return this.merged;
    const byName = new Map<string, Located[]>();
    for (const [path, e] of this.files)
      for (const o of e.objects) {
        const key = `${o.kind}/${o.object?.namespace ?? ''}/${o.name}`;
        const list = byName.get(key) ?? [];
        list.push({ ...o, path });
        byName.set(key, list);
      }
    const out: Located[] = [];
    for (const list of byName.values()) {
      const contents = new Set(list.map(content));
      // One definition (or several that agree) is the object; different ones leave it unknown.
      if (contents.size === 1) out.push(...list);
    }
    return (this.merged = out);
  }
}

/** What the simulation reads of an object: a Service only exists; a ConfigMap or Secret has its data. */
function content(o: WorldObject): string {
  if (!o.object) return '';
  return JSON.stringify([[...o.object.env], [...o.object.files]]);
}
