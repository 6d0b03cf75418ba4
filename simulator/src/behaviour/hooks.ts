// postStart / preStop hooks: how long a handler runs, whether it fails, and whether it stops the main process
// (`nginx -s quit`). Exec hooks run through the same interpreter as exec probes.
import type { ExecContext, ProcessModel } from './types';
import type { ImageProfile } from './catalog';
import type { ContainerLike } from './container';
import { lookupImage } from './catalog';
import { resolveEnv } from './expand';
import { base } from './programKit';
import { runExecDetailed } from './exec';
import { flavourOf, strings } from './container';

export interface HookHandlerLike {
  exec?: { command?: string[] };
  /** Defaulted (model/defaulted.ts): path is always there. */
  httpGet?: { path: string; port: number | string; host?: string; scheme?: string };
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
export function inferHook(
  handler: HookHandlerLike,
  input: { container: ContainerLike; context?: ExecContext; model?: ProcessModel },
): HookResult {
  try {
    return hookRaw(handler, input);
  } catch (e) {
    return {
      seconds: 0,
      failed: false,
      message: `hook could not be simulated (${String(e).slice(0, 80)}); assumed to succeed at once`,
      output: '',
    };
  }
}

function hookRaw(
  h: HookHandlerLike,
  input: { container: ContainerLike; context?: ExecContext; model?: ProcessModel },
): HookResult {
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
    const res: HookResult =
      r.exitCode !== 0
        ? {
            seconds: r.seconds,
            failed: true,
            message: `${line} exits ${r.exitCode}${r.output.trim() ? `: ${r.output.trim().slice(0, 200)}` : ''}`,
            output: r.output,
          }
        : {
            seconds: r.seconds,
            failed: false,
            message: Number.isFinite(r.seconds) ? `${line} takes ${r.seconds}s` : `${line} does not end by itself`,
            output: r.output,
          };
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
  const remote = (host: string | undefined) =>
    host !== undefined && host !== '' && !/^(localhost|127\.0\.0\.1)$/.test(host);
  if (h?.httpGet !== undefined) {
    const port = portOf(h.httpGet.port);
    if (typeof port === 'string') return { seconds: 0, failed: true, message: port, output: '' };
    if (remote(h.httpGet.host))
      return {
        seconds: 0.1,
        failed: false,
        message: `GET on ${h.httpGet.host}: a host outside the pod, assumed to answer 200`,
        output: '',
      };
    const path = h.httpGet.path;
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
function mainProgram(
  model: ProcessModel | undefined,
  c: ContainerLike | undefined,
  image: ImageProfile | undefined,
): string | undefined {
  const desc = model?.description ?? '';
  const m = /(?:^|: )([^\s:]+)/.exec(desc.replace(/^shell: .*$/, ''));
  if (m && m[1] && !m[1].startsWith('`')) return base(m[1]);
  const argv = strings(c?.command) ?? (image ? [...image.entrypoint, ...(strings(c?.args) ?? image.cmd)] : undefined);
  const first = argv?.find((a) => !/entrypoint/.test(a));
  return first !== undefined ? base(first) : undefined;
}
