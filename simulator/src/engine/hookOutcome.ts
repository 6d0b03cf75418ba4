// How long a lifecycle hook takes and whether it fails, from the same behaviour model as exec probes.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime } from './runtime';
import type { LifecycleHandler } from '../model';
import { execContext, httpStatus, listenerOn } from './podView';
import { runExec } from '../behaviour/exec';
import { resolvePort } from './probeHandlers';

export interface HookOutcome {
  seconds: number;
  failed: boolean;
  /** What happened, in plain words (the evidence of a failure). */
  message: string;
}

/** Upper bound on a hook we cannot time (e.g. `while killall -0 nginx; do sleep 1; done`). */
const UNKNOWN_HOOK_SECONDS = 1;

export function hookOutcome(sim: Simulation, pod: PodRuntime, c: ContainerRuntime, h: LifecycleHandler, path: string): HookOutcome {
  const now = sim.now;
  if (h.sleep) {
    const s = Math.max(0, h.sleep.seconds);
    return { seconds: s, failed: false, message: `sleeps ${s}s` };
  }
  if (h.exec) {
    const argv = h.exec.command ?? [];
    const r = runExec(argv, execContext(pod, c, now));
    if (r.kind === 'error') return { seconds: 0, failed: true, message: r.message };
    const seconds = Number.isFinite(r.seconds) ? r.seconds : UNKNOWN_HOOK_SECONDS;
    if (r.exitCode !== 0) return { seconds, failed: true, message: `\`${argv.join(' ')}\` exits ${r.exitCode}${r.output ? `: ${r.output.trim()}` : ''}` };
    return { seconds, failed: false, message: `\`${argv.join(' ')}\` takes ${seconds}s` };
  }
  if (h.httpGet) {
    const port = resolvePort(c, h.httpGet.port);
    if (typeof port === 'string') return { seconds: 0, failed: true, message: port };
    const status = httpStatus(pod, port, h.httpGet.path ?? '/', now);
    if (status === 'refused') return { seconds: 0, failed: true, message: `nothing listens on ${port} when the ${path.endsWith('postStart') ? 'postStart' : 'preStop'} hook runs` };
    return { seconds: 0.1, failed: status >= 400, message: `HTTP ${status} from ${h.httpGet.path ?? '/'}` };
  }
  if (h.tcpSocket) {
    const port = resolvePort(c, h.tcpSocket.port);
    const ok = typeof port === 'number' && listenerOn(pod, port, now) !== undefined;
    return { seconds: 0, failed: !ok, message: ok ? `port ${port} open` : `port ${String(port)} closed` };
  }
  return { seconds: 0, failed: false, message: 'no handler' };
}
