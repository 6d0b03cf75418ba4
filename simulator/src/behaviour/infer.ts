// What a container's process does, inferred in this order: (1) the scenario override, field by field;
// (2) the container's command/args, interpreted (Kubernetes `$(VAR)` expansion, then the shell); (3) the
// image catalogue (ENTRYPOINT/CMD, env checks, ports, stop handling). Never throws.
import type { ProcessAccess, ProcessModel, StartFile } from './types';
import type { Signal } from './signals';
import type { EnvVal, World as ProcessWorld } from './shell';
import type { ContainerLike } from './container';
import type { BehaviourOverride } from './override';
import { lookupImage } from './catalog';
import { parseSignal } from './signals';
import { expandKubeVars, resolveEnv } from './expand';
import { containerEnv, type ContainerEnv } from '../world/env';
import type { World } from '../world/objects';
import { Interp } from './shell';
import { base } from './programKit';
import { containerStartError } from './exec';
import { clusterService } from './internal';
import { declaredPorts, flavourOf, plan, strings, unknownMemory } from './container';
import { applyOverride } from './override';

export { expandKubeVars, resolveEnv };
export { inferHook } from './hooks';
export type { HookResult } from './hooks';
export type { ContainerLike } from './container';
export type { BehaviourOverride } from './override';

export interface InferInput {
  container: ContainerLike;
  override?: BehaviourOverride;
  shareProcessNamespace?: boolean;
  /**
   * Names of the Services that exist (those the manifest defines). In-cluster DNS names (`db`, `db.ns.svc…`)
   * resolve only for these and for `kubernetes`; absent means none, as when the file is applied to an empty
   * namespace. Names outside the cluster are assumed to resolve.
   */
  services?: string[];
  /** Optional: what this run finds at a path where the engine knows (files earlier runs left on a volume). */
  files?: (path: string) => StartFile | undefined;
  /** The ConfigMaps and Secrets env may read (world/objects.ts); absent: every reference is unknown. */
  world?: World;
  /** The pod's namespace (where references are looked up); default `default`. */
  namespace?: string;
  /** Optional: who the process runs as and where it may not write (engine/podAccess.ts); absent: writes work. */
  access?: ProcessAccess;
}

/** The world a starting container sees: files only where the engine knows them; the network is not known, Services are. */
function processWorld(services: readonly string[] | undefined, files: InferInput['files']): ProcessWorld {
  const known = new Set([
    'kubernetes',
    ...(Array.isArray(services) ? services.filter((x) => typeof x === 'string').map((x) => x.toLowerCase()) : []),
  ]);
  return {
    file: (path) => {
      const f = typeof files === 'function' ? files(path) : undefined;
      return f === undefined
        ? 'unknown'
        : f.kind === 'missing'
          ? 'missing'
          : { content: f.kind === 'known' ? f.content : undefined };
    },
    connect: () => 'unknown',
    http: () => 'unknown',
    grpc: () => 'unknown',
    resolve: (host) => {
      const svc = clusterService(host);
      if (svc === undefined) return 'unknown';
      return known.has(svc) ? 'ok' : 'nxdomain';
    },
  };
}

export function inferProcess(input: InferInput): ProcessModel {
  try {
    return applyOverride(inferRaw(input), input.override);
  } catch (e) {
    const name = typeof input?.container?.name === 'string' ? input.container.name : 'container';
    return applyOverride(
      {
        source: 'unknown',
        description: `${name}: behaviour could not be inferred`,
        paths: [],
        notes: [`internal error while reading ${name} (${String(e).slice(0, 120)}): assumed to run until stopped`],
        listen: [],
        http: { routes: {}, defaultStatus: 200 },
        files: [],
        onStop: { action: 'exit', code: 143, afterSeconds: 0 },
        memoryMi: 1,
        memoryAfterSeconds: 0,
        tools: 'any',
        hasShell: true,
      },
      input?.override,
    );
  }
}

