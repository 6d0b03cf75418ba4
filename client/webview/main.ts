// The Run Pod panel's webview: receives ToWebview messages, keeps the UI state (time, speed, selected pod) in
// vscode.setState, plays the simulation with requestAnimationFrame and posts FromWebview messages. A document
// opened for the first time starts at the moment of its verdict (model/verdict.ts openingTime), paused.
import {
  assertNever,
  type FromWebview,
  type PanelCommand,
  type PanelSimulation,
  type ToWebview,
} from '../src/panel/protocol';
import { nextEventTime, prevEventTime } from './model/events';
import { clampTime } from './model/format';
import { chooseSelection, findPod, podOfDocument, statusAt } from './model/pods';
import { forDocument, sanitizeState, type UiState } from './model/state';
import { isToWebview } from './model/guards';
import { openingTime } from './model/verdict';
import { createTimePoster } from './ui/timePost';
import { createVerdictCard } from './ui/verdictCard';
import type { Actions, Ctx } from './ui/context';
import { h, isTypingTarget } from './ui/dom';
import { createHeader } from './ui/header';
import { createControls } from './ui/controls';
import { createPodTable } from './ui/podTable';
import { createContainers } from './ui/containers';
import { createProbes } from './ui/probes';
import { createTimeline } from './ui/timeline';
import { createEvents } from './ui/events';
import { createWhatIf } from './ui/whatIf';

const DETAIL_INTERVAL_MS = 100; // tables while playing; the cursor and the clock move every frame
const vscode = acquireVsCodeApi<UiState>();
let state: UiState = sanitizeState(vscode.getState());
let sim: PanelSimulation | null = null;
let playing = false;
let lastFrame: number | null = null;
let lastDetails = 0;
let timelineKey = '';

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function persist(): void {
  vscode.setState(state);
}

const postTime = createTimePoster(post, persist, () => state.t);

const actions: Actions = {
  post,
  select(name) {
    state.selected = name;
    persist();
    render();
  },
  seek(t, final) {
    if (!sim) return;
    state.t = clampTime(t, sim.until);
    render();
    postTime(final);
  },
  togglePlay() {
    if (playing) pause();
    else play();
  },
  setSpeed(speed) {
    state.speed = speed;
    persist();
    renderFrame();
  },
  setEvents(patch) {
    state = { ...state, ...patch };
    persist();
    render();
  },
  reveal(cause) {
    post({ type: 'reveal', cause });
  },
};

function step(dir: -1 | 1): void {
  if (!sim) return;
  pause();
  const to = dir > 0 ? nextEventTime(sim.events, state.t) : prevEventTime(sim.events, state.t);
  if (to !== null) actions.seek(to, true);
}

// Layout: built once; the views update themselves in place.
const header = createHeader(actions);
const verdictCard = createVerdictCard(actions);
const controls = createControls(actions, step);
const podTable = createPodTable(actions);
const containers = createContainers();
const probes = createProbes();
const timeline = createTimeline(
  (t, final) => actions.seek(t, final),
  (pod) => actions.select(pod),
  () => renderFrame(),
);
timeline.attach(controls.scrubber);
const events = createEvents(actions);
const whatIf = createWhatIf(actions);
const simView = h(
  'main',
  { class: 'sim', attrs: { hidden: true } },
  verdictCard.el,
  controls.el,
  timeline.el,
  podTable.el,
  h('div', { class: 'columns' }, podTable.details, containers.el),
  probes.el,
  events.el,
  whatIf.el,
);

function context(s: PanelSimulation): Ctx {
  const pod = findPod(s, state.selected);
  return { sim: s, t: state.t, state, pod, status: pod ? statusAt(pod, state.t) : null };
}

/** The clock, the controls and the chart cursor: cheap enough for every animation frame. */
function renderFrame(): void {
  if (!sim) return;
  header.time(state.t, sim.until);
  controls.update({
    playing,
    speed: state.speed,
    t: state.t,
    until: sim.until,
    prev: prevEventTime(sim.events, state.t),
    next: nextEventTime(sim.events, state.t),
    range: timeline.range(),
  });
  timeline.time(state.t);
}

