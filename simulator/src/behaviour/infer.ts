// What a container's process does, inferred in this order: (1) the scenario override, field by field;
// (2) the container's command/args, interpreted (Kubernetes `$(VAR)` expansion, then the shell); (3) the
// image catalogue (ENTRYPOINT/CMD, env checks, ports, stop handling). Never throws.
import type { ExecContext, ProcessModel, ToolFlavour } from './types';
import type { ImageProfile, Signal } from './catalog';
import type { EnvVal, World } from './shell';
import { lookupImage, parseSignal } from './catalog';
import { expandKube, expandKubeVars, quantityMi, resolveEnv, resolveEnvDetailed } from './expand';
import { Interp } from './shell';
import { base } from './programs';
import { containerStartError, runExecDetailed, shellOf } from './exec';
import { clusterService } from './internal';

export { expandKubeVars, resolveEnv };

export interface ContainerLike {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  resources?: { limits?: Record<string, string | number>; requests?: Record<string, string | number> };
  stdin?: boolean;
  tty?: boolean;
  lifecycle?: unknown;
}

export interface BehaviourOverride {
  listen?: number[];
  startupSeconds?: number;
  exit?: { afterSeconds: number; code: number };
  http?: Record<string, number>;
  memoryMi?: number;
  stopExitCode?: number;
  ignoreSigterm?: boolean;
}

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
}