function inferRaw(input: InferInput): ProcessModel {
  const c: ContainerLike =
    input?.container && typeof input.container === 'object' ? input.container : { name: 'container' };
  const imageStr = typeof c.image === 'string' ? c.image : undefined;
  const image = lookupImage(imageStr);
  const env = containerEnv(c, input.world, input.namespace ?? 'default');
  const notes: string[] = [...(image?.notes ?? []), ...envNotes(env)];
  const used = new Set<string>();
  const unknownRefs: string[] = [];
  const p = plan(
    c,
    image,
    (n) => env.values[n],
    (n, found) => {
      if (env.index.has(n)) used.add(n);
      if (!found && (env.unknown.has(n) || env.openEnded)) unknownRefs.push(`$(${n})`);
    },
  );
  notes.push(...p.notes);

  // The process's environment: image ENV, then the container's env (valueFrom: set, value unknown).
  const procEnv = new Map<string, EnvVal>();
  procEnv.set('HOME', { value: '/root', unknown: false });
  procEnv.set('PATH', { value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', unknown: false });
  // Set by the runtime / kubelet with values that depend on the pod and the cluster.
  for (const k of [
    'HOSTNAME',
    'KUBERNETES_SERVICE_HOST',
    'KUBERNETES_SERVICE_PORT',
    'KUBERNETES_PORT',
    'KUBERNETES_SERVICE_PORT_HTTPS',
    'KUBERNETES_PORT_443_TCP',
    'KUBERNETES_PORT_443_TCP_ADDR',
    'KUBERNETES_PORT_443_TCP_PORT',
    'KUBERNETES_PORT_443_TCP_PROTO',
  ])
    procEnv.set(k, { unknown: true });
  for (const [k, v] of Object.entries(image?.env ?? {})) procEnv.set(k, { value: v, unknown: false });
  for (const [k, v] of Object.entries(env.values)) procEnv.set(k, { value: v, unknown: false });
  for (const k of env.unknown) procEnv.set(k, { unknown: true });
  const ownEnv = new Set([...env.index.keys()]);

  const lifecycle = c.lifecycle as { stopSignal?: unknown } | undefined;
  const stopSignal: Signal = parseSignal(lifecycle?.stopSignal) ?? image?.stopSignal ?? 'SIGTERM';
  const flavour = flavourOf(image);
  const mem = unknownMemory(c);
  const ports = declaredPorts(c);
  const interactive = c.stdin === true || c.tty === true;
  const world = processWorld(input.services, input.files);
  const interp = new Interp({
    mode: 'process',
    image,
    userland: flavour.userland === 'busybox' ? 'busybox' : 'gnu',
    oldBusybox: flavour.oldBusybox === true,
    sh: flavour.sh ?? 'dash',
    tools: image?.tools ?? 'any',
    toolsComplete: image?.toolsComplete === true,
    hasShell: image?.hasShell !== false,
    env: new Map([...procEnv].map(([k, v]) => [k, v])),
    declaredPorts: ports,
    interactive,
    pid1: input.shareProcessNamespace !== true,
    stopSignal,
    world,
    cwd: typeof c.workingDir === 'string' && c.workingDir.startsWith('/') ? c.workingDir : (image?.workingDir ?? '/'),
    unknownMemoryMi: mem.mi,
    // An envFrom source the world does not know may set any name: unset names are unknown, not empty.
    unsetUnknown: env.openEnded,
    ...(input.access !== undefined ? { access: input.access } : {}),
  });
  interp.markUnknown(unknownRefs);

  const argv = p.argv;
  const imgLabel = imageStr ?? '(no image)';
  const unknownImage = argv.length === 0 || argv[0] === '<image entrypoint>';
  const out = unknownImage
    ? interp.run(argv.slice(1), { unknownImage: imageStr === undefined ? 'no image' : `unknown image \`${imgLabel}\`` })
    : interp.run(argv);
  for (const n of out.usedEnv) if (ownEnv.has(n)) used.add(n);

  let description: string;
  let source: ProcessModel['source'];
  if (unknownImage) {
    source = 'unknown';
    description = `unknown image \`${imgLabel}\`${p.fromArgs ? ` with args ${(strings(c.args) ?? []).join(' ').slice(0, 60)}` : ''}`;
  } else {
    source = !out.recognised ? 'unknown' : p.fromCommand || p.fromArgs ? 'command' : 'image';
    const main = out.main || argv.join(' ');
    description = p.fromCommand || p.fromArgs ? main : `${image?.title ?? imgLabel}: ${main}`;
  }
  if (!out.recognised && out.end === undefined)
    notes.push(`memory assumed for the unknown program: ${mem.mi}Mi (${mem.note})`);
  if (image === undefined && imageStr !== undefined && !unknownImage)
    notes.push(`image \`${imgLabel}\` is not in the catalogue: tools for exec probes are assumed present`);
  notes.push(...out.notes);

  const paths: string[] = [];
  if (p.fromCommand) paths.push('command');
  if (p.fromArgs) {
    const shellArg = p.origin.find((o, i) => o.startsWith('args[') && i > 0 && /^-\w*c/.test(argv[i - 1] ?? ''));
    paths.push(shellArg ?? 'args');
  } else if (p.fromCommand) {
    const shellCmd = p.origin.find((o, i) => o.startsWith('command[') && i > 0 && /^-\w*c/.test(argv[i - 1] ?? ''));
    if (shellCmd) paths[0] = shellCmd;
  }
  if (p.fromImage || image !== undefined) paths.push('image');
  for (const n of used) {
    const i = env.index.get(n);
    if (i !== undefined) paths.push(env.unknown.has(n) ? `env[${i}].valueFrom` : `env[${i}].value`);
  }

  const model: ProcessModel = {
    source,
    description: description.replace(/\s+/g, ' ').slice(0, 160),
    paths: [...new Set(paths)],
    notes: [...new Set(notes)],
    listen: out.listen,
    http: out.http ?? { routes: {}, defaultStatus: 200 },
    files: out.files,
    ...(out.log.length > 0 ? { log: out.log } : {}),
    onStop: out.onStop,
    memoryMi: Math.max(0.5, Math.round(out.memoryMi * 10) / 10),
    memoryAfterSeconds: out.memoryAfter,
    tools: image?.tools ?? 'any',
    hasShell: image?.hasShell ?? true,
    flavour,
  };
  if (out.end) {
    const exit: NonNullable<ProcessModel['exit']> = { afterSeconds: out.end.at, code: out.end.code };
    if (out.startError !== undefined) {
      exit.message = containerStartError(out.startError);
      model.notes.push(
        `\`${out.startError}\` is not in image \`${imgLabel}\`: the container cannot start (StartError, exit code 128)`,
      );
    } else if (out.end.message !== undefined) {
      exit.message = out.end.message;
      if (out.end.reason !== undefined) exit.reason = out.end.reason;
    }
    model.exit = exit;
  }
  if (out.assumed.length > 0) model.assumedConditions = out.assumed;
  if (out.failedLookups.length > 0) model.failedLookups = out.failedLookups;
  if (out.grpc) model.grpc = out.grpc;
  if (out.exitOnFirstConnection !== undefined) model.exitOnFirstConnection = out.exitOnFirstConnection;
  if (out.httpTimeline) model.httpTimeline = out.httpTimeline;
  if (stopSignal !== 'SIGTERM') model.stopSignal = stopSignal;
  const pid1Ignores = !input.shareProcessNamespace && model.onStop.action === 'ignore';
  if (pid1Ignores && model.exit === undefined && !out.stopTrapRuns) {
    model.notes.push(
      `PID 1 (${out.viaShell ? 'the shell or its last command' : base(out.main.split(' ')[0] ?? '')}) has no handler for ${stopSignal}: the signal is ignored and the container is killed (137) at the end of the grace period`,
    );
  }
  return model;
}

function envNotes(env: ContainerEnv): string[] {
  const names = [...env.unknown];
  if (names.length === 0) return [];
  return [
    `env ${names.map((n) => `\`${n}\``).join(', ')} come${names.length === 1 ? 's' : ''} from valueFrom: value unknown to the simulator`,
  ];
}
