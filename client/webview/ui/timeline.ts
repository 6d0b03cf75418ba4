// The timeline, the panel's centrepiece: one inline SVG over the card's full width with, per workload (YAML
// document), a summary row (a Job's condition, a Deployment's ready replicas) and one lane per pod in creation
// order (a Job's attempts with the controller's back-off between them, a ReplicaSet's replacements); the
// selected pod opens into its container lanes (runs, back-off, probe results, kills). Hover a marker to read it,
// click it to move the time there; click or drag the chart to scrub; zoom with the buttons or Ctrl+wheel. The
// time slider (ui/controls.ts) sits on the chart's axis, over the same window.
import type { PanelPod, PanelSimulation } from '../../src/panel/protocol';
import { humanDuration } from '../../../simulator/src/view';
import { axisTicks, podLanes } from '../model/lanes';
import { workloadGroups, workloadSummary, type WorkloadGroup } from '../model/workloads';
import { button, h, s, setAttr, setText } from './dom';
import {
  drawAxis,
  drawCondition,
  drawContainerLane,
  drawGroupRow,
  drawPodLane,
  RIGHT,
  ROW,
  windowTicks,
  type Scale,
} from './timelineDraw';

/** A window narrower than this is not zoomed into (seconds). */
const MIN_WINDOW = 2;
const HINT = 'Hover a marker to read it; click to move the time there. Ctrl+wheel zooms.';

export interface Timeline {
  el: HTMLElement;
  /** Rebuild the chart (new simulation, other pod). */
  data(sim: PanelSimulation, pod: PanelPod | null): void;
  /** The workloads' summaries at t (every render). */
  update(t: number): void;
  /** Move the cursor (cheap; called every frame while playing). */
  time(t: number): void;
  /** The window shown, for the slider on the axis. */
  range(): [number, number];
  /** Place the time slider on the chart's axis. */
  attach(scrubber: HTMLElement): void;
}

const LEGEND: [string, string][] = [
  ['span-waiting', 'waiting'],
  ['span-running unready', 'running, not ready'],
  ['span-running', 'running (ready)'],
  ['span-backoff', 'back-off'],
  ['exit-completed', 'Completed'],
  ['exit-error', 'Error / Failed'],
  ['exit-oomkilled', 'OOMKilled'],
  ['mark-probe-failure', 'probe failure'],
  ['mark-kill', 'kill'],
  ['job-gap', 'Job back-off'],
];

