// computePodActions (pkg/kubelet/kuberuntime/kuberuntime_manager.go; docs/kubelet-behaviour.md, the pod worker): from the runtime snapshot a sync took, which containers to
// kill (failed liveness or startup probes), which to start (init containers in order, then the regular
// containers and sidecars), and whether the pod is done.
import type { ContainerRuntime, PodRuntime } from './runtime';
import { currentInstance, isRunning, runningInstance } from './runtime';
import { setPod } from './statusInputs';
import type { KillRequest } from './kill';
import { shouldRestart } from './policy';

interface Plan {
  kills: KillRequest[];
  starts: ContainerRuntime[];
  /** The pod is done: restartPolicy Never with a failed init container, or all regular containers finished. */
  finish?: 'Succeeded' | 'Failed';
}

export function computePodActions(pod: PodRuntime, snapshot: number): Plan {
  const policy = pod.spec.restartPolicy;
  const plan: Plan = { kills: [], starts: [] };

  for (const c of pod.containers) {
    if (c.kind === 'init') continue;
    const cur = runningInstance(c, snapshot);
    if (cur === undefined || cur.stopping) continue;
    const probe = c.livenessFailed ? 'liveness' : c.startupFailed ? 'startup' : undefined;
    if (probe === undefined) continue;
    const restart = c.kind === 'sidecar' || policy !== 'Never';
    const who = c.kind === 'sidecar' ? 'Init container' : 'Container';
    plan.kills.push({
      container: c,
      instance: cur,
      message: `${who} ${c.name} failed ${probe} probe${restart ? ', will be restarted' : ''}`,
      reason: probe,
      grace: probeGrace(pod, c, probe),
      cause: failureCause(c, probe),
    });
    if (restart) plan.starts.push(c);
  }

  if (!pod.initialized) {
    const init = planInit(pod, snapshot, policy);
    if (init === 'failed') return { kills: [], starts: [], finish: 'Failed' };
    if (init !== 'done') {
      if (init !== 'wait') plan.starts.push(init);
      return plan;
    }
    setPod(pod, { initialized: true });
  }

  const regular = pod.containers.filter((c) => c.kind === 'regular');
  for (const c of pod.containers) {
    if (c.kind === 'init' || plan.starts.includes(c)) continue;
    const cur = currentInstance(c);
    if (cur === undefined) plan.starts.push(c);
    else if (!isRunning(cur, snapshot) && cur.finishedAt !== undefined) {
      if (c.kind === 'sidecar' || shouldRestart(policy, cur.exitCode ?? 0)) plan.starts.push(c);
    }
  }

  // restartPolicy Never/OnFailure: once every regular container is done for good, the pod is terminal.
  const allDone = regular.every((c) => {
    const cur = currentInstance(c);
    return (
      cur !== undefined &&
      cur.finishedAt !== undefined &&
      cur.finishedAt <= snapshot &&
      !shouldRestart(policy, cur.exitCode ?? 0)
    );
  });
  if (allDone && regular.length > 0 && plan.kills.length === 0) {
    const ok = regular.every((c) => currentInstance(c)?.exitCode === 0);
    return { kills: [], starts: [], finish: ok ? 'Succeeded' : 'Failed' };
  }
  return plan;
}

/** The next init container to start, 'wait' while one runs, 'done' when all finished, 'failed' (Never). */
function planInit(pod: PodRuntime, snapshot: number, policy: string): ContainerRuntime | 'wait' | 'done' | 'failed' {
  for (const c of pod.containers) {
    if (c.kind === 'regular') break;
    const cur = currentInstance(c);
    if (c.kind === 'sidecar') {
      if (isRunning(cur, snapshot)) {
        if (c.started) continue;
        return 'wait';
      }
      return c;
    }
    if (cur === undefined) return c;
    if (isRunning(cur, snapshot) || cur.finishedAt === undefined || cur.finishedAt > snapshot) return 'wait';
    if (cur.exitCode === 0) continue;
    if (policy === 'Never') return 'failed';
    return c;
  }
  return 'done';
}

function probeGrace(pod: PodRuntime, c: ContainerRuntime, probe: 'liveness' | 'startup'): number {
  const p = probe === 'liveness' ? c.spec.livenessProbe : c.spec.startupProbe;
  // A probe's own grace period has no default: unset, the pod's applies.
  const seconds = p?.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds;
  return seconds * 1000;
}

function failureCause(c: ContainerRuntime, probe: 'liveness' | 'startup') {
  const w = c.workers.find((x) => x.slot === probe);
  return w?.lastCause;
}
