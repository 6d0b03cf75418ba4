// Playing the behaviour model of a started container: it exits by itself, or uses more memory than its
// limit and is OOM-killed. Stopping it (kill.ts) and probing it (probes.ts) read the same model.
import type { Simulation } from './simulation';
import type { ContainerRuntime, Instance, PodRuntime } from './runtime';
import { modelOf } from './runtime';
import { recordExit } from './statusInputs';
import type { Cause } from '../trace';
import { memoryBytes } from '../model/quantity';
import { terminationMessage } from './terminationMessage';

const MI = 1024 * 1024;

export function scheduleProcess(sim: Simulation, pod: PodRuntime, c: ContainerRuntime, inst: Instance): void {
  const p = modelOf(c, inst);
  const limit = memoryLimit(c);
  if (limit !== undefined && p.memoryMi * MI > limit) {
    const at = inst.startedAt + p.memoryAfterSeconds * 1000;
    if (p.exit === undefined || p.exit.afterSeconds >= p.memoryAfterSeconds) {
      sim.at(at, () => {
        if (inst.finishedAt !== undefined || inst.stopping) return;
        const cause: Cause = {
          doc: pod.doc,
          paths: [`${c.path}.resources.limits.memory`],
          evidence: `${c.name} uses about ${Math.round(p.memoryMi)}Mi (${p.description}) but its memory limit is ${formatMi(limit)}`,
        };
        finishInstance(sim, pod, c, inst, 137, 'OOMKilled', cause);
      });
      return;
    }
  }
  if (p.exit !== undefined) {
    const exit = p.exit;
    sim.at(inst.startedAt + exit.afterSeconds * 1000, () => {
      if (inst.finishedAt !== undefined || inst.stopping) return;
      const cause: Cause | undefined =
        exit.code === 0 && c.kind !== 'regular'
          ? undefined
          : {
              doc: pod.doc,
              paths: p.paths.map((rel) => `${c.path}.${rel}`),
              evidence: `${c.name} ${exit.code === 0 ? 'finishes' : 'fails'} by itself after ${exit.afterSeconds}s with exit code ${exit.code}: ${exit.reason ?? firstLine(exit.message ?? p.description)}`,
            };
      // 128: the runtime could not start the process (e.g. the binary is not in the image).
      const reason =
        exit.code === 0 ? 'Completed' : exit.code === 128 && exit.afterSeconds === 0 ? 'StartError' : 'Error';
      finishInstance(sim, pod, c, inst, exit.code, reason, cause, reason === 'StartError' ? exit.message : undefined);
    });
  }
}

/** The container's memory limit in bytes, if any. */
function memoryLimit(c: ContainerRuntime): number | undefined {
  const raw = c.spec.resources?.limits?.['memory'];
  if (raw === undefined) return undefined;
  return memoryBytes(raw);
}

function formatMi(bytes: number): string {
  return `${Math.round(bytes / MI)}Mi`;
}

/** The instance ends: record it and let PLEG tell the kubelet. */
export function finishInstance(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  inst: Instance,
  exitCode: number,
  reason: string,
  cause?: Cause,
  message?: string,
): void {
  if (inst.finishedAt !== undefined) return;
  inst.endedBy ??= reason === 'OOMKilled' ? 'oom' : 'exited';
  const terminated = terminationMessage(pod, c, inst, exitCode, sim.now, message);
  const explained =
    cause && terminated !== undefined && terminated !== message
      ? { ...cause, evidence: `${cause.evidence}; its termination message: ${quoteLine(terminated)}` }
      : cause;
  recordExit(pod, c, inst, sim.now, { exitCode, reason, cause: explained, message: terminated });
  sim.worker.plegRelist(pod);
  const then = inst.onFinish;
  inst.onFinish = undefined;
  then?.();
}

/** A what-if OOM kill (scenario `oom`). */
export function oomKill(sim: Simulation, pod: PodRuntime, c: ContainerRuntime, inst: Instance): void {
  finishInstance(sim, pod, c, inst, 137, 'OOMKilled', {
    doc: pod.doc,
    paths: [`${c.path}.resources.limits.memory`],
    evidence: `scenario: ${c.name} ran out of memory at ${sim.now / 1000}s`,
  });
}

/** A termination message in one line for explanations: its first line, quoted, marked when cut. */
function quoteLine(s: string): string {
  const lines = s.trim().split('\n');
  const first = (lines[0] ?? '').slice(0, 120);
  return `"${first}"${lines.length > 1 || first.length < (lines[0] ?? '').length ? ' …' : ''}`;
}

/** The first line of a process message, for one-line explanations. */
function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length < text.trimEnd().length ? `${line} …` : line;
}
