// How many real manifests resolve a ConfigMap, Secret or Service from their own file, or only from the other
// files of their repository (the language server's workspace index), issue 9. Each pod-carrying document is
// simulated (1 minute: references are resolved at the first container start) with the world of its own file,
// then with the workspace's added; a ConfigMap or Secret "resolves" when a pod of the run read it
// (trace `world.objects[].usedBy`), a Service when the document names one that exists (the simulator then
// resolves its DNS name). Usage: node --import tsx scripts/worldCoverage.ts [CORPUS_DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { predict, simulate } from '../simulator/src/index';
import { analyzeFile } from '../server/src/analysis/fileAnalysis';
import { predictionJob, worldObjects, type PredictionJob } from '../server/src/features/predictionInputs';
import { objectsOfText, WorkspaceIndex } from '../server/src/workspace/workspaceIndex';
import { yamlFiles } from '../server/src/workspace/scan';

interface Resolved {
  configs: number;
  services: number;
  /** The predictions (10 minutes, as the editor's), as code@path. */
  predictions: string;
}

function resolved(job: PredictionJob): Resolved {
  const result = simulate(job.objects, { until: 600, services: job.services, world: job.world });
  const world = result.traceAt(600).world;
  const configs = (world?.objects ?? []).filter(
    (o) => o.kind !== 'PersistentVolumeClaim' && o.from.kind === 'file' && o.usedBy.length > 0,
  ).length;
  const predictions = predict(result, { defaultCluster: true })
    .map((p) => `${p.code}@${p.paths[0] ?? ''}`)
    .join(' ');
  return { configs, services: job.services.length, predictions };
}

async function main(): Promise<void> {
  const corpus = process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpus', 'real');
  const counts = {
    documents: 0,
    ownConfig: 0,
    ownService: 0,
    folderConfig: 0,
    folderService: 0,
    either: 0,
    changed: 0,
  };
  for (const repo of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const root = join(corpus, repo.name);
    const { files } = await yamlFiles(root);
    const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    const index = new WorkspaceIndex();
    for (const [path, text] of texts) index.set(path, objectsOfText(text, path));
    for (const [path, text] of texts) {
      const analysis = analyzeFile(text, Infinity, undefined, path);
      const own = worldObjects(analysis);
      const around = [...index.worldFor(path, root), ...own];
      for (const c of analysis.chunks) {
        const alone = predictionJob(c, own);
        if (alone === undefined) continue;
        counts.documents++;
        const a = resolved(alone);
        const w = resolved(predictionJob(c, around)!);
        if (a.configs > 0) counts.ownConfig++;
        if (a.services > 0) counts.ownService++;
        if (w.configs > a.configs) counts.folderConfig++;
        if (w.services > a.services) counts.folderService++;
        if (w.configs > 0 || w.services > 0) counts.either++;
        if (w.predictions !== a.predictions) {
          counts.changed++;
          console.log(`changed: ${path} doc ${c.firstDoc}: [${a.predictions}] → [${w.predictions}]`);
        }
      }
    }
  }
  console.log(`${counts.documents} pod-carrying documents in ${corpus}`);
  console.log(
    `read a ConfigMap/Secret of their own file: ${counts.ownConfig}; one more from another file of the repository: ${counts.folderConfig}`,
  );
  console.log(
    `name a Service of their own file: ${counts.ownService}; one more from another file of the repository: ${counts.folderService}`,
  );
  console.log(`resolve at least one ConfigMap, Secret or Service from their file or repository: ${counts.either}`);
  console.log(`predictions changed by the repository's objects: ${counts.changed}`);
}

void main();
