// Container states of the selected pod at t: state, exit code, restarts, last state, back-off countdown.
import { containerViews, type ContainerView } from '../model/containers';
import type { Ctx } from './context';
import { h, rebuild } from './dom';

export function createContainers(): { el: HTMLElement; update(ctx: Ctx): void } {
  const list = h('div', { class: 'containers' });
  const el = h(
    'section',
    { class: 'card', attrs: { 'aria-label': 'Containers' } },
    h('h2', { text: 'Containers' }),
    list,
  );
  return {
    el,
    update(ctx) {
      const pod = ctx.pod;
      const views = pod && pod.createdAt <= ctx.t ? containerViews(pod, ctx.status, ctx.t) : [];
      rebuild(list, JSON.stringify(views), () =>
        views.length ? views.map(card) : [h('p', { class: 'muted', text: 'No containers to show at this time.' })],
      );
    },
  };
}

function stateClass(v: ContainerView): string {
  const st = v.status?.state;
  if (!st) return 'pending';
  if (st.running) return v.status?.ready ? 'good' : 'pending';
  if (st.terminated) return st.terminated.exitCode === 0 ? 'good' : 'bad';
  return /BackOff|Err|Invalid/.test(st.waiting?.reason ?? '') ? 'bad' : 'pending';
}

function card(v: ContainerView): HTMLElement {
  const cs = v.status;
  const facts: [string, string][] = [];
  if (cs) {
    facts.push(['Ready', cs.ready ? 'True' : 'False']);
    facts.push(['Started', cs.started ? 'True' : 'False']);
    facts.push(['Restarts', String(cs.restartCount)]);
    if (cs.state.terminated) facts.push(['Exit code', String(cs.state.terminated.exitCode)]);
    if (v.lastState) facts.push(['Last state', v.lastState]);
    if (cs.lastState.terminated) facts.push(['Last exit code', String(cs.lastState.terminated.exitCode)]);
    if (v.lastMessage) facts.push(['Last message', v.lastMessage]);
    facts.push(['Image', cs.image]);
  }
  return h(
    'article',
    { class: `container ${stateClass(v)}`, attrs: { 'aria-label': `Container ${v.name}` } },
    h(
      'h3',
      null,
      h('span', { class: 'container-name', text: v.name }),
      ' ',
      h('span', { class: 'badge', text: v.kind }),
    ),
    h('p', { class: `state ${stateClass(v)}`, text: v.state }),
    v.message ? h('p', { class: 'message', text: v.message }) : null,
    v.backOffText ? h('p', { class: 'backoff', text: v.backOffText }) : null,
    facts.length
      ? h('dl', { class: 'facts' }, ...facts.flatMap(([k, val]) => [h('dt', { text: k }), h('dd', { text: val })]))
      : null,
  );
}
