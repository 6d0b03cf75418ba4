// Exec probes (and exec hooks): run `argv` inside the container as it is at the probe's moment, with the real
// tools' exit codes and wording (docs/image-behaviour.md, "Shell and tools"), the runtime's error when the binary is not in the image
// (§0.6), and how long the command takes (the engine compares it with timeoutSeconds).
import type { ExecContext, ExecResult, ToolFlavour } from './types';
import type { FileView } from './internal';
import type { World } from './shell';
import { Interp } from './shell';

/** A stable fake container exec id, so that messages are deterministic. */
function execId(seed: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < seed.length; i++) {
      h1 = Math.imul(h1 ^ seed.charCodeAt(i), 16777619) >>> 0;
      h2 = Math.imul(h2 ^ (seed.charCodeAt(i) + round), 2246822519) >>> 0;
    }
    out += ((h1 ^ h2) >>> 0).toString(16).padStart(8, '0');
    h1 = (h1 + round + 1) >>> 0;
  }
  return out.slice(0, 64);
}

function missingExecutable(argv0: string): string {
  return argv0.includes('/')
    ? `exec: "${argv0}": stat ${argv0}: no such file or directory: unknown`
    : `exec: "${argv0}": executable file not found in $PATH: unknown`;
}

/** The kubelet's "probe errored" text when the runtime cannot start the command (docs/image-behaviour.md, rule 6). */
function execStartError(argv: string[]): string {
  const a0 = argv[0] ?? '';
  return `rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${execId(argv.join('\u0000'))}": OCI runtime exec failed: exec failed: unable to start container process: ${missingExecutable(a0)}`;
}

/** What the runtime reports when the container's own command cannot be started (StartError, exit code 128). */
export function containerStartError(argv0: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${missingExecutable(argv0)}`;
}

export function shellOf(flavour: ToolFlavour | undefined, tools: string[] | 'any'): 'ash' | 'dash' | 'bash' {
  if (flavour?.sh) return flavour.sh;
  if (flavour?.userland === 'busybox') return 'ash';
  if (Array.isArray(tools) && !tools.includes('dash') && tools.includes('bash')) return 'bash';
  return 'dash';
}

/** The world as an ExecContext sees it. */
function worldOf(ctx: ExecContext): World {
  return {
    file(path: string): FileView {
      const c = ctx.readFile(path);
      if (c === undefined) return ctx.fileExists(path) ? { content: undefined } : 'missing';
      return { content: c === '' ? undefined : c };
    },
    connect: (port) => (ctx.isListening(port) ? 'open' : 'refused'),
    http: (port, path) => ctx.httpStatus(port, path),
    grpc: (port) => ctx.grpcStatus?.(port) ?? (ctx.isListening(port) ? 'SERVING' : 'refused'),
  };
}

/** Without ctx.flavour, the tool list tells: busybox applets → busybox ash; dash → Debian; bash alone → bash. */
function flavourFromTools(tools: string[] | 'any'): ToolFlavour | undefined {
  if (!Array.isArray(tools)) return undefined;
  if (tools.includes('busybox') || tools.includes('ash')) return { userland: 'busybox', sh: 'ash' };
  if (tools.includes('dash')) return { userland: 'gnu', sh: 'dash' };
  if (tools.includes('bash')) return { userland: 'gnu', sh: 'bash' };
  return undefined;
}

export interface ExecOptions {
  /** Name of the container's main program (for `killall -0 nginx` in hooks). */
  mainProcess?: string;
}

/** Runs an exec probe / hook command; also reports whether it stopped the main process (`nginx -s quit`). */
export function runExecDetailed(
  argv: string[],
  ctx: ExecContext,
  opts: ExecOptions = {},
): ExecResult & { stopsMain?: { afterSeconds: number; code: number } } {
  try {
    const list = Array.isArray(argv) ? argv.filter((a) => typeof a === 'string').slice(0, 1000) : [];
    if (list.length === 0) return { kind: 'error', message: execStartError(['']) };
    const tools = ctx.tools;
    const flavour = ctx.flavour ?? flavourFromTools(tools);
    const env = new Map<string, { value?: string; unknown: boolean }>();
    for (const [k, v] of Object.entries(ctx.env ?? {}))
      if (typeof v === 'string') env.set(k, { value: v, unknown: false });
    const interp = new Interp({
      mode: 'exec',
      image: undefined,
      userland: flavour?.userland === 'busybox' ? 'busybox' : 'gnu',
      oldBusybox: flavour?.oldBusybox === true,
      sh: shellOf(flavour, tools),
      tools,
      toolsComplete: !ctx.hasShell || flavour?.userland === 'none',
      hasShell: ctx.hasShell !== false,
      env,
      declaredPorts: [],
      interactive: false,
      pid1: false,
      stopSignal: 'SIGTERM',
      world: worldOf(ctx),
      cwd: '/',
      unknownMemoryMi: 0,
      ...(opts.mainProcess !== undefined ? { mainProcess: opts.mainProcess } : {}),
    });
    const out = interp.run(list);
    if (out.startError !== undefined) return { kind: 'error', message: execStartError(list) };
    const assumed = out.notes.filter((n) =>
      /not modelled|assumed to answer|assumed reachable|assumed to match/.test(n),
    );
    const output = out.output + (assumed.length ? assumed.map((n) => `(podlab: ${n})\n`).join('') : '');
    const res: ExecResult & { stopsMain?: { afterSeconds: number; code: number } } = {
      kind: 'exited',
      exitCode: out.end?.code ?? 0,
      output,
      seconds: out.end ? out.end.at : Infinity,
    };
    if (out.stopsMain) res.stopsMain = out.stopsMain;
    return res;
  } catch (e) {
    return {
      kind: 'exited',
      exitCode: 0,
      output: `(podlab: the command could not be simulated: ${String(e).slice(0, 100)}; assumed to succeed)\n`,
      seconds: 0,
    };
  }
}

/**
 * Runs an exec probe command: `{kind:'exited', exitCode, output, seconds}` (seconds is Infinity when the command
 * never ends by itself, e.g. `sleep infinity`), or `{kind:'error'}` when the runtime cannot start it.
 */
export function runExec(argv: string[], ctx: ExecContext): ExecResult {
  const r = runExecDetailed(argv, ctx);
  if (r.kind === 'error') return r;
  return { kind: 'exited', exitCode: r.exitCode, output: r.output, seconds: r.seconds };
}
