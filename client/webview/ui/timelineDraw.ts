// Drawing the timeline's rows into its SVG (createElementNS only; colours through classes in
// media/panel-timeline.css, geometry through presentation attributes). Every marker carries its time (`data-t`)
// and its words (`data-tip`, and a <title> for the native tooltip): ui/timeline.ts shows the words on hover and
// moves the panel's time to `data-t` on click.
import { humanDuration } from '../../../simulator/src/view';
import type { Lane, Mark } from '../model/lanes';
import type { PodLane, PodStateKind, WorkloadGroup } from '../model/workloads';
import { s } from './dom';

/** The visible window [from, to] mapped onto the plot area (right of the gutter of lane labels). */
export interface Scale {
  from: number;
  to: number;
  gutter: number;
  width: number;
  x(t: number): number;
}

export const RIGHT = 12;
export const ROW = { axis: 22, group: 20, pod: 20, container: 18 };

/** A label that fits `max` characters, keeping the end (a generated pod name's distinctive suffix). */
function fit(text: string, max: number): string {
  return text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
}

/** Round ticks inside [from, to], about `count` of them. */
export function windowTicks(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / step - 1e-9) * step; t <= to + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

export function drawAxis(root: SVGElement, sc: Scale, height: number, ticks: number[]): void {
  for (const tick of ticks) {
    root.append(
      s('line', { class: 'grid-line', x1: sc.x(tick), x2: sc.x(tick), y1: ROW.axis - 4, y2: height }),
      s('text', { class: 'axis-label', x: sc.x(tick), y: ROW.axis - 8, 'text-anchor': 'middle' }, humanDuration(tick)),
    );
  }
}

const visible = (sc: Scale, from: number, to: number): [number, number] | null => {
  const a = Math.max(from, sc.from);
  const b = Math.min(to, sc.to);
  return b > a ? [a, b] : null;
};

function tip(text: string, t: number): Record<string, string | number> {
  return { 'data-t': t, 'data-tip': text };
}

/** The workload's row, across the chart: its name and its summary (filled in at each time by the caller). */
export function drawGroupRow(root: SVGElement, y: number, g: WorkloadGroup): SVGTSpanElement {
  const w = g.workload;
  const summary = s('tspan', { class: 'group-summary' });
  root.append(
    s(
      'text',
      { class: 'group-row', x: 4, y: y + ROW.group / 2 + 5 },
      s('title', {}, `${w.object} (document ${w.doc + 1})`),
      s('tspan', { class: 'group-label' }, w.object),
      '  ',
      summary,
    ),
  );
  return summary;
}

/** The Job's Complete/Failed moment on its row. */
export function drawCondition(root: SVGElement, sc: Scale, y: number, t: number, failed: boolean, text: string): void {
  if (t < sc.from || t > sc.to) return;
  const cx = sc.x(t);
  const cy = y + ROW.group / 2;
  root.append(
    s(
      'path',
      {
        class: `mark mark-condition ${failed ? 'exit-error' : 'exit-completed'}`,
        d: `M${cx},${cy - 7} L${cx + 7},${cy} L${cx},${cy + 7} L${cx - 7},${cy} Z`,
        ...tip(text, t),
      },
      s('title', {}, text),
    ),
  );
}

const SEGMENT_CLASS: Readonly<Record<PodStateKind, string>> = {
  waiting: 'span-waiting',
  running: 'span-running unready',
  ready: 'span-running',
  backoff: 'span-backoff',
  completed: 'span-terminated exit-completed',
  failed: 'span-terminated exit-error',
  terminating: 'span-waiting terminating',
};

