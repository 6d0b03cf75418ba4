// Each probe's recent results (up to t) as ✓/✗ ticks with the last failure message.
import { probeLines, streakText, tickSymbol } from '../model/probes';
import { humanDuration } from '../../../simulator/src/view';
import type { Ctx } from './context';
import { h, rebuild } from './dom';

export function createProbes(): { el: HTMLElement; update(ctx: Ctx): void } {
  const list = h('div', { class: 'probes' });
  const el = h('section', { class: 'card', attrs: { 'aria-label': 'Probes' } }, h('h2', { text: 'Probes' }), list);
  return {
    el,
    update(ctx) {
      const lines = ctx.pod ? probeLines(ctx.pod, ctx.sim.probes, ctx.t) : [];
      rebuild(list, JSON.stringify(lines), () => {
        if (lines.length === 0) return [h('p', { class: 'muted', text: 'The selected pod has no probes.' })];
        return lines.map((l) =>
          h(
            'div',
            { class: 'probe' },
            h('span', { class: 'probe-name', text: `${l.container} · ${l.probe}` }),
            h(
              'span',
              {
                class: 'ticks',
                attrs: { role: 'list', 'aria-label': `Last ${l.ticks.length} ${l.probe} results of ${l.container}` },
              },
              ...l.ticks.map((tk) =>
                h('span', {
                  class: `tick ${tk.result}`,
                  text: tickSymbol(tk.result),
                  attrs: { role: 'listitem', title: tk.title, 'aria-label': tk.title },
                }),
              ),
              l.ticks.length === 0 ? h('span', { class: 'muted', text: 'no result yet' }) : null,
            ),
            h('span', { class: 'probe-count muted', text: streakText(l.streak) }),
            l.lastFailure
              ? h('p', {
                  class: 'probe-failure',
                  text: `last failure t=${humanDuration(l.lastFailure.t)}${l.lastFailure.message ? `: ${l.lastFailure.message}` : ''}`,
                })
              : null,
            l.lastFailure?.cause
              ? h('p', { class: 'evidence', text: `because: ${l.lastFailure.cause.evidence}` })
              : null,
          ),
        );
      });
    },
  };
}