/** Everything. */
function render(): void {
  if (!sim) return;
  const ctx = context(sim);
  const key = `${sim.title}\u0000${ctx.pod?.name ?? ''}`;
  if (key !== timelineKey) {
    timelineKey = key;
    timeline.data(sim, ctx.pod);
  }
  renderFrame();
  timeline.update(state.t);
  podTable.update(ctx);
  containers.update(ctx);
  probes.update(ctx);
  events.update(ctx);
  whatIf.update(ctx);
  lastDetails = performance.now();
}

function frame(now: number): void {
  if (!playing || !sim) return;
  if (lastFrame !== null)
    state.t = clampTime(state.t + (Math.min(250, now - lastFrame) / 1000) * state.speed, sim.until);
  lastFrame = now;
  if (state.t >= sim.until) {
    pause();
    render();
    return;
  }
  if (now - lastDetails >= DETAIL_INTERVAL_MS) render();
  else renderFrame();
  postTime(false);
  window.requestAnimationFrame(frame);
}

function play(): void {
  if (!sim || playing) return;
  if (state.t >= sim.until) state.t = 0;
  playing = true;
  lastFrame = null;
  renderFrame();
  window.requestAnimationFrame(frame);
}

function pause(): void {
  if (!playing) return;
  playing = false;
  lastFrame = null;
  render();
  postTime(true);
}

function command(c: PanelCommand): void {
  if (!sim) return;
  switch (c) {
    case 'togglePlay':
      actions.togglePlay();
      return;
    case 'nextEvent':
      step(1);
      return;
    case 'previousEvent':
      step(-1);
      return;
    case 'jumpToVerdict':
      pause();
      actions.seek(openingTime(sim.verdicts, sim.until), true);
      return;
    default:
      assertNever(c);
  }
}

function show(what: 'sim' | 'message'): void {
  simView.hidden = what !== 'sim';
}

function receive(msg: ToWebview): void {
  switch (msg.type) {
    case 'simulation': {
      const first = sim === null;
      const before = state.doc;
      sim = msg.simulation;
      state = forDocument(state, msg.uri ?? sim.title, msg.uri);
      // A document seen for the first time (not a re-run, not a reload) opens at the moment that matters.
      const fresh = state.doc !== before || (first && before === undefined);
      if (fresh) {
        state.t = openingTime(sim.verdicts, sim.until);
        verdictCard.fixes([]);
      }
      state.t = clampTime(state.t, sim.until);
      // The CodeLens's document selects its workload's pod; else the selection stays, or the verdict's pod.
      const focused = msg.focus === undefined ? null : podOfDocument(sim, msg.focus);
      state.selected = focused ?? chooseSelection(sim, state.selected, state.t);
      timelineKey = ''; // new runs (a what-if changed them) redraw the chart
      header.simulation(sim);
      verdictCard.update(sim);
      simView.classList.remove('stale');
      show('sim');
      render();
      persist();
      if (first || state.doc !== before) postTime(true);
      return;
    }
    case 'problems':
      pause();
      header.problems(msg.title, msg.problems, msg.keep && sim !== null);
      if (msg.keep && sim) {
        // The last good run stays, dimmed, under the problems (it is the same document's).
        simView.classList.add('stale');
        return;
      }
      sim = null;
      show('message');
      return;
    case 'fixes':
      verdictCard.fixes(msg.fixes);
      return;
    case 'pinned':
      header.pinned(msg.pinned);
      return;
    case 'seek':
      // Before a simulation arrives the time is kept and clamped once the until is known.
      state.t = sim ? clampTime(msg.t, sim.until) : Math.max(0, msg.t);
      persist();
      render();
      return;
    case 'command':
      command(msg.command);
      return;
    case 'empty':
      pause();
      sim = null;
      header.empty(msg.message);
      show('message');
      return;
    default:
      assertNever(msg);
  }
}

function start(): void {
  document.body.replaceChildren(header.el, simView);
  window.addEventListener('message', (ev: MessageEvent<unknown>) => {
    if (isToWebview(ev.data)) receive(ev.data);
  });
  document.addEventListener('keydown', (ev) => {
    if (
      (ev.key === ' ' || ev.code === 'Space') &&
      !ev.ctrlKey &&
      !ev.metaKey &&
      !ev.altKey &&
      !isTypingTarget(ev.target)
    ) {
      ev.preventDefault();
      actions.togglePlay();
    }
  });
  post({ type: 'ready' });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
