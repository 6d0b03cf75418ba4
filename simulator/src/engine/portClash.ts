// One network namespace per pod (docs/kubelet-behaviour.md): the containers of a pod share one port space, so a run
// whose program binds a port another running container of the pod already holds gets EADDRINUSE. Who holds it
// follows the start order the kubelet uses (init and sidecar containers first, then the regular ones in spec
// order, one after another): the later bind loses, prints its program's own message (behaviour/bindErrors.ts) and
// exits with its real code, and the kubelet's restart policy and back-off take it from there.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime } from './runtime';
import { modelOf, runningInstance } from './runtime';
import type { ListenSpec, ProcessModel } from '../behaviour/types';
import { bindFailure, type Clock } from '../behaviour/bindErrors';
import { civilFromDays } from '../calendar';

/** The container of the pod (other than `c`) whose running process has `port` bound at `at` (ms), if any. */
function holderOf(pod: PodRuntime, c: ContainerRuntime, port: number, now: number, at: number) {
  for (const x of pod.containers) {
    if (x === c) continue;
    const inst = runningInstance(x, now);
    if (inst === undefined) continue;
    const m = modelOf(x, inst);
    if (m.exit !== undefined && inst.startedAt + m.exit.afterSeconds * 1000 <= at) continue;
    if (m.listen.some((l) => l.port === port && inst.startedAt + l.afterSeconds * 1000 <= at)) return x;
  }
  return undefined;
}

/**
 * The model a run starting at `now` really plays when a port it binds is taken, or undefined when nothing clashes.
 * A program whose failure is not known keeps its model (a note says the clash is there).
 */
export function bindClash(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  model: ProcessModel,
  now: number,
): ProcessModel | undefined {
  for (const l of model.listen) {
    const holder = holderOf(pod, c, l.port, now, now + l.afterSeconds * 1000);
    if (holder === undefined) continue;
    if (l.bind === undefined) {
      sim.note(
        'info',
        `${pod.name}/${c.name}: port ${l.port} is already bound by \`${holder.name}\` (the containers of a pod share one network namespace): its bind() fails, but what ${model.description} does then is not known — assumed to keep running`,
        pod.doc,
      );
      continue;
    }
    return failed(sim, model, l, holder, now);
  }
  return undefined;
}

function failed(sim: Simulation, model: ProcessModel, l: ListenSpec, holder: ContainerRuntime, now: number) {
  const bindAt = l.afterSeconds;
  const f = bindFailure(l.bind!, l.port, clock(sim.epoch + now + bindAt * 1000));
  const earlier = (model.log ?? []).filter((w) => w.at <= bindAt);
  const out: ProcessModel = {
    ...model,
    description: `${model.description} (port ${l.port} taken by ${holder.name})`,
    notes: [
      ...model.notes,
      `port ${l.port} is already bound by \`${holder.name}\` (the containers of a pod share one network namespace): the bind fails and the program exits ${f.code}`,
      ...f.notes,
    ],
    listen: [],
    files: model.files.filter((op) => op.at <= bindAt).map(({ every: _every, ...op }) => op),
    log: [...earlier, ...f.log.map((w) => ({ at: bindAt + w.at, text: w.text }))],
    exit: { afterSeconds: bindAt + f.afterSeconds, code: f.code, message: f.message },
  };
  delete out.grpc;
  delete out.exitOnFirstConnection;
  return out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Log time stamps (UTC, as in a container without TZ) of the moments after `startMs` (Unix ms). */
function clock(startMs: number): Clock {
  const parts = (seconds: number) => {
    const ms = Math.floor(startMs + seconds * 1000);
    const days = Math.floor(ms / 86_400_000);
    const rem = ms - days * 86_400_000;
    const { year, month, day } = civilFromDays(days);
    const hms = `${pad(Math.floor(rem / 3_600_000))}:${pad(Math.floor(rem / 60_000) % 60)}:${pad(Math.floor(rem / 1000) % 60)}`;
    return { year, month, day, hms, milli: rem % 1000 };
  };
  return {
    slashed: (s) => {
      const p = parts(s);
      return `${p.year}/${pad(p.month)}/${pad(p.day)} ${p.hms}`;
    },
    redis: (s) => {
      const p = parts(s);
      return `${pad(p.day)} ${MONTHS[p.month - 1]} ${p.year} ${p.hms}.${pad(p.milli, 3)}`;
    },
  };
}
