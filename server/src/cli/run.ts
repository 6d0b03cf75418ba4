// `podlab run FILE`: simulate every pod-carrying document and print kubectl-style output or the trace.
import {
  causeRange,
  DEFAULT_HORIZON_SECONDS,
  loadManifest,
  looksLikeTemplate,
  templateToYaml,
  rangeOf,
  MAX_PODS,
  simulate,
  parseDuration,
  formatPodTable,
  formatDescribe,
  formatEvents,
  predict,
  declaresNodes,
  type LoadedManifest,
  type SimObject,
  type DescribeInput,
  type Prediction,
  type Trace,
  type TraceEvent,
  type TraceNote,
} from '../../../simulator/src/index';
import { flag, parseArgs, UsageError } from './args';
import { formatIssue, readInput, readScenario } from './files';
import { MAX_UNTIL_SECONDS } from '../limits';
import { REPEATS_MODES, traceForJson, writeJson, type RepeatsMode } from './traceJson';

const FORMATS = ['table', 'describe', 'events', 'json'] as const;
type Format = (typeof FORMATS)[number];

export interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function run(argv: readonly string[], io: Output): number {
  const args = parseArgs(argv, ['until', 'at', 'scenario', 'seed', 'format', 'repeats'], ['explain']);
  if (args.positionals.length !== 1) throw new UsageError('podlab run takes exactly one FILE');
  const file = args.positionals[0]!;
  const format = (flag(args, 'format') ?? 'table') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const repeats = (flag(args, 'repeats') ?? 'auto') as RepeatsMode;
  if (!REPEATS_MODES.includes(repeats))
    throw new UsageError(`--repeats must be one of ${REPEATS_MODES.join(', ')}, not "${repeats}"`);
  const untilText = flag(args, 'until');
  const until = untilText === undefined ? DEFAULT_HORIZON_SECONDS : duration(untilText, '--until');
  if (until > MAX_UNTIL_SECONDS)
    throw new UsageError(`--until ${flag(args, 'until')} is longer than the 366-day limit`);
  const at = flag(args, 'at') === undefined ? until : duration(flag(args, 'at')!, '--at');
  if (at > until) throw new UsageError(`--at (${at}s) is after --until (${until}s)`);
  const seedText = flag(args, 'seed') ?? '1';
  if (!/^-?\d{1,15}$/.test(seedText)) throw new UsageError(`--seed must be an integer, not "${seedText}"`);

  const scenario = readScenario(flag(args, 'scenario'), io);
  if (scenario === null) return 2;

  // A chart template is read with its actions as holes: what they write is not simulated (unknown).
  const input = readInput(file);
  const template = looksLikeTemplate(input, file) ? templateToYaml(input) : undefined;
  for (const p of template?.problems ?? [])
    io.err(`${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: error: ${p.message}`);
  if (template !== undefined && template.problems.length > 0) return 2;
  const manifest = loadManifest(template?.text ?? input);
  const errors = manifest.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    for (const i of errors) io.err(formatIssue(file, i));
    io.err(`podlab: ${errors.length} problem${errors.length > 1 ? 's' : ''} in ${file}; nothing was simulated`);
    return 2;
  }
  const tooMany = checkPodCount(manifest);
  if (tooMany !== undefined) {
    io.err(`${file}:${tooMany.line}: error: ${tooMany.message} [too-many-pods]`);
    return 2;
  }
  for (const s of manifest.skipped) io.err(`podlab: note: ${s.message}`);
  if (manifest.objects.length === 0) {
    io.err(`podlab: ${file} has no Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob to simulate`);
    return format === 'json'
      ? (io.out(
          JSON.stringify(
            { podlab: 1, until, at, seed: Number(seedText), pods: [], events: [], probes: [], notes: [] },
            null,
            2,
          ),
        ),
        0)
      : 0;
  }

  const result = simulate(manifest.objects, {
    until,
    seed: Number(seedText),
    services: manifest.services,
    world: manifest.world,
    namespaces: manifest.namespaces,
    ...(scenario ? { scenario } : {}),
    // The table reads the pods that exist at --at only: the run need not keep the others, nor events (--explain
    // reads the whole run).
    ...(format === 'table' && !args.flags.has('explain') ? { keep: { livePodsFrom: at } } : {}),
  });
  if (format === 'table') {
    // The table needs the pods that exist at --at only, not the whole trace (a month of a CronJob made 43,200).
    const live = result.livePodsAt(at);
    io.out(
      formatPodTable(
        live.map((p) => ({ name: p.name, namespace: p.namespace, columns: p.kubectl })),
        { keepOrder: false },
      ),
    );
    if (args.flags.has('explain'))
      io.out(explain(predict(result, { defaultCluster: !declaresNodes(scenario) }), manifest));
    report(result.notes, result.truncated, io);
    return 0;
  }
  const trace = result.traceAt(at);
  switch (format) {
    case 'json':
      writeJson(traceForJson(trace, repeats), io.out);
      break;
    case 'describe': {
      // Looked up once, not per pod: a month of a CronJob describes 43,200 pods against 432,000 events.
      const runtimes = new Map<string, (typeof result.pods)[number]>();
      for (const r of result.pods)
        if (!runtimes.has(`${r.name}@${r.createdAt / 1000}`)) runtimes.set(`${r.name}@${r.createdAt / 1000}`, r);
      const eventsOf = new Map<string, TraceEvent[]>();
      for (const e of trace.events) {
        const list = eventsOf.get(e.object);
        if (list) list.push(e);
        else eventsOf.set(e.object, [e]);
      }
      // kubectl describe pods lists the pods that exist: those removed by --at (a CronJob's old Jobs, a rollout's
      // old ReplicaSet) are gone from the API server. `--format events` and json still have them.
      const existing = trace.pods.filter((p) => p.removedAt === null || p.removedAt > at);
      const gone = trace.pods.length - existing.length;
      if (gone > 0)
        io.err(
          `podlab: note: ${gone} pod${gone === 1 ? ' was' : 's were'} removed before t=${at}s and ${gone === 1 ? 'is' : 'are'} not described, as kubectl would not (--format events lists them)`,
        );
      const blocks = existing.map((p) => {
        const runtime = runtimes.get(`${p.name}@${p.createdAt}`);
        const spec: DescribeInput['spec'] = runtime?.spec ?? null;
        // kubectl prints the deletion's own grace period (metadata.deletionGracePeriodSeconds).
        const metadata = {
          labels: runtime?.labels ?? {},
          ...(runtime?.deletedAt != null ? { deletionGracePeriodSeconds: runtime.deletionGrace / 1000 } : {}),
        };
        // formatDescribe keeps the pod's own events: the same list, found without reading every event.
        return formatDescribe({ pod: p, metadata, spec, events: eventsOf.get(`Pod/${p.name}`) ?? [] }, at);
      });
      io.out(blocks.join('\n\n'));
      break;
    }
    case 'events':
      io.out(formatEvents(trace.events, { causes: args.flags.has('explain') }));
      break;
  }
  if (args.flags.has('explain'))
    io.out(explain(predict(result, { defaultCluster: !declaresNodes(scenario) }), manifest));
  report(trace.notes, trace.truncated, io);
  return 0;
}

