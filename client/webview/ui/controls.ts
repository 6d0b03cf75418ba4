// Time controls: play/pause, speed, previous/next event, and the scrub slider. Built once, updated in place.
// The slider (`scrubber`) is placed by main.ts on the timeline's axis, and spans the timeline's window.
import { SPEEDS, type Speed } from '../model/state';
import { humanDuration } from '../../../simulator/src/view';
import type { Actions } from './context';
import { button, h, setAttr, setText } from './dom';

export interface ControlsView {
  playing: boolean;
  speed: Speed;
  t: number;
  until: number;
  prev: number | null;
  next: number | null;
  /** The timeline's window: the slider spans it, aligned with the chart's axis. */
  range: [number, number];
}

export interface Controls {
  el: HTMLElement;
  /** The slider, for the timeline card (the readout stays in the sticky bar). */
  scrubber: HTMLElement;
  update(v: ControlsView): void;
}

export function createControls(actions: Actions, onStep: (dir: -1 | 1) => void): Controls {
  const play = button('▶ Play', () => actions.togglePlay(), {
    class: 'play primary',
    attrs: { 'aria-label': 'Play', 'aria-pressed': 'false' },
  });
  const prev = button('◂ Prev event', () => onStep(-1), { attrs: { 'aria-label': 'Step back to the previous event' } });
  const next = button('Next event ▸', () => onStep(1), { attrs: { 'aria-label': 'Step to the next event' } });
  const speeds = SPEEDS.map((sp) =>
    button(`${sp}×`, () => actions.setSpeed(sp), {
      class: 'speed',
      attrs: { 'aria-label': `Speed ${sp} simulated seconds per second`, 'aria-pressed': 'false' },
    }),
  );
  const slider = h('input', {
    class: 'scrub',
    attrs: {
      type: 'range',
      min: 0,
      max: 1,
      step: 0.1,
      value: 0,
      'aria-label': 'Simulated time in seconds; arrows move 1 s, Shift+arrows 10 s',
    },
  });
  slider.addEventListener('input', () => actions.seek(Number(slider.value), false));
  slider.addEventListener('change', () => actions.seek(Number(slider.value), true));
  // Keyboard steps in whole seconds (the slider's own step is 0.1 s for the mouse): arrows ±1 s, Shift ±10 s,
  // Page Up/Down ±10 % of the run, Home/End to the ends.
  let until = 1;
  slider.addEventListener('keydown', (ev) => {
    const t = Number(slider.value);
    const big = Math.max(1, Math.round(until / 10));
    const by: Record<string, number> = {
      ArrowRight: 1,
      ArrowUp: 1,
      ArrowLeft: -1,
      ArrowDown: -1,
      PageUp: big,
      PageDown: -big,
    };
    let to: number | null = null;
    if (ev.key === 'Home') to = 0;
    else if (ev.key === 'End') to = until;
    else if (by[ev.key] !== undefined)
      to = t + (by[ev.key] as number) * (ev.shiftKey && ev.key.startsWith('Arrow') ? 10 : 1);
    if (to === null) return;
    ev.preventDefault();
    actions.seek(Math.max(0, Math.min(until, to)), true);
  });
  const readout = h('output', { class: 'readout', attrs: { 'aria-live': 'off' } });

  const el = h(
    'section',
    { class: 'controls', attrs: { 'aria-label': 'Time controls' } },
    h(
      'div',
      { class: 'buttons' },
      play,
      prev,
      next,
      h('span', { class: 'speeds', attrs: { role: 'group', 'aria-label': 'Speed' } }, ...speeds),
    ),
    readout,
  );
  const scrubber = h('div', { class: 'scrubber' }, slider);

  return {
    el,
    scrubber,
    update(v) {
      setText(play, v.playing ? '❚❚ Pause' : '▶ Play');
      setAttr(play, 'aria-label', v.playing ? 'Pause' : 'Play');
      setAttr(play, 'aria-pressed', String(v.playing));
      speeds.forEach((b, i) => {
        const on = SPEEDS[i] === v.speed;
        setAttr(b, 'aria-pressed', String(on));
        b.classList.toggle('active', on);
      });
      prev.disabled = v.prev === null;
      next.disabled = v.next === null;
      setAttr(prev, 'title', v.prev === null ? 'No earlier event' : `Previous event at t=${humanDuration(v.prev)}`);
      setAttr(next, 'title', v.next === null ? 'No later event' : `Next event at t=${humanDuration(v.next)}`);
      until = v.until;
      const step = v.until > 600 ? 1 : 0.1;
      setAttr(slider, 'min', v.range[0]);
      setAttr(slider, 'max', v.range[1]);
      setAttr(slider, 'step', step);
      if (Math.abs(Number(slider.value) - v.t) > step / 2) slider.value = String(v.t);
      setAttr(slider, 'aria-valuetext', `t=${humanDuration(v.t)} of ${humanDuration(v.until)}`);
      setText(readout, `${humanDuration(v.t)} / ${humanDuration(v.until)}`);
    },
  };
}
