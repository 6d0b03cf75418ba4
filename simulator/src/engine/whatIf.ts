// Scenario events: what-if actions injected at given times (README "Scenario files").
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime } from './runtime';
import { currentInstance, isRunning, podRef } from './runtime';
import { overrideHttp, setPortDown } from './statusInputs';
import { deletePod } from './termination';
import { finishInstance, oomKill } from './process';
import type { ScenarioEventSpec } from '../scenario';
import { failNode } from './nodeFailure';
import { podsNamed } from '../scenarioTargets';

const livePodsNamed = (sim: Simulation, name: string | undefined): PodRuntime[] => podsNamed(sim.index.live, name);

function targets(
  sim: Simulation,
  container: string,
  pod: string | undefined,
): { pod: PodRuntime; c: ContainerRuntime }[] {
  const out: { pod: PodRuntime; c: ContainerRuntime }[] = [];
  for (const p of livePodsNamed(sim, pod)) {
    const c = p.containers.find((x) => x.name === container);
    if (c) out.push({ pod: p, c });
  }
  return out;
}

export function scheduleWhatIf(sim: Simulation, events: ScenarioEventSpec[]): void {
  for (const e of events) {
    sim.at(Number(e.at) * 1000, () => apply(sim, e));
  }
}

function apply(sim: Simulation, e: ScenarioEventSpec): void {
  const missing = (what: string) => sim.note('warning', `scenario event at ${e.at}s: no ${what}`);
  if (e.kill) {
    const { container, pod, exitCode } = e.kill;
    // Like `kubectl exec … -- killall`: one pod (the first match) unless a pod is named.
    const hit = targets(sim, container, pod).filter(({ c }) => isRunning(currentInstance(c), sim.now));
    if (hit.length === 0) return missing(`running container "${container}"${pod ? ` in pod "${pod}"` : ''}`);
    const { pod: p, c } = hit[0]!;
    currentInstance(c)!.endedBy ??= 'scenario';
    finishInstance(sim, p, c, currentInstance(c)!, exitCode, exitCode === 0 ? 'Completed' : 'Error', {
      doc: p.doc,
      paths: [c.path],
      evidence: `scenario: the process of ${c.name} was killed at ${e.at}s with exit code ${exitCode}`,
    });
  } else if (e.oom) {
    const hit = targets(sim, e.oom.container, e.oom.pod).filter(({ c }) => isRunning(currentInstance(c), sim.now));
    if (hit.length === 0) return missing(`running container "${e.oom.container}"`);
    const { pod: p, c } = hit[0]!;
    oomKill(sim, p, c, currentInstance(c)!);
  } else if (e.delete) {
    const pods = livePodsNamed(sim, e.delete.pod);
    if (pods.length === 0) return missing(`pod "${e.delete.pod}"`);
    const p = pods[0]!;
    const force = e.delete.force === true || e.delete.gracePeriodSeconds === 0;
    sim.emit(
      podRef(p),
      'Normal',
      'Deleting',
      `kubectl delete pod ${p.name}${force ? ' --force --grace-period=0' : e.delete.gracePeriodSeconds !== undefined ? ` --grace-period=${e.delete.gracePeriodSeconds}` : ''} (scenario)`,
      'podlab',
    );
    deletePod(sim, p, e.delete.gracePeriodSeconds, force);
  } else if (e.http) {
    const hit = targets(sim, e.http.container, e.http.pod);
    if (hit.length === 0) return missing(`container "${e.http.container}"`);
    for (const { pod: p, c } of hit) overrideHttp(p, c, e.http.path, e.http.status);
  } else if (e.endpoint) {
    const hit = targets(sim, e.endpoint.container, e.endpoint.pod);
    if (hit.length === 0) return missing(`container "${e.endpoint.container}"`);
    for (const { pod: p, c } of hit) setPortDown(p, c, e.endpoint.port, e.endpoint.state === 'fail');
  } else if (e.nodeFailure) {
    const node = sim.nodes.find((n) => n.name === e.nodeFailure!.node);
    if (!node) return missing(`node "${e.nodeFailure.node}"`);
    failNode(sim, node);
  }
}