function report(notes: readonly TraceNote[], truncated: Trace['truncated'], io: Output): void {
  for (const n of notes) io.err(`podlab: ${n.level === 'warning' ? 'warning' : 'note'}: ${n.message}`);
  if (truncated) io.err(`podlab: warning: ${truncated.reason}`);
}

/** `--explain`: each predicted outcome with the line that causes it. */
function explain(predictions: Prediction[], manifest: LoadedManifest): string {
  if (predictions.length === 0) return '\nExplain: no trouble predicted.';
  const lines = ['', 'Explain:'];
  for (const p of predictions) {
    const r = causeRange(manifest, p.doc, p.paths[0] ?? '');
    lines.push(`  line ${r.start.line + 1} (${p.paths[0] ?? ''}): ${p.message}`);
    for (const c of p.changes) lines.push(`    fix: ${c.title}`);
  }
  return lines.join('\n');
}

function duration(text: string, name: string): number {
  const d = parseDuration(text);
  if (!d.ok) throw new UsageError(`${name}: ${d.error}`);
  return d.seconds;
}

function podsAsked(o: SimObject): number {
  // The objects are defaulted: replicas and parallelism are always there.
  if (o.kind === 'Deployment' || o.kind === 'ReplicaSet' || o.kind === 'StatefulSet') return o.value.spec.replicas;
  if (o.kind === 'Job') return o.value.spec.parallelism;
  return 1;
}

function checkPodCount(manifest: LoadedManifest): { line: number; message: string } | undefined {
  let total = 0;
  for (const o of manifest.objects) {
    const replicas = podsAsked(o);
    total += replicas;
    if (total > MAX_PODS) {
      const field = o.kind === 'Job' ? 'spec.parallelism' : 'spec.replicas';
      return {
        line: rangeOf(manifest, o.doc, field).start.line + 1,
        message: `${o.kind} ${o.value.metadata?.name ?? ''} asks for ${replicas} pods; PodLab simulates at most ${MAX_PODS} pods at once`,
      };
    }
  }
  return undefined;
}