/** The world a starting container sees: its files and the network are not known, Services are. */
function processWorld(services: readonly string[] | undefined): World {
  const known = new Set(['kubernetes', ...(Array.isArray(services) ? services.filter((x) => typeof x === 'string').map((x) => x.toLowerCase()) : [])]);
  return {
    file: () => 'unknown',
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

function strings(a: unknown, max = 1000): string[] | undefined {
  if (!Array.isArray(a) || a.length === 0) return undefined;
  return a.slice(0, max).map((x) => (typeof x === 'string' ? x : x === null || x === undefined ? '' : String(x)).slice(0, 200_000));
}

function flavourOf(p: ImageProfile | undefined): ToolFlavour {
  if (p === undefined) return { userland: 'gnu', sh: 'dash' };
  const f: ToolFlavour = { userland: p.userland, sh: shellOf(p.userland === 'busybox' ? { userland: 'busybox' } : undefined, p.tools) };
  if (p.oldBusybox) f.oldBusybox = true;
  return f;
}

function declaredPorts(c: ContainerLike): { port: number; name?: string }[] {
  const out: { port: number; name?: string }[] = [];
  for (const p of Array.isArray(c.ports) ? c.ports.slice(0, 200) : []) {
    const n = Number(p?.containerPort);
    if (!Number.isInteger(n) || n < 1 || n > 65535) continue;
    if (p.protocol !== undefined && String(p.protocol).toUpperCase() !== 'TCP') continue;
    if (out.some((x) => x.port === n)) continue;
    out.push(typeof p.name === 'string' ? { port: n, name: p.name } : { port: n });
  }
  // Prefer a port named like gRPC first, so that the gRPC health assumption sits on it.
  return out.sort((a, b) => Number(/grpc/i.test(b.name ?? '')) - Number(/grpc/i.test(a.name ?? '')));
}

/** Memory an unknown program is assumed to use: its request, else half its limit, else 64 Mi; kept under the limit. */
function unknownMemory(c: ContainerLike): { mi: number; note: string } {
  const req = quantityMi(c.resources?.requests?.['memory']);
  const lim = quantityMi(c.resources?.limits?.['memory']);
  let mi = req ?? (lim !== undefined ? lim / 2 : 64);
  let why = req !== undefined ? 'its memory request' : lim !== undefined ? 'half its memory limit' : 'a default of 64Mi';
  if (lim !== undefined && mi > lim * 0.9) {
    mi = lim * 0.9;
    why = '90% of its memory limit';
  }
  return { mi: Math.max(1, Math.round(mi * 10) / 10), note: why };
}

interface Plan {
  argv: string[];
  /** Container-relative path that supplied each argv element. */
  origin: string[];
  fromCommand: boolean;
  fromArgs: boolean;
  fromImage: boolean;
  notes: string[];
}

function plan(c: ContainerLike, image: ImageProfile | undefined, lookup: (n: string) => string | undefined, onRef: (n: string, found: boolean) => void): Plan {
  const command = strings(c.command);
  const args = strings(c.args);
  const exp = (s: string) => expandKube(s, lookup, onRef);
  const notes: string[] = [];
  const cmdPart = (command ?? []).map(exp);
  const argPart = (args ?? []).map(exp);
  const cmdOrigin = cmdPart.map((_, i) => `command[${i}]`);
  const argOrigin = argPart.map((_, i) => `args[${i}]`);
  if (command) return { argv: [...cmdPart, ...argPart], origin: [...cmdOrigin, ...argOrigin], fromCommand: true, fromArgs: args !== undefined, fromImage: false, notes };
  if (image) {
    const tail = args ? argPart : image.cmd;
    const tailOrigin = args ? argOrigin : image.cmd.map(() => 'image');
    return { argv: [...image.entrypoint, ...tail], origin: [...image.entrypoint.map(() => 'image'), ...tailOrigin], fromCommand: false, fromArgs: args !== undefined, fromImage: true, notes };
  }
  if (args) {
    const first = argPart[0] ?? '';
    if (!first.startsWith('-') && (first.includes('/') || /^(sh|bash|ash|zsh|sleep|python3?|node|java|nginx|redis-server)$/.test(first))) {
      notes.push(`the ENTRYPOINT of \`${c.image ?? '(no image)'}\` is not known: \`args\` is assumed to be the whole command`);
      return { argv: argPart, origin: argOrigin, fromCommand: false, fromArgs: true, fromImage: false, notes };
    }
    return { argv: ['<image entrypoint>', ...argPart], origin: ['image', ...argOrigin], fromCommand: false, fromArgs: true, fromImage: true, notes };
  }
  return { argv: [], origin: [], fromCommand: false, fromArgs: false, fromImage: true, notes };
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
  const c: ContainerLike = input?.container && typeof input.container === 'object' ? input.container : { name: 'container' };
  const imageStr = typeof c.image === 'string' ? c.image : undefined;
  const image = lookupImage(imageStr);
  const env = resolveEnvDetailed(c.env);
  const notes: string[] = [...(image?.notes ?? []), ...env.notes];
  const used = new Set<string>();
  const unknownRefs: string[] = [];
  const p = plan(c, image, (n) => env.values[n], (n, found) => {
    if (env.index.has(n)) used.add(n);
    if (!found && env.unknown.has(n)) unknownRefs.push(`$(${n})`);
  });
  notes.push(...p.notes);

  // The process's environment: image ENV, then the container's env (valueFrom: set, value unknown).
  const procEnv = new Map<string, EnvVal>();
  procEnv.set('HOME', { value: '/root', unknown: false });
  procEnv.set('PATH', { value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', unknown: false });
  // Set by the runtime / kubelet with values that depend on the pod and the cluster.
  for (const k of ['HOSTNAME', 'KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT', 'KUBERNETES_PORT', 'KUBERNETES_SERVICE_PORT_HTTPS', 'KUBERNETES_PORT_443_TCP', 'KUBERNETES_PORT_443_TCP_ADDR', 'KUBERNETES_PORT_443_TCP_PORT', 'KUBERNETES_PORT_443_TCP_PROTO']) procEnv.set(k, { unknown: true });
  for (const [k, v] of Object.entries(image?.env ?? {})) procEnv.set(k, { value: v, unknown: false });
  for (const [k, v] of Object.entries(env.values)) procEnv.set(k, { value: v, unknown: false });
  for (const k of env.unknown) procEnv.set(k, { unknown: true });
  const containerEnv = new Set([...env.index.keys()]);

  const lifecycle = c.lifecycle as { stopSignal?: unknown } | undefined;
  const stopSignal: Signal = parseSignal(lifecycle?.stopSignal) ?? image?.stopSignal ?? 'SIGTERM';
  const flavour = flavourOf(image);
  const mem = unknownMemory(c);
  const ports = declaredPorts(c);
  const interactive = c.stdin === true || c.tty === true;
  const world = processWorld(input.services);
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
    cwd: typeof c.workingDir === 'string' && c.workingDir.startsWith('/') ? c.workingDir : image?.workingDir ?? '/',
    unknownMemoryMi: mem.mi,
  });
  interp.markUnknown(unknownRefs);

  const argv = p.argv;
  const imgLabel = imageStr ?? '(no image)';
  const unknownImage = argv.length === 0 || argv[0] === '<image entrypoint>';
  const out = unknownImage
    ? interp.run(argv.slice(1), { unknownImage: imageStr === undefined ? 'no image' : `unknown image \`${imgLabel}\`` })
    : interp.run(argv);
  for (const n of out.usedEnv) if (containerEnv.has(n)) used.add(n);

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
  if (!out.recognised && out.end === undefined) notes.push(`memory assumed for the unknown program: ${mem.mi}Mi (${mem.note})`);
  if (image === undefined && imageStr !== undefined && !unknownImage) notes.push(`image \`${imgLabel}\` is not in the catalogue: tools for exec probes are assumed present`);
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
      model.notes.push(`\`${out.startError}\` is not in image \`${imgLabel}\`: the container cannot start (StartError, exit code 128)`);
    } else if (out.end.message !== undefined) exit.message = out.end.message;
    model.exit = exit;
  }
  if (out.grpc) model.grpc = out.grpc;
  if (out.exitOnFirstConnection !== undefined) model.exitOnFirstConnection = out.exitOnFirstConnection;
  if (out.httpTimeline) model.httpTimeline = out.httpTimeline;
  if (stopSignal !== 'SIGTERM') model.stopSignal = stopSignal;
  if (!input.shareProcessNamespace && model.onStop.action === 'ignore' && model.exit === undefined) {
    model.notes.push(`PID 1 (${out.viaShell ? 'the shell or its last command' : base(out.main.split(' ')[0] ?? '')}) has no handler for ${stopSignal}: the signal is ignored and the container is killed (137) at the end of the grace period`);
  }
  return model;
}

