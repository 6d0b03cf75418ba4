// The Run Pod panel's webview: receives ToWebview messages, keeps the UI state (time, speed, selected pod) in
// vscode.setState, plays the simulation with requestAnimationFrame and posts FromWebview messages.
import { assertNever, type FromWebview, type PanelSimulation, type ToWebview } from '../src/panel/protocol';
import { nextEventTime, prevEventTime } from './model/events';
import { clampTime } from './model/format';
import { chooseSelection, findPod, statusAt } from './model/pods';
import { forDocument, sanitizeState, type UiState } from './model/state';
import { TimeThrottle } from './model/throttle';
import { isToWebview } from './model/guards';
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
let trailing: number | undefined;
let timelineKey = '';
const throttle = new TimeThrottle(200);

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function persist(): void {
  vscode.setState(state);
}

/** Posts the current time: throttled (at most ~5/s) unless final (pause, step, scrub end, chart click). */
function postTime(final: boolean): void {
  const now = performance.now();
  const t = Math.round(state.t * 1000) / 1000;
  const sent = final ? throttle.flush(t, now) : throttle.offer(t, now);
  if (sent !== null) {
    post({ type: 'time', t: sent });
    persist();
  } else if (!final && trailing === undefined) {
    const at = throttle.dueAt();
    if (at !== null) {
      trailing = window.setTimeout(
        () => {
          trailing = undefined;
          const due = throttle.due(performance.now());
          if (due !== null) {
            post({ type: 'time', t: due });
            persist();
          }
        },
        Math.max(0, at - now) + 1,
      );
    }
  }
  if (final) persist();
}

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
const header = createHeader();
const controls = createControls(actions, step);
const podTable = createPodTable(actions);
const containers = createContainers();
const probes = createProbes();
const timeline = createTimeline((t) => actions.seek(t, true));
const events = createEvents(actions);
const whatIf = createWhatIf(actions);
const simView = h(
  'main',
  { class: 'sim', attrs: { hidden: true } },
  controls.el,
  podTable.el,
  h('div', { class: 'columns' }, podTable.details, containers.el),
  probes.el,
  timeline.el,
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
      state.t = clampTime(state.t, sim.until);
      state.selected = chooseSelection(sim, state.selected, state.t);
      timelineKey = ''; // new runs (a what-if changed them) redraw the chart
      header.simulation(sim);
      show('sim');
      render();
      persist();
      if (first || state.doc !== before) postTime(true);
      return;
    }
    case 'problems':
      pause();
      sim = null;
      header.problems(msg.title, msg.problems);
      show('message');
      return;
    case 'seek':
      // Before a simulation arrives the time is kept and clamped once the until is known.
      state.t = sim ? clampTime(msg.t, sim.until) : Math.max(0, msg.t);
      persist();
      render();
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
