// The world beyond the open file, for the language server: the ConfigMaps, Secrets and Services of the
// workspace folders' other YAML files (workspaceIndex.ts), the nearest `.podlab/cluster.yaml` and the settings
// (clusterFile.ts). The folders are read after initialize and when workspace/didChangeWorkspaceFolders adds one
// (a removed folder's files leave the world), asynchronously and bounded (scan.ts), then followed through
// workspace/didChangeWatchedFiles; an open document stands for its file's disk version. When
// the world changes, `changed` is called: the server re-plans the open documents, and since a prediction's key
// holds the world objects its document uses (predictionInputs.ts), only those that use what changed simulate.
import { dirname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { DeclaredWorld } from '../../../simulator/src/index';
import type { FileAnalysis } from '../analysis/fileAnalysis';
import { diagnosticMessage } from '../features/diagnosticData';
import type { Declared } from '../features/declaredWorld';
import type { DocumentWorld } from '../features/predictionPass';
import type { Settings } from '../settings';
import { WORKSPACE_MAX_FILES } from '../limits';
import { CLUSTER_FILE, declaredWorld, readClusterFile, settingsWorld, type ClusterFile } from './clusterFile';
import { objectsOfAnalysis, objectsOfTextInSlices, WorkspaceIndex } from './workspaceIndex';
import { isYamlPath, readWorkspaceFile, yamlFiles } from './scan';

export interface WorldEvents {
  /** The world of some open documents changed. */
  changed(): void;
  log(message: string): void;
  /** Diagnostics of a file that is not open (a cluster file read from disk). */
  publish(uri: string, diagnostics: Diagnostic[]): void;
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const CLUSTER_SUFFIX = `${sep}${CLUSTER_FILE.split('/').join(sep)}`;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceWorld {
  private readonly index = new WorkspaceIndex();
  private folders: string[] = [];
  /** By the folder that holds `.podlab/` (the cluster file applies to the files under it). */
  private readonly clusterFiles = new Map<string, ClusterFile>();
  private setting: DeclaredWorld = {};
  private readonly open = new Set<string>();
  private readonly declaredCache = new Map<string, Declared>();

  constructor(private readonly events: WorldEvents) {}

  setSettings(settings: Settings): void {
    const s = settingsWorld(settings);
    for (const p of s.problems) this.events.log(p);
    this.setting = s.world;
    this.declaredCache.clear();
  }

  /** Reads the folders' YAML files, one per turn of the event loop; then the open documents are re-planned. */
  start(folderUris: readonly string[]): Promise<void> {
    return this.foldersChanged(folderUris, []);
  }

  /**
   * workspace/didChangeWorkspaceFolders: a removed folder's files and cluster files leave the world (unless another
   * folder holds them), an added folder is read like the first ones. The open documents are then re-planned, and
   * an open one in an added folder indexes itself as it is re-published (openChanged).
   */
  async foldersChanged(addedUris: readonly string[], removedUris: readonly string[]): Promise<void> {
    const removed = new Set(removedUris.flatMap((u) => pathOf(u) ?? []));
    const added = addedUris.flatMap((u) => pathOf(u) ?? []).filter((f) => !this.folders.includes(f));
    this.folders = [...this.folders.filter((f) => !removed.has(f)), ...added];
    if (removed.size > 0) this.forgetOutside([...removed]);
    for (const folder of added) {
      const { files, capped } = await yamlFiles(folder);
      if (capped)
        this.events.log(
          `${folder} has more than ${WORKSPACE_MAX_FILES} YAML files; the workspace index holds the first`,
        );
      for (const file of files) {
        if (!this.folders.includes(folder)) break; // removed while it was read
        // An open file's document stands for it (openChanged): reading it from disk would only cost time.
        if (this.open.has(file)) continue;
        await this.read(file);
        await turn();
      }
    }
    // A folder removed while it was read may have had a file read in flight.
    const dropped = added.filter((f) => !this.folders.includes(f));
    if (dropped.length > 0) this.forgetOutside(dropped);
    this.events.log(`workspace index: ${this.index.size} files with ConfigMaps, Secrets or Services`);
    this.events.changed();
  }

  async filesChanged(changes: readonly { uri: string; type: number }[]): Promise<void> {
    let changed = false;
    for (const c of changes) {
      const path = pathOf(c.uri);
      if (path === undefined || !isYamlPath(path) || this.open.has(path) || !this.inFolders(path)) continue;
      if (await this.read(path)) changed = true;
    }
    if (changed) this.events.changed();
  }

  isClusterFile(uri: string): boolean {
    return pathOf(uri)?.endsWith(CLUSTER_SUFFIX) === true;
  }

  /** An open cluster file's text: its diagnostics; the world follows its content. */
  openClusterFile(uri: string, text: string): Diagnostic[] {
    const path = pathOf(uri)!;
    this.open.add(path);
    const file = readClusterFile(text);
    if (this.setCluster(path, file)) this.events.changed();
    return file.diagnostics;
  }

  /** A document was opened: from now on it stands for its file, which the workspace scan then skips. */
  opened(uri: string): void {
    const path = pathOf(uri);
    if (path !== undefined) this.open.add(path);
  }

  /** An open document's analysis stands for its file: true when that changed the other documents' world. */
  openChanged(uri: string, analysis: FileAnalysis): boolean {
    const path = pathOf(uri);
    if (path === undefined || analysis.partial) return false;
    this.open.add(path);
    return this.inFolders(path) && this.index.set(path, objectsOfAnalysis(analysis));
  }

  /** Closed: the file on disk counts again. */
  closed(uri: string): void {
    const path = pathOf(uri);
    if (path === undefined || !this.open.delete(path)) return;
    void this.read(path).then((changed) => changed && this.events.changed());
  }

  /** What a document's predictions take from beyond its file. */
  worldOf(uri: string): DocumentWorld {
    const path = pathOf(uri);
    const folder = path === undefined ? undefined : this.folders.find((f) => path.startsWith(f + sep));
    const clusterDir = path === undefined ? undefined : this.nearestCluster(path);
    let declared = this.declaredCache.get(clusterDir ?? '');
    if (declared === undefined) {
      declared = declaredWorld(
        clusterDir === undefined ? undefined : this.clusterFiles.get(clusterDir)?.world,
        this.setting,
      );
      this.declaredCache.set(clusterDir ?? '', declared);
    }
    return { declared, workspace: path && folder ? this.index.worldFor(path, folder) : [] };
  }

  /** Drops what no workspace folder holds any more: the index's files, the cluster files read from `gone`. */
  private forgetOutside(gone: readonly string[]): void {
    this.index.retain((path) => this.inFolders(path));
    const under = (path: string) => gone.some((f) => path === f || path.startsWith(f + sep));
    for (const dir of [...this.clusterFiles.keys()]) {
      const file = `${dir}${CLUSTER_SUFFIX}`;
      if (under(file) && !this.inFolders(file) && !this.open.has(file)) this.clusterFiles.delete(dir);
    }
    this.declaredCache.clear();
  }

  private inFolders(path: string): boolean {
    return this.folders.some((f) => path.startsWith(f + sep));
  }

  private nearestCluster(path: string): string | undefined {
    let best: string | undefined;
    for (const dir of this.clusterFiles.keys())
      if (path.startsWith(dir + sep) && (best === undefined || dir.length > best.length)) best = dir;
    return best;
  }

  /** Reads a file from disk into the world; true when that changed it. */
  private async read(path: string): Promise<boolean> {
    const text = await readWorkspaceFile(path);
    if (path.endsWith(CLUSTER_SUFFIX)) {
      const file = text === undefined ? undefined : readClusterFile(text);
      this.events.publish(pathToFileURL(path).toString(), file?.diagnostics ?? []);
      for (const d of file?.diagnostics ?? [])
        if (d.severity === DiagnosticSeverity.Error)
          this.events.log(`${path}:${d.range.start.line + 1}: ${diagnosticMessage(d)}`);
      return this.setCluster(path, file);
    }
    // Opened while it was read: its document stands for it now, and is being analysed for its diagnostics (the
    // client opens a file right after initialize, while the folders are read): this analysis would be thrown
    // away, and would hold the first diagnostics back.
    const opened = () => this.open.has(path);
    const objects = text === undefined || opened() ? [] : await objectsOfTextInSlices(text, path, turn, opened);
    if (opened()) return false;
    return this.index.set(path, objects);
  }

  private setCluster(path: string, file: ClusterFile | undefined): boolean {
    const dir = dirname(dirname(path));
    const before = JSON.stringify(this.clusterFiles.get(dir)?.world);
    if (file === undefined) this.clusterFiles.delete(dir);
    else this.clusterFiles.set(dir, file);
    if (JSON.stringify(file?.world) === before) return false;
    this.declaredCache.clear();
    return true;
  }
}