export function createTimeline(
  onSeek: (t: number, final: boolean) => void,
  onSelect: (pod: string) => void,
  /** The window changed (zoom, pan): the slider follows. */
  onZoom: () => void,
): Timeline {
  const host = h('div', { class: 'timeline-host' });
  const scrub = h('div', { class: 'timeline-scrub' });
  const tipLine = h('p', { class: 'timeline-tip muted', text: HINT, attrs: { 'aria-live': 'polite' } });
  const zoomReadout = h('span', { class: 'zoom-readout muted' });
  const zoom = (f: number) => setWindow(zoomAround(cursorT, f));
  const zoomIn = button('+', () => zoom(0.5), {
    class: 'small',
    attrs: { 'aria-label': 'Zoom in around the current time' },
  });
  const zoomOut = button('−', () => zoom(2), { class: 'small', attrs: { 'aria-label': 'Zoom out' } });
  const fitAll = button('Whole run', () => setWindow([0, until]), {
    class: 'small',
    attrs: { 'aria-label': 'Show the whole run' },
  });
  const legend = h(
    'ul',
    { class: 'legend', attrs: { 'aria-label': 'Legend' } },
    ...LEGEND.map(([cls, label]) =>
      h('li', null, h('span', { class: `swatch ${cls}`, attrs: { 'aria-hidden': 'true' } }), label),
    ),
  );
  const el = h(
    'section',
    { class: 'card timeline-card', attrs: { 'aria-label': 'Timeline' } },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { text: 'Timeline' }),
      h(
        'span',
        { class: 'zoom', attrs: { role: 'group', 'aria-label': 'Zoom' } },
        zoomReadout,
        zoomOut,
        zoomIn,
        fitAll,
      ),
    ),
    scrub,
    host,
    tipLine,
    legend,
  );

  let sim: PanelSimulation | null = null;
  let pod: PanelPod | null = null;
  let groups: WorkloadGroup[] = [];
  let summaries: { group: WorkloadGroup; text: SVGTSpanElement; lastLane: number }[] = [];
  let until = 1;
  let win: [number, number] = [0, 1];
  let width = 0;
  let gutter = 170;
  let cursorT = 0;
  let cursor: SVGLineElement | null = null;
  let future: SVGRectElement | null = null;
  let sc: Scale | null = null;

  function scale(): Scale {
    const [from, to] = win;
    const span = Math.max(1e-9, to - from);
    const g = gutter;
    const w = width;
    return {
      from,
      to,
      gutter: g,
      width: w,
      x: (t) => g + ((Math.max(from, Math.min(to, t)) - from) / span) * (w - g - RIGHT),
    };
  }

  function zoomAround(center: number, factor: number): [number, number] {
    const span = Math.min(until, Math.max(MIN_WINDOW, (win[1] - win[0]) * factor));
    const from = Math.max(0, Math.min(until - span, center - span / 2));
    return [from, from + span];
  }

  function setWindow(next: [number, number]): void {
    win = next;
    draw();
    onZoom();
  }

  function draw(): void {
    cursor = null;
    future = null;
    summaries = [];
    width = Math.max(240, Math.floor(host.clientWidth || 800));
    gutter = width < 520 ? 110 : 170;
    el.classList.toggle('narrow', gutter < 170);
    const zoomed = win[0] > 0 || win[1] < until;
    setText(zoomReadout, zoomed ? `${humanDuration(win[0])}–${humanDuration(win[1])}` : '');
    zoomOut.disabled = !zoomed;
    fitAll.disabled = !zoomed;
    if (!sim || groups.every((g) => g.lanes.length === 0)) {
      host.replaceChildren(h('p', { class: 'muted', text: 'No pod yet.' }));
      return;
    }
    sc = scale();
    const chars = Math.floor((gutter - 14) / 7.2);
    // The rows first (their height sets the chart's), in a group drawn over the axis' grid lines.
    const rows = s('g', {});
    let y = ROW.axis;
    for (const g of groups) {
      const entry = { group: g, text: drawGroupRow(rows, y, g), lastLane: y };
      summaries.push(entry);
      y += ROW.group;
      for (const lane of g.lanes) {
        const selected = lane.pod.name === pod?.name;
        drawPodLane(rows, sc, y, lane, selected, chars);
        entry.lastLane = y;
        y += ROW.pod + 2;
        if (!selected) continue;
        for (const c of podLanes(lane.pod, until, sim.probes)) {
          drawContainerLane(rows, sc, y, c, chars);
          y += ROW.container + 2;
        }
      }
      const c = workloadSummary(sim, g, until).condition;
      const words = c && `t=${humanDuration(c.t)} Job ${c.type}${c.reason ? `: ${c.reason}` : ''} — ${c.message}`;
      if (c && words) drawCondition(rows, sc, entry.lastLane, c.t, c.type === 'Failed', words);
    }
    const height = y + 4;
    const objects = groups.map((g) => g.workload.object).join(', ');
    const root = s('svg', {
      class: 'timeline',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': `Timeline of ${objects}: one lane per pod; click to move the time`,
    });
    const ticks = axisTicks(win[1] - win[0], Math.max(2, Math.floor((width - gutter) / 90)));
    drawAxis(root, sc, height, windowTicks(win[0], win[1], (ticks[1] ?? 1) - (ticks[0] ?? 0) || 1));
    future = s('rect', { class: 'future', x: gutter, y: ROW.axis - 4, width: 0, height: height - ROW.axis + 4 });
    cursor = s('line', { class: 'cursor', x1: gutter, x2: gutter, y1: ROW.axis - 6, y2: height });
    root.append(rows, future, cursor);
    host.replaceChildren(root);
    listen(root);
    timeline.update(cursorT);
    timeline.time(cursorT);
  }

  function timeAt(root: SVGSVGElement, clientX: number): number | null {
    const box = root.getBoundingClientRect();
    if (box.width <= 0 || !sc) return null;
    const px = ((clientX - box.left) / box.width) * width;
    if (px < gutter - 4) return null;
    const t = win[0] + ((px - gutter) / (width - gutter - RIGHT)) * (win[1] - win[0]);
    return Math.max(win[0], Math.min(win[1], t));
  }

  function listen(root: SVGSVGElement): void {
    let dragging = false;
    root.addEventListener('mouseover', (ev) => {
      const target = ev.target instanceof Element ? ev.target.closest('[data-tip]') : null;
      setText(tipLine, target?.getAttribute('data-tip') ?? HINT);
    });
    root.addEventListener('pointerdown', (ev) => {
      const target = ev.target instanceof Element ? ev.target : null;
      const podName = target?.closest('[data-pod]')?.getAttribute('data-pod');
      if (podName) return onSelect(podName);
      const marked = target?.closest('[data-t]')?.getAttribute('data-t');
      if (marked) return onSeek(Number(marked), true);
      const t = timeAt(root, ev.clientX);
      if (t === null) return;
      dragging = true;
      root.setPointerCapture(ev.pointerId);
      onSeek(t, false);
    });
    root.addEventListener('pointermove', (ev) => {
      const t = dragging ? timeAt(root, ev.clientX) : null;
      if (t !== null) onSeek(t, false);
    });
    const end = (ev: PointerEvent) => {
      if (!dragging) return;
      dragging = false;
      const t = timeAt(root, ev.clientX);
      onSeek(t ?? cursorT, true);
    };
    root.addEventListener('pointerup', end);
    root.addEventListener('pointercancel', end);
    root.addEventListener(
      'wheel',
      (ev) => {
        if (!ev.ctrlKey && !ev.metaKey) return; // plain wheel scrolls the page
        ev.preventDefault();
        setWindow(zoomAround(timeAt(root, ev.clientX) ?? cursorT, ev.deltaY > 0 ? 1.5 : 1 / 1.5));
      },
      { passive: false },
    );
  }

  const timeline: Timeline = {
    el,
    data(next, selected) {
      const fresh = sim?.title !== next.title || until !== (next.until > 0 ? next.until : 1);
      sim = next;
      pod = selected;
      until = next.until > 0 ? next.until : 1;
      if (fresh) win = [0, until];
      groups = workloadGroups(next);
      draw();
    },
    update(t) {
      if (!sim) return;
      for (const { group, text } of summaries) {
        const sum = workloadSummary(sim, group, t);
        setText(text, sum.text);
        setAttr(text, 'class', `group-summary ${sum.tone}`);
      }
    },
    time(now) {
      cursorT = now;
      // Playing past the zoomed window pages it along.
      if ((now > win[1] || now < win[0]) && win[1] - win[0] < until) {
        const span = win[1] - win[0];
        const from = Math.max(0, Math.min(until - span, now - span * 0.1));
        return setWindow([from, from + span]);
      }
      if (!cursor || !future || !sc) return;
      const cx = sc.x(now);
      setAttr(cursor, 'x1', cx);
      setAttr(cursor, 'x2', cx);
      setAttr(future, 'x', cx);
      setAttr(future, 'width', Math.max(0, width - RIGHT - cx));
    },
    range: () => [win[0], win[1]],
    attach(scrubber) {
      scrub.replaceChildren(scrubber);
    },
  };

  let resizeTimer: number | undefined;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(draw, 100);
  });
  return timeline;
}
