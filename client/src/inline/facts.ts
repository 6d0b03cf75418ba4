// The simulated facts shown next to manifest lines at a moment t: one line per container, probe and init
// container, e.g. "liveness ✗ 3/3 → killed at 20s", "CrashLoopBackOff · next restart in 40s", "Ready at 47s".
import {
  PROBE_FIELD,
  probeOf,
  statusAt,
  humanDuration,
  secondsLeft,
  type ContainerRuntime,
  type Instance,
  type PodRuntime,
  type ProbeSlot,
  type ContainerStatus,
  type ProbeRecord,
} from '../../../simulator/src/index';

export interface Fact {
  /** Manifest path of the line the fact belongs to, e.g. `spec.containers[0].livenessProbe`. */
  path: string;
  text: string;
  /** The moment the fact is about (clicking it moves the panel there). */
  t: number;
  /** Longer explanation for the hover. */
  detail: string[];
}

// kubectl's durations (`35s`, `2m40s`, `1h2m`), the one time format of the panel and the facts.
const s = humanDuration;

function containerFact(pod: PodRuntime, c: ContainerRuntime, st: ContainerStatus | undefined, t: number): Fact {
  const path = c.path;
  if (!st) return { path, text: 'not started', t, detail: [] };
  const w = st.state.waiting;
  const last = st.lastState.terminated ?? st.state.terminated;
  if (w?.reason === 'CrashLoopBackOff' && st.backOff && last) {
    const { delay, until } = st.backOff;
    // Inlay hints are cut at 43 characters by default: the count first, then the countdown.
    return {
      path,
      text: `CrashLoopBackOff ×${st.restartCount} · restart in ${s(secondsLeft(until, t))}`,
      t: until,
      detail: [`Back-off ${s(delay)} after exit ${last.exitCode} (${last.reason}) at ${s(last.finishedAt)}.`],
    };
  }
  if (w) {
    if (c.kind === 'init' && w.reason === 'PodInitializing')
      return { path, text: 'waiting for earlier init containers', t, detail: [] };
    return { path, text: w.reason, t, detail: w.message ? [w.message] : [] };
  }
  if (st.state.terminated) {
    const term = st.state.terminated;
    return {
      path,
      text: `${term.reason} (exit ${term.exitCode}) at ${s(term.finishedAt)}`,
      t: term.finishedAt,
      detail: [],
    };
  }
  const running = st.state.running!;
  if (c.kind === 'init')
    return {
      path,
      text: `running since ${s(running.startedAt)} · waiting for it to finish`,
      t: running.startedAt,
      detail: [],
    };
  const readyAt = readySince(pod, c.name);
  const kills = c.instances.filter(
    (i) => (i.endedBy === 'liveness' || i.endedBy === 'startup') && i.killedAt !== undefined && i.killedAt <= t * 1000,
  ).length;
  const ready = st.ready ? (readyAt !== undefined ? `Ready at ${s(readyAt)}` : 'ready') : 'not ready';
  return {
    path,
    text: `Running${st.restartCount > 0 ? ` ×${st.restartCount}` : ''} · ${ready}`,
    t: readyAt ?? running.startedAt,
    detail: kills > 0 ? [`Killed ${kills} times so far.`] : [],
  };
}

function readySince(pod: PodRuntime, container: string): number | undefined {
  let since: number | undefined;
  for (const h of pod.history) {
    const st =
      h.status.containerStatuses.find((x) => x.name === container) ??
      h.status.initContainerStatuses.find((x) => x.name === container);
    if (st?.ready) since ??= h.t / 1000;
    else since = undefined;
  }
  return since;
}

/** The latest instance started at or before t (ms): the container run the facts at t are about. */
function instanceAt(c: ContainerRuntime, tMs: number): Instance | undefined {
  for (let i = c.instances.length - 1; i >= 0; i--) if (c.instances[i]!.startedAt <= tMs) return c.instances[i];
  return undefined;
}

function probeFact(
  pod: PodRuntime,
  c: ContainerRuntime,
  slot: ProbeSlot,
  t: number,
  probes: readonly ProbeRecord[],
): Fact | undefined {
  if (!probeOf(c.spec, slot)) return undefined;
  const path = `${c.path}.${PROBE_FIELD[slot]}`;
  const mine = probes.filter((p) => p.pod === pod.name && p.container === c.name && p.probe === slot && p.t <= t);
  const last = mine[mine.length - 1];
  const detail = mine
    .slice(-10)
    .map((p) => `${s(p.t)} ${p.result === 'success' ? '✓' : '✗'}${p.message ? ` ${p.message}` : ''}`);
  if (!last)
    return {
      path,
      text: `${slot}: not run yet`,
      t,
      detail: ['The probe has not run yet (initialDelaySeconds, or the container has not started).'],
    };
  const current = instanceAt(c, t * 1000);
  // The record belongs to an earlier run, and the kill (if any) that ended it is history: nothing to count yet.
  if (current !== undefined && current.restartCount > last.restartCount) {
    return { path, text: `${slot}: not run yet since the restart at ${s(current.startedAt / 1000)}`, t, detail };
  }
  if (last.result === 'success') return { path, text: `${slot} ✓ at ${s(last.t)}`, t: last.t, detail };
  // The worker's own count (ProbeRecord.run): per container instance, reset when it crossed the threshold.
  const count = `${Math.min(last.run, last.threshold)}/${last.threshold}`;
  const killed =
    slot === 'readiness'
      ? undefined
      : c.instances.find(
          (i) =>
            i.restartCount === last.restartCount &&
            i.endedBy === slot &&
            i.killedAt !== undefined &&
            i.killedAt >= last.t * 1000 &&
            i.killedAt <= t * 1000,
        );
  if (killed)
    return {
      path,
      text: `${slot} ✗ ${count} → killed at ${s(killed.killedAt! / 1000)}`,
      t: killed.killedAt! / 1000,
      detail,
    };
  return {
    path,
    text: `${slot} ✗ ${count}${slot === 'readiness' ? ' · not ready' : ''}`,
    t: last.t,
    detail: [last.message ?? '', ...detail],
  };
}

/** Facts for every container and probe of one pod at time t (seconds). */
export function podFacts(pod: PodRuntime, t: number, probes: readonly ProbeRecord[]): Fact[] {
  const status = statusAt(pod, t * 1000);
  const facts: Fact[] = [];
  if (pod.node === null && pod.scheduling) {
    facts.push({ path: pod.specPath, text: `Pending: ${pod.scheduling.message}`, t, detail: [pod.scheduling.message] });
    return facts;
  }
  for (const c of pod.containers) {
    const st =
      c.kind === 'regular'
        ? status?.containerStatuses.find((x) => x.name === c.name)
        : status?.initContainerStatuses.find((x) => x.name === c.name);
    facts.push(containerFact(pod, c, st, t));
    for (const slot of ['startup', 'liveness', 'readiness'] as ProbeSlot[]) {
      const f = probeFact(pod, c, slot, t, probes);
      if (f) facts.push(f);
    }
  }
  return facts;
}