function applyOverride(m: ProcessModel, o: BehaviourOverride | undefined): ProcessModel {
  if (o === undefined || o === null || typeof o !== 'object') return m;
  const applied: string[] = [];
  const start = typeof o.startupSeconds === 'number' && Number.isFinite(o.startupSeconds) ? Math.max(0, o.startupSeconds) : undefined;
  if (Array.isArray(o.listen)) {
    m.listen = o.listen.filter((p) => Number.isInteger(p)).map((port) => ({ port, afterSeconds: start ?? 0 }));
    applied.push(`listens on ${o.listen.join(', ') || 'nothing'}`);
  } else if (start !== undefined) {
    m.listen = m.listen.map((l) => ({ ...l, afterSeconds: start }));
  }
  if (start !== undefined) {
    m.memoryAfterSeconds = start;
    applied.push(`starts answering after ${start}s`);
  }
  if (o.exit && typeof o.exit.afterSeconds === 'number' && typeof o.exit.code === 'number') {
    m.exit = { afterSeconds: o.exit.afterSeconds, code: o.exit.code, message: 'scenario override' };
    applied.push(`exits ${o.exit.code} after ${o.exit.afterSeconds}s`);
  }
  if (o.http && typeof o.http === 'object') {
    m.http = { routes: { ...m.http.routes, ...o.http }, defaultStatus: m.http.defaultStatus };
    if (m.httpTimeline) m.httpTimeline = m.httpTimeline.map((h) => ({ at: h.at, routes: Object.fromEntries(Object.entries(h.routes).filter(([k]) => !(k in o.http!))) }));
    applied.push(`HTTP ${Object.entries(o.http).map(([k, v]) => `${k} → ${v}`).join(', ')}`);
  }
  if (typeof o.memoryMi === 'number') {
    m.memoryMi = o.memoryMi;
    applied.push(`uses ${o.memoryMi}Mi`);
  }
  if (o.ignoreSigterm === true) {
    m.onStop = { action: 'ignore' };
    applied.push('ignores SIGTERM');
  } else if (typeof o.stopExitCode === 'number') {
    m.onStop = { action: 'exit', code: o.stopExitCode, afterSeconds: 0 };
    applied.push(`exits ${o.stopExitCode} on SIGTERM`);
  } else if (o.ignoreSigterm === false && m.onStop.action === 'ignore') {
    m.onStop = { action: 'exit', code: 143, afterSeconds: 0 };
    applied.push('handles SIGTERM (143)');
  }
  if (applied.length === 0) return m;
  m.source = 'scenario';
  m.notes = [`scenario override: ${applied.join('; ')}`, ...m.notes];
  return m;
}

// ---- lifecycle hooks ----------------------------------------------------------------------------------------

export interface HookHandlerLike {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string };
  tcpSocket?: { port: number | string; host?: string };
  sleep?: { seconds: number };
}

export interface HookResult {
  /** How long the hook runs, in seconds (Infinity: it never ends by itself; the kubelet cuts preStop at the grace period). */
  seconds: number;
  /** The handler failed (exit code ≠ 0, HTTP ≥ 400 or refused, port closed, command not in the image). */
  failed: boolean;
  /** Plain words: what it did, or why it failed. */
  message: string;
  output: string;
  /** The hook makes the container's main process exit (`nginx -s quit`): after `afterSeconds` from the hook's start, with `code`. */
  stopsMain?: { afterSeconds: number; code: number };
}

/**
 * How a postStart/preStop hook behaves: `inferHook(handler, { container, context, model })`.
 * `context` is what an exec probe would see at the hook's moment (files, ports); without it, files and ports are
 * unknown and assumed fine. `model` (the container's ProcessModel) supplies the tools, shell and userland; without it
 * they are derived from the container's image. Exec hooks go through the same interpreter as exec probes, so
 * `sleep 20` takes 20 s, `echo … > /usr/share/message` succeeds, and `nginx -s quit; while killall -0 nginx; do sleep 1; done`
 * stops nginx (stopsMain) and ends once it is gone (or at once, with 127 inside the loop, where killall is not installed).
 */
