// The timeline chart: an inline SVG (createElementNS only) with one lane per container of the selected pod,
// probe ticks, kills, back-off spans and a cursor at t. Clicking the chart seeks.
import type { PanelPod, PanelSimulation } from '../../src/panel/protocol';
import { humanDuration } from '../../../simulator/src/view';
import { axisTicks, podLanes, type Lane } from '../model/lanes';
import { h, rebuild, s, setAttr } from './dom';

const GUTTER = 150;
const AXIS = 22;
const LANE = 24;
const GAP = 10;
const RIGHT = 12;

export interface Timeline {
  el: HTMLElement;
  /** Rebuild the chart (new simulation, other pod, resize). */
  data(sim: PanelSimulation, pod: PanelPod | null): void;
  /** Move the cursor (cheap; called every frame while playing). */
  time(t: number): void;
}

const LEGEND: [string, string][] = [
  ['span-waiting', 'waiting'],
  ['span-running', 'running'],
  ['span-backoff', 'back-off'],
  ['exit-completed', 'Completed'],
  ['exit-error', 'Error'],
  ['exit-oomkilled', 'OOMKilled'],
  ['mark-probe-failure', 'probe failure'],
  ['mark-kill', 'kill'],
];

export function createTimeline(onSeek: (t: number) => void): Timeline {
  const host = h('div', { class: 'timeline-host' });
  const legend = h(
    'ul',
    { class: 'legend', attrs: { 'aria-label': 'Legend' } },
    ...LEGEND.map(([cls, label]) =>
      h('li', null, h('span', { class: `swatch ${cls}`, attrs: { 'aria-hidden': 'true' } }), label),
    ),
  );
  const el = h(
    'section',
    { class: 'card', attrs: { 'aria-label': 'Timeline' } },
    h('h2', { text: 'Timeline' }),
    host,
    legend,
  );
  let width = 0;
  let until = 1;
  let cursor: SVGLineElement | null = null;
  let future: SVGRectElement | null = null;
  let last: { sim: PanelSimulation; pod: PanelPod | null } | null = null;
  let t = 0;
  const x = (v: number): number => GUTTER + (Math.max(0, Math.min(until, v)) / until) * (width - GUTTER - RIGHT);

  const timeline: Timeline = {
    el,
    data(sim, pod) {
      last = { sim, pod };
      width = Math.max(420, Math.floor(host.clientWidth || 800));
      until = sim.until > 0 ? sim.until : 1;
      const lanes = pod ? podLanes(pod, sim.until, sim.probes) : [];
      rebuild(host, JSON.stringify([width, sim.until, pod?.name ?? null, lanes]), () => {
        cursor = null;
        future = null;
        if (!pod || lanes.length === 0) return [h('p', { class: 'muted', text: 'No pod selected.' })];
        return [chart(pod, lanes)];
      });
      timeline.time(t);
    },
    time(now) {
      t = now;
      if (!cursor || !future) return;
      const cx = x(now);
      setAttr(cursor, 'x1', cx);
      setAttr(cursor, 'x2', cx);
      setAttr(future, 'x', cx);
      setAttr(future, 'width', Math.max(0, width - RIGHT - cx));
    },
  };

  function chart(pod: PanelPod, lanes: Lane[]): SVGSVGElement {
    const height = AXIS + lanes.length * (LANE + GAP) + 4;
    const root = s('svg', {
      class: 'timeline',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': `Timeline of pod ${pod.name}: one lane per container; click to move the time`,
    });
    for (const tick of axisTicks(until, Math.max(2, Math.floor((width - GUTTER) / 90)))) {
      root.append(
        s('line', { class: 'grid-line', x1: x(tick), x2: x(tick), y1: AXIS - 4, y2: height }),
        s('text', { class: 'axis-label', x: x(tick), y: AXIS - 8, 'text-anchor': 'middle' }, humanDuration(tick)),
      );
    }
    lanes.forEach((lane, i) => {
      const y = AXIS + i * (LANE + GAP);
      const name = lane.container.length > 20 ? `${lane.container.slice(0, 19)}…` : lane.container;
      root.append(
        s(
          'text',
          { class: 'lane-label', x: 6, y: y + LANE / 2 + 4 },
          s('title', {}, `${lane.container} (${lane.kind})`),
          name,
        ),
        s('rect', { class: 'lane-bg', x: GUTTER, y, width: width - GUTTER - RIGHT, height: LANE }),
      );
      for (const sp of lane.spans) {
        const cls = `span span-${sp.kind}${sp.exit && sp.kind !== 'running' ? ` exit-${sp.exit}` : ''}`;
        const w = Math.max(1, x(sp.to) - x(sp.from));
        root.append(
          s('rect', { class: cls, x: x(sp.from), y: y + 4, width: w, height: LANE - 8 }, s('title', {}, sp.title)),
        );
      }
      for (const m of lane.marks) {
        const mx = x(m.t);
        if (m.kind === 'kill') {
          root.append(
            s(
              'path',
              { class: 'mark mark-kill', d: `M${mx - 5},${y - 3} L${mx + 5},${y - 3} L${mx},${y + 5} Z` },
              s('title', {}, m.title),
            ),
          );
        } else if (m.kind === 'exit') {
          root.append(
            s(
              'rect',
              { class: `mark mark-exit exit-${m.exit ?? 'other'}`, x: mx - 2, y: y + 2, width: 4, height: LANE - 4 },
              s('title', {}, m.title),
            ),
          );
        } else {
          const tall = m.kind === 'probe-failure';
          root.append(
            s(
              'line',
              { class: `mark mark-${m.kind}`, x1: mx, x2: mx, y1: y + LANE - (tall ? 12 : 7), y2: y + LANE },
              s('title', {}, m.title),
            ),
          );
        }
      }
    });
    future = s('rect', { class: 'future', x: GUTTER, y: AXIS - 4, width: 0, height: height - AXIS + 4 });
    cursor = s('line', { class: 'cursor', x1: GUTTER, x2: GUTTER, y1: AXIS - 6, y2: height });
    root.append(future, cursor);
    root.addEventListener('click', (ev) => {
      const box = root.getBoundingClientRect();
      if (box.width <= 0) return;
      const px = ((ev.clientX - box.left) / box.width) * width;
      if (px < GUTTER - 4) return;
      const span = width - GUTTER - RIGHT;
      onSeek(Math.max(0, Math.min(until, ((px - GUTTER) / span) * until)));
    });
    return root;
  }

  let resizeTimer: number | undefined;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (last) timeline.data(last.sim, last.pod);
    }, 100);
  });
  return timeline;
}
