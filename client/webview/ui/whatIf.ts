// What-if actions for the selected pod at the current t (named by its workload, PanelPod.target, so that they
// survive template edits), the list of active ones, the loaded scenario's events, and Save/Load/Unload scenario.
import type { WhatIfAction } from '../../src/panel/protocol';
import { describeWhatIf, roundAt } from '../model/format';
import { humanDuration } from '../../../simulator/src/view';
import type { Actions, Ctx } from './context';
import { button, h, rebuild, reconcile, setAttr, setText } from './dom';

let ids = 0;
function labelled<E extends HTMLElement>(label: string, control: E): HTMLLabelElement {
  const id = `wi-${++ids}`;
  setAttr(control, 'id', id);
  return h('label', { attrs: { for: id } }, h('span', { text: label }), control);
}

function intInput(value: number, min: number, max: number, aria: string): HTMLInputElement {
  return h('input', { class: 'num', attrs: { type: 'number', min, max, step: 1, value, 'aria-label': aria } });
}

/** An integer in [min, max] from an input, or null. */
function intOf(input: HTMLInputElement, min: number, max: number): number | null {
  const v = Number(input.value);
  return input.value.trim() !== '' && Number.isInteger(v) && v >= min && v <= max ? v : null;
}

export function createWhatIf(actions: Actions): { el: HTMLElement; update(ctx: Ctx): void } {
  let ctx: Ctx | null = null;
  const target = h('p', { class: 'muted' });
  const container = h('select', { attrs: { 'aria-label': 'Container' } });
  const exitCode = intInput(137, 0, 255, 'Exit code');
  const port = intInput(8080, 1, 65535, 'Port');
  const path = h('input', {
    class: 'text',
    attrs: { type: 'text', value: '/healthz', 'aria-label': 'HTTP path', spellcheck: 'false' },
  });
  const status = intInput(500, 100, 599, 'HTTP status');
  const error = h('p', { class: 'error', attrs: { role: 'alert' } });

  const send = (make: (pod: string, at: number) => WhatIfAction | string): void => {
    if (!ctx?.pod) return;
    const action = make(ctx.pod.target, roundAt(ctx.t));
    if (typeof action === 'string') {
      setText(error, action);
      return;
    }
    setText(error, '');
    actions.post({ type: 'whatIf', action });
  };
  const withContainer = (make: (pod: string, at: number, c: string) => WhatIfAction | string) =>
    send((pod, at) => (container.value ? make(pod, at, container.value) : 'Choose a container.'));

  const kill = button('Kill container', () =>
    withContainer((pod, at, c) => {
      const code = intOf(exitCode, 0, 255);
      return code === null
        ? 'The exit code is a whole number from 0 to 255.'
        : { kind: 'kill', at, pod, container: c, exitCode: code };
    }),
  );
  const del = button('Delete pod', () => send((pod, at) => ({ kind: 'delete', at, pod, force: false })), {
    class: 'danger',
    attrs: { 'aria-label': 'Delete the pod gracefully' },
  });
  const force = button('Force delete', () => send((pod, at) => ({ kind: 'delete', at, pod, force: true })), {
    class: 'danger',
    attrs: { 'aria-label': 'Delete the pod at once (force, grace period 0)' },
  });
  const endpoint = (state: 'fail' | 'recover') => () =>
    withContainer((pod, at, c) => {
      const p = intOf(port, 1, 65535);
      return p === null
        ? 'The port is a whole number from 1 to 65535.'
        : { kind: 'endpoint', at, pod, container: c, port: p, state };
    });
  const fail = button('Fail endpoint', endpoint('fail'));
  const recover = button('Recover endpoint', endpoint('recover'));
  const http = button('Set HTTP status', () =>
    withContainer((pod, at, c) => {
      const code = intOf(status, 100, 599);
      if (!path.value.startsWith('/')) return 'The path starts with "/".';
      return code === null
        ? 'The HTTP status is a whole number from 100 to 599.'
        : { kind: 'http', at, pod, container: c, path: path.value, status: code };
    }),
  );
  const controls = [container, exitCode, port, path, status, kill, del, force, fail, recover, http];

  const active = h('ul', { class: 'active-whatif', attrs: { 'aria-label': 'Active what-if actions' } });
  const noActive = h('p', { class: 'muted' });
  const scenarioHead = h('p', { class: 'scenario-file' });
  const scenarioEvents = h('ul', { class: 'active-whatif', attrs: { 'aria-label': 'Scenario file events' } });
  const unload = button('Unload scenario', () => actions.post({ type: 'unloadScenario' }), {
    attrs: { title: 'Run the manifest without the scenario file (the file is left alone)' },
  });
  const scenarioBox = h(
    'div',
    { class: 'scenario-box' },
    h('div', { class: 'form-row' }, scenarioHead, unload),
    scenarioEvents,
  );
  const el = h(
    'section',
    { class: 'card', attrs: { 'aria-label': 'What if' } },
    h('h2', { text: 'What if…' }),
    target,
    h('div', { class: 'form-row' }, labelled('Container', container)),
    h('div', { class: 'form-row' }, labelled('Exit code', exitCode), kill),
    h('div', { class: 'form-row' }, del, force),
    h('div', { class: 'form-row' }, labelled('Port', port), fail, recover),
    h('div', { class: 'form-row' }, labelled('Path', path), labelled('Status', status), http),
    error,
    h('h3', { text: 'Active what-if actions' }),
    scenarioBox,
    active,
    noActive,
    h(
      'div',
      { class: 'form-row' },
      button('Save scenario…', () => actions.post({ type: 'saveScenario' }), { class: 'secondary' }),
      button('Load scenario…', () => actions.post({ type: 'loadScenario' }), { class: 'secondary' }),
    ),
  );

  /** The events with a Remove button each (`remove`: the message that removes one by index). */
  const eventList = (host: HTMLElement, events: WhatIfAction[], remove: 'removeWhatIf' | 'removeScenarioEvent') =>
    reconcile(
      host,
      events.map((a, index) => ({ a, index })),
      (x) => `${x.index}:${JSON.stringify(x.a)}`,
      (x) =>
        h(
          'li',
          null,
          h('span', { text: describeWhatIf(x.a) }),
          ' ',
          button('Remove', () => actions.post({ type: remove, index: x.index }), {
            class: 'small',
            attrs: { 'aria-label': `Remove: ${describeWhatIf(x.a)}` },
          }),
        ),
      () => undefined,
    );

  return {
    el,
    update(next) {
      ctx = next;
      const pod = next.pod;
      const exists = !!pod && pod.createdAt <= next.t && (pod.removedAt === null || pod.removedAt > next.t);
      // A generated pod is acted on through its workload: the action reaches whichever of its pods is alive then.
      const who = pod && pod.target !== pod.name ? `${pod.target} (now ${pod.name})` : (pod?.name ?? '');
      setText(
        target,
        pod
          ? `Acting on ${who} at t=${humanDuration(next.t)}${exists ? '' : ' (the pod does not exist at this time)'}`
          : 'Select a pod first.',
      );
      for (const c of controls) c.disabled = !exists;
      const names = pod ? pod.containers.map((c) => c.name) : [];
      rebuild(container, JSON.stringify(names), () => names.map((n) => h('option', { text: n, attrs: { value: n } })));
      const file = next.sim.scenario;
      scenarioBox.hidden = file === null;
      if (file) {
        const settings = file.settings.length ? ` (sets ${file.settings.join(', ')})` : '';
        setText(scenarioHead, `Scenario file ${file.file}${settings}`);
      }
      eventList(scenarioEvents, file?.events ?? [], 'removeScenarioEvent');
      eventList(active, next.sim.whatIf, 'removeWhatIf');
      setText(noActive, next.sim.whatIf.length || file ? '' : 'None: the manifest runs as written.');
    },
  };
}