/** One pod: its states over time, its containers' kills and exits, a Job attempt's back-off gap before it. */
export function drawPodLane(
  root: SVGElement,
  sc: Scale,
  y: number,
  lane: PodLane,
  selected: boolean,
  chars: number,
): void {
  const h = ROW.pod;
  const name = lane.attempt !== undefined ? `#${lane.attempt} ${lane.pod.name}` : lane.pod.name;
  const shown = lane.attempt !== undefined ? `#${lane.attempt} ${fit(lane.pod.name, chars - 3)}` : fit(name, chars);
  root.append(
    s(
      'text',
      {
        class: `lane-label pod-label${selected ? ' selected' : ''}`,
        x: 10,
        y: y + h / 2 + 4,
        'data-pod': lane.pod.name,
      },
      s('title', {}, `${name}: click to show its containers`),
      shown,
    ),
    s('rect', {
      class: `lane-bg${selected ? ' selected' : ''}`,
      x: sc.gutter,
      y,
      width: sc.width - sc.gutter - RIGHT,
      height: h,
    }),
  );
  if (lane.gap) {
    const v = visible(sc, lane.gap.from, lane.gap.to);
    if (v) {
      const words = `job back-off ${humanDuration(lane.gap.to - lane.gap.from)}: t=${humanDuration(lane.gap.from)}–${humanDuration(lane.gap.to)}`;
      const [a, b] = [sc.x(v[0]), sc.x(v[1])];
      root.append(
        s(
          'line',
          { class: 'job-gap', x1: a, x2: b, y1: y + h / 2, y2: y + h / 2, ...tip(words, lane.gap.to) },
          s('title', {}, words),
        ),
      );
      if (b - a > 34)
        root.append(
          s(
            'text',
            { class: 'gap-label', x: (a + b) / 2, y: y + h / 2 - 3, 'text-anchor': 'middle' },
            humanDuration(lane.gap.to - lane.gap.from),
          ),
        );
    }
  }
  for (const seg of lane.segments) {
    const v = visible(sc, seg.from, seg.to);
    if (!v) continue;
    const w = Math.max(1, sc.x(v[1]) - sc.x(v[0]));
    root.append(
      s(
        'rect',
        { class: `span ${SEGMENT_CLASS[seg.kind]}`, x: sc.x(v[0]), y: y + 3, width: w, height: h - 6 },
        s('title', {}, seg.title),
      ),
    );
  }
  for (const m of lane.marks) drawMark(root, sc, y, h, m);
}

/** One container of the selected pod: its runs, back-off waits, probe results and kills. */
export function drawContainerLane(root: SVGElement, sc: Scale, y: number, lane: Lane, chars: number): void {
  const h = ROW.container;
  root.append(
    s(
      'text',
      { class: 'lane-label container-label', x: 22, y: y + h / 2 + 4 },
      s('title', {}, `container ${lane.container} (${lane.kind})`),
      fit(lane.container, chars - 2),
    ),
    s('rect', { class: 'lane-bg container', x: sc.gutter, y, width: sc.width - sc.gutter - RIGHT, height: h }),
  );
  for (const sp of lane.spans) {
    const v = visible(sc, sp.from, sp.to);
    if (!v) continue;
    const cls = `span span-${sp.kind}${sp.exit && sp.kind !== 'running' ? ` exit-${sp.exit}` : ''}`;
    const w = Math.max(1, sc.x(v[1]) - sc.x(v[0]));
    root.append(s('rect', { class: cls, x: sc.x(v[0]), y: y + 4, width: w, height: h - 8 }, s('title', {}, sp.title)));
  }
  for (const m of lane.marks) drawMark(root, sc, y, h, m);
}

function drawMark(root: SVGElement, sc: Scale, y: number, h: number, m: Mark): void {
  if (m.t < sc.from || m.t > sc.to) return;
  const mx = sc.x(m.t);
  const title = s('title', {}, m.title);
  if (m.kind === 'kill') {
    const d = `M${mx - 5},${y - 3} L${mx + 5},${y - 3} L${mx},${y + 5} Z`;
    root.append(s('path', { class: 'mark mark-kill', d, ...tip(m.title, m.t) }, title));
  } else if (m.kind === 'exit') {
    const cls = `mark mark-exit exit-${m.exit ?? 'other'}`;
    root.append(s('rect', { class: cls, x: mx - 2, y: y + 2, width: 4, height: h - 4, ...tip(m.title, m.t) }, title));
  } else {
    const tall = m.kind === 'probe-failure';
    const y1 = y + h - (tall ? 11 : 6);
    root.append(
      s('line', { class: `mark mark-${m.kind}`, x1: mx, x2: mx, y1, y2: y + h, ...tip(m.title, m.t) }, title),
    );
  }
}
