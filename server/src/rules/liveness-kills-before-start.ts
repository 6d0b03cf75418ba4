// A liveness (or startup) probe that gives up before the process starts listening: the kubelet kills the
// container, the restart starts over from zero, and the pod never gets past CrashLoopBackOff. When the
// process starts listening comes from the simulator's behaviour model (`sleep 45; exec nginx`, image start-up
// times). The probe gives up after its F-th failure: the first counted tick falls in [D, D+P), so the kill
// comes between D + (F-1)·P and D + F·P after the container started. The simulation sees the same kills: its
// crash-loop or restart prediction sits on the same value with the same fix (slowStartChange), and the two are
// published as one diagnostic (causeOf).
import {
  fix,
  inferProcess,
  slowStartChange,
  type ContainerLike,
  type FixData,
  type ProcessModel,
} from '../../../simulator/src/index';
import type { DocContext, Finding, Rule } from './types';
import { isObj, portsOf, runningContainers, type ContainerAt, type Obj } from './support/data';
import { probeHandler, probeTiming, type ProbeTiming } from './support/probes';

type Verdict = 'safe' | 'maybe' | 'killed';

function verdict(at: number, t: ProbeTiming): Verdict {
  if (at <= t.initialDelaySeconds + (t.failureThreshold - 1) * t.periodSeconds) return 'safe';
  if (at >= t.initialDelaySeconds + t.failureThreshold * t.periodSeconds) return 'killed';
  return 'maybe';
}

/** Seconds after the start at which the process listens on the probe's port; undefined when not known. */
function listensAt(c: ContainerAt, probe: Obj, model: ProcessModel): number | undefined {
  const h = probeHandler(probe);
  if (!h || h.key === 'exec') return undefined;
  const raw = h.value['port'];
  const port =
    typeof raw === 'number' ? raw : typeof raw === 'string' ? portsOf(c).find((p) => p.name === raw)?.port : undefined;
  if (port === undefined) return undefined;
  const at = model.listen.find((l) => l.port === port)?.afterSeconds;
  if (at === undefined || !Number.isFinite(at)) return undefined;
  if (model.exit && model.exit.afterSeconds <= at) return undefined; // it exits first: another problem
  return at;
}

function seconds(n: number): string {
  return `${Math.round(n * 10) / 10} s`;
}

function budget(t: ProbeTiming): string {
  return `initialDelaySeconds ${t.initialDelaySeconds} + failureThreshold ${t.failureThreshold} × periodSeconds ${t.periodSeconds}`;
}

function why(model: ProcessModel): string {
  const d = model.description.length > 80 ? `${model.description.slice(0, 79)}…` : model.description;
  return model.source === 'image' ? `${d}; an estimate for its first start` : d;
}

export const livenessKillsBeforeStart: Rule = {
  id: 'liveness-kills-before-start',
  defaultSeverity: 'warning',
  description:
    'The liveness (or startup) probe gives up before the process starts listening, so the container is restarted forever',
  causeOf: ['predicted-crash-loop', 'predicted-restarts'],
  // Its message says when the process listens, which is the evidence of the prediction it explains.
  statesEvidence: true,
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      for (const c of runningContainers(pod)) {
        const live = c.c['livenessProbe'];
        const startup = c.c['startupProbe'];
        if (!isObj(live) && !isObj(startup)) continue;
        const model = inferProcess({ container: c.c as unknown as ContainerLike, services: [] });
        if (model.source !== 'command' && model.source !== 'image') continue;
        const strict = model.source === 'image'; // image start-up times are estimates: only the clear cases
        const finding = isObj(startup)
          ? checkStartup(doc, c, startup, isObj(live) ? live : undefined, model, strict)
          : isObj(live)
            ? checkLiveness(doc, c, live, model, strict)
            : undefined;
        if (finding) out.push(finding);
      }
    }
    return out;
  },
};

