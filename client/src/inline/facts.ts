// The simulated facts shown next to manifest lines at a moment t: one line per container, probe and init
// container, e.g. "liveness ✗ 3/3 → killed at 20s", "CrashLoopBackOff · next restart in 40s", "Ready at 47s".
import { PROBE_FIELD, statusAt, goDuration, type ContainerRuntime, type PodRuntime, type ProbeSlot, type ContainerStatus, type ProbeRecord, type TraceEvent } from '../../../simulator/src/index';

export interface Fact {
  /** Manifest path of the line the fact belongs to, e.g. `spec.containers[0].livenessProbe`. */
  path: string;
  text: string;
  /** The moment the fact is about (clicking it moves the panel there). */
  t: number;
  /** Longer explanation for the hover. */
  detail: string[];
}

const s = (x: number) => `${Math.round(x)}s`;

function containerFact(pod: PodRuntime, c: ContainerRuntime, st: ContainerStatus | undefined, t: number, events: readonly TraceEvent[]): Fact {
  const path = c.path;
  if (!st) return { path, text: 'not started', t, detail: [] };
  const w = st.state.waiting;
  const last = st.lastState.terminated ?? st.state.terminated;
  if (w?.reason === 'CrashLoopBackOff' && last) {
    const backoff = /back-off (\S+)/.exec(w.message ?? '')?.[1];
    const seconds = backoff ? parseGo(backoff) : 0;
    const next = last.finishedAt + seconds;
    // Inlay hints are cut at 43 characters by default: the count first, then the countdown.
    return { path, text: `CrashLoopBackOff ×${st.restartCount} · restart in ${s(Math.max(0, next - t))}`, t: next, detail: [`Back-off ${backoff ?? ''} after exit ${last.exitCode} (${last.reason}) at ${s(last.finishedAt)}.`] };
  }
  if (w) {
    if (c.kind === 'init' && w.reason === 'PodInitializing') return { path, text: 'waiting for earlier init containers', t, detail: [] };
    return { path, text: w.reason, t, detail: w.message ? [w.message] : [] };
  }
  if (st.state.terminated) {
    const term = st.state.terminated;
    return { path, text: `${term.reason} (exit ${term.exitCode}) at ${s(term.finishedAt)}`, t: term.finishedAt, detail: [] };
  }
  const running = st.state.running!;
  if (c.kind === 'init') return { path, text: `running since ${s(running.startedAt)} · waiting for it to finish`, t: running.startedAt, detail: [] };
  const readyAt = readySince(pod, c.name);
  const kills = events.filter((e) => e.reason === 'Killing' && e.object === `Pod/${pod.name}` && e.message.includes(` ${c.name} `) && e.t <= t).length;
  const ready = st.ready ? (readyAt !== undefined ? `Ready at ${s(readyAt)}` : 'ready') : 'not ready';
  return { path, text: `Running${st.restartCount > 0 ? ` ×${st.restartCount}` : ''} · ${ready}`, t: readyAt ?? running.startedAt, detail: kills > 0 ? [`Killed ${kills} times so far.`] : [] };
}

function readySince(pod: PodRuntime, container: string): number | undefined {
  let since: number | undefined;
  for (const h of pod.history) {
    const st = h.status.containerStatuses.find((x) => x.name === container) ?? h.status.initContainerStatuses.find((x) => x.name === container);
    if (st?.ready) since ??= h.t / 1000;
    else since = undefined;
  }
  return since;
}

function parseGo(d: string): number {
  let total = 0;
  for (const m of d.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) total += Number(m[1]) * ({ h: 3600, m: 60, s: 1, ms: 0.001 }[m[2] as 'h'] ?? 0);
  return total;
}

function probeFact(pod: PodRuntime, c: ContainerRuntime, slot: ProbeSlot, t: number, probes: readonly ProbeRecord[], events: readonly TraceEvent[]): Fact | undefined {
  const spec = (c.spec as unknown as Record<string, { failureThreshold?: number } | undefined>)[PROBE_FIELD[slot]];
  if (!spec) return undefined;
  const path = `${c.path}.${PROBE_FIELD[slot]}`;
  const mine = probes.filter((p) => p.pod === pod.name && p.container === c.name && p.probe === slot && p.t <= t);
  const last = mine[mine.length - 1];
  const threshold = spec.failureThreshold ?? 3;
  const detail = mine.slice(-10).map((p) => `${s(p.t)} ${p.result === 'success' ? '✓' : '✗'}${p.message ? ` ${p.message}` : ''}`);
  if (!last) return { path, text: `${slot}: not run yet`, t, detail: ['The probe has not run yet (initialDelaySeconds, or the container has not started).'] };
  if (last.result === 'success') return { path, text: `${slot} ✓ at ${s(last.t)}`, t: last.t, detail };
  let run = 0;
  for (let i = mine.length - 1; i >= 0 && mine[i]!.result !== 'success'; i--) run++;
  const kill = slot !== 'readiness' ? events.find((e) => e.reason === 'Killing' && e.object === `Pod/${pod.name}` && e.message.includes(`${c.name} failed ${slot} probe`) && e.t >= last.t && e.t <= t) : undefined;
  const count = `${Math.min(run, threshold)}/${threshold}`;
  if (kill) return { path, text: `${slot} ✗ ${count} → killed at ${s(kill.t)}`, t: kill.t, detail };
  return { path, text: `${slot} ✗ ${count}${slot === 'readiness' ? ' · not ready' : ''}`, t: last.t, detail: [last.message ?? '', ...detail] };
}

/** Facts for every container and probe of one pod at time t (seconds). */
export function podFacts(pod: PodRuntime, t: number, probes: readonly ProbeRecord[], events: readonly TraceEvent[]): Fact[] {
  const status = statusAt(pod, t * 1000);
  const facts: Fact[] = [];
  if (pod.node === null && pod.scheduling) {
    facts.push({ path: pod.specPath, text: `Pending: ${pod.scheduling.message}`, t, detail: [pod.scheduling.message] });
    return facts;
  }
  for (const c of pod.containers) {
    const st = c.kind === 'regular' ? status?.containerStatuses.find((x) => x.name === c.name) : status?.initContainerStatuses.find((x) => x.name === c.name);
    facts.push(containerFact(pod, c, st, t, events));
    for (const slot of ['startup', 'liveness', 'readiness'] as ProbeSlot[]) {
      const f = probeFact(pod, c, slot, t, probes, events);
      if (f) facts.push(f);
    }
  }
  return facts;
}

export { goDuration };
