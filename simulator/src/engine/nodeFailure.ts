// A node that stops answering: its containers are gone, after 40 s the node controller marks its pods
// not ready, and after the default 300 s toleration the taint manager evicts them; they stay Terminating
// (nobody can confirm the kill) while their controllers create replacements elsewhere.
import type { Simulation } from './simulation';
import type { NodeModel } from '../cluster/nodes';
import { podRef, runningInstance } from './runtime';
import { setPod } from './statusInputs';
import { publishStatus } from './status';

const NODE_MONITOR_GRACE = 40_000;
const DEFAULT_TOLERATION = 300_000;

export function failNode(sim: Simulation, node: NodeModel): void {
  sim.failedNodes.add(node.name);
  sim.emit(
    `Node/${node.name}`,
    'Normal',
    'NodeNotReady',
    `Node ${node.name} status is now: NodeNotReady`,
    'node-controller',
  );
  const pods = [...sim.index.live].filter((p) => p.node === node);
  for (const p of pods) {
    for (const c of p.containers) {
      const inst = runningInstance(c, sim.now);
      if (inst) inst.stopping = true; // the kubelet is gone: no more reports or restarts
      for (const w of c.workers) w.stopped = true;
    }
    p.terminating = true;
    p.probeInputs++;
    sim.index.refresh(p);
  }
  sim.after(NODE_MONITOR_GRACE, () => {
    for (const p of pods) {
      setPod(p, { nodeLost: true });
      publishStatus(sim, p);
      sim.hooks.podChanged(p);
    }
  });
  sim.after(NODE_MONITOR_GRACE + DEFAULT_TOLERATION, () => {
    for (const p of pods) {
      if (p.deletedAt !== null) continue;
      sim.emit(
        podRef(p),
        'Normal',
        'TaintManagerEviction',
        `Marking for deletion Pod ${p.namespace}/${p.name}`,
        'taint-eviction-controller',
      );
      setPod(p, { deletedAt: sim.now });
      publishStatus(sim, p);
      sim.hooks.podChanged(p);
    }
  });
}