function checkLiveness(
  doc: DocContext,
  c: ContainerAt,
  live: Obj,
  model: ProcessModel,
  strict: boolean,
): Finding | undefined {
  const at = listensAt(c, live, model);
  if (at === undefined) return undefined;
  const t = probeTiming(live);
  const v = verdict(at, t);
  if (v === 'safe' || (v === 'maybe' && strict)) return undefined;
  const livePath = [...c.path, 'livenessProbe'];
  const h = probeHandler(live);
  const data: FixData[] = [];
  const delay = slowStartChange('liveness', t, at).value;
  // A new key goes first in the probe, as the prediction's fix puts it: the same edit, so one fix when merged.
  data.push(
    fix(
      `Raise initialDelaySeconds to ${delay}`,
      { kind: 'set', path: [...livePath, 'initialDelaySeconds'], value: delay, first: true },
      true,
    ),
  );
  if (h && c.c['startupProbe'] === undefined) {
    const period = t.periodSeconds;
    const failures = Math.floor(at / period) + 2;
    const value = { [h.key]: h.value, periodSeconds: period, failureThreshold: failures };
    data.push(
      fix(`Add a startup probe that allows ${failures} × ${period} s to start`, {
        kind: 'set',
        path: [...c.path, 'startupProbe'],
        value,
      }),
    );
  }
  const fixes = data;
  const early = t.initialDelaySeconds + (t.failureThreshold - 1) * t.periodSeconds;
  const late = t.initialDelaySeconds + t.failureThreshold * t.periodSeconds;
  const when = v === 'killed' ? `after at most ${seconds(late)}` : `after ${seconds(early)} to ${seconds(late)}`;
  return {
    range: rangeOf(doc, livePath, 'initialDelaySeconds', c.path, 'livenessProbe'),
    message: `The liveness probe ${v === 'killed' ? 'kills' : 'may kill'} ${c.label} before it starts listening: it gives up ${when} (${budget(t)}), but ${c.label} listens only after about ${seconds(at)} (${why(model)}). Each restart starts over, so the container is restarted forever`,
    fixes,
  };
}

function checkStartup(
  doc: DocContext,
  c: ContainerAt,
  startup: Obj,
  live: Obj | undefined,
  model: ProcessModel,
  strict: boolean,
): Finding | undefined {
  const at = listensAt(c, startup, model);
  if (at === undefined) return undefined;
  const t = probeTiming(startup);
  const v = verdict(at, t);
  if (v === 'safe' || (v === 'maybe' && strict)) {
    // The startup probe passes once its port listens; liveness starts then. Only a liveness port that opens
    // later still matters.
    const lat = live ? listensAt(c, live, model) : undefined;
    if (live === undefined || lat === undefined || lat <= at) return undefined;
    const tl = probeTiming(live);
    const shifted: ProbeTiming = { ...tl, initialDelaySeconds: Math.max(tl.initialDelaySeconds, at) };
    const lv = verdict(lat, shifted);
    if (lv !== 'killed') return undefined;
    return checkLiveness(doc, c, { ...live, initialDelaySeconds: shifted.initialDelaySeconds }, model, strict);
  }
  const startupPath = [...c.path, 'startupProbe'];
  const failures = slowStartChange('startup', t, at).value;
  const early = t.initialDelaySeconds + (t.failureThreshold - 1) * t.periodSeconds;
  const late = t.initialDelaySeconds + t.failureThreshold * t.periodSeconds;
  const when = v === 'killed' ? `after at most ${seconds(late)}` : `after ${seconds(early)} to ${seconds(late)}`;
  return {
    range: rangeOf(doc, startupPath, 'failureThreshold', c.path, 'startupProbe'),
    message: `The startup probe ${v === 'killed' ? 'kills' : 'may kill'} ${c.label} before it starts listening: it gives up ${when} (${budget(t)}), but ${c.label} listens only after about ${seconds(at)} (${why(model)}). Each restart starts over, so the container is restarted forever`,
    fixes: [
      fix(
        `Raise the startup probe's failureThreshold to ${failures}`,
        { kind: 'set', path: [...startupPath, 'failureThreshold'], value: failures, first: true },
        true,
      ),
    ],
  };
}

/** The probe's `field` value when it is set, else the probe's key. */
function rangeOf(
  doc: DocContext,
  probePath: (string | number)[],
  field: string,
  containerPath: (string | number)[],
  probeKey: string,
) {
  return doc.keyRange(probePath, field)
    ? doc.range([...probePath, field])
    : (doc.keyRange(containerPath, probeKey) ?? doc.range(probePath));
}