export function inferHook(handler: HookHandlerLike, input: { container: ContainerLike; context?: ExecContext; model?: ProcessModel }): HookResult {
  try {
    return hookRaw(handler, input);
  } catch (e) {
    return { seconds: 0, failed: false, message: `hook could not be simulated (${String(e).slice(0, 80)}); assumed to succeed at once`, output: '' };
  }
}

function hookRaw(h: HookHandlerLike, input: { container: ContainerLike; context?: ExecContext; model?: ProcessModel }): HookResult {
  const c = input.container;
  const image = lookupImage(c?.image);
  const ctx: ExecContext = input.context ?? {
    env: resolveEnv(c ?? {}),
    tools: input.model?.tools ?? image?.tools ?? 'any',
    hasShell: input.model?.hasShell ?? image?.hasShell ?? true,
    fileExists: () => false,
    readFile: () => undefined,
    isListening: () => true,
    httpStatus: () => 200,
  };
  if (ctx.flavour === undefined) ctx.flavour = input.model?.flavour ?? flavourOf(image);
  if (h?.sleep !== undefined) {
    const s = Math.max(0, Number(h.sleep.seconds) || 0);
    return { seconds: s, failed: false, message: `sleeps ${s}s`, output: '' };
  }
  if (h?.exec !== undefined) {
    const argv = strings(h.exec.command) ?? [];
    const main = mainProgram(input.model, c, image);
    const r = runExecDetailed(argv, ctx, main !== undefined ? { mainProcess: main } : {});
    if (r.kind === 'error') return { seconds: 0, failed: true, message: r.message, output: '' };
    const line = `\`${argv.join(' ').slice(0, 80)}\``;
    const res: HookResult = r.exitCode !== 0
      ? { seconds: r.seconds, failed: true, message: `${line} exits ${r.exitCode}${r.output.trim() ? `: ${r.output.trim().slice(0, 200)}` : ''}`, output: r.output }
      : { seconds: r.seconds, failed: false, message: Number.isFinite(r.seconds) ? `${line} takes ${r.seconds}s` : `${line} does not end by itself`, output: r.output };
    if (r.stopsMain) {
      res.stopsMain = r.stopsMain;
      res.message += `; it stops the main process (exit ${r.stopsMain.code})`;
    }
    return res;
  }
  const portOf = (p: number | string): number | string => {
    if (typeof p === 'number') return p;
    if (/^\d+$/.test(p)) return Number(p);
    const f = (c?.ports ?? []).find((x) => x.name === p);
    return f ? f.containerPort : `unable to find port "${p}" in container "${c?.name ?? ''}"`;
  };
  const remote = (host: string | undefined) => host !== undefined && host !== '' && !/^(localhost|127\.0\.0\.1)$/.test(host);
  if (h?.httpGet !== undefined) {
    const port = portOf(h.httpGet.port);
    if (typeof port === 'string') return { seconds: 0, failed: true, message: port, output: '' };
    if (remote(h.httpGet.host)) return { seconds: 0.1, failed: false, message: `GET on ${h.httpGet.host}: a host outside the pod, assumed to answer 200`, output: '' };
    const path = h.httpGet.path ?? '/';
    const st = ctx.httpStatus(port, path);
    if (st === 'refused') return { seconds: 0, failed: true, message: `nothing listens on ${port}`, output: '' };
    return { seconds: 0.1, failed: st >= 400, message: `HTTP ${st} from ${path}`, output: '' };
  }
  if (h?.tcpSocket !== undefined) {
    const port = portOf(h.tcpSocket.port);
    if (typeof port === 'string') return { seconds: 0, failed: true, message: port, output: '' };
    const ok = remote(h.tcpSocket.host) || ctx.isListening(port);
    return { seconds: 0, failed: !ok, message: ok ? `port ${port} open` : `port ${port} closed`, output: '' };
  }
  return { seconds: 0, failed: false, message: 'no handler', output: '' };
}

/** The main program's name (`nginx` for the nginx image or `nginx -g 'daemon off;'`), for `killall -0` in hooks. */
function mainProgram(model: ProcessModel | undefined, c: ContainerLike | undefined, image: ImageProfile | undefined): string | undefined {
  const desc = model?.description ?? '';
  const m = /(?:^|: )([^\s:]+)/.exec(desc.replace(/^shell: .*$/, ''));
  if (m && m[1] && !m[1].startsWith('`')) return base(m[1]);
  const argv = strings(c?.command) ?? (image ? [...image.entrypoint, ...(strings(c?.args) ?? image.cmd)] : undefined);
  const first = argv?.find((a) => !/entrypoint/.test(a));
  return first !== undefined ? base(first) : undefined;
}
