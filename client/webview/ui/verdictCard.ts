// The verdict card on top of the panel: one line per workload with an icon — what will happen and why — and
// its buttons: the moment it shows, Why (the full explanation), Jump to line (the manifest line that causes
// it) and Apply fix (only when the language server offers a preferred quick fix for that line).
import type { PanelSimulation, PanelVerdict } from '../../src/panel/protocol';
import { humanDuration } from '../../../simulator/src/view';
import { VERDICT_ICONS, verdictLine } from '../model/verdict';
import type { Actions } from './context';
import { button, h, rebuild } from './dom';

export interface VerdictCard {
  el: HTMLElement;
  update(sim: PanelSimulation): void;
  /** The verdicts (by index) with a preferred quick fix, and its title; [] until the extension says. */
  fixes(fixes: readonly { index: number; title: string }[]): void;
}

export function createVerdictCard(actions: Actions): VerdictCard {
  const list = h('ul', { class: 'verdict-list' });
  const el = h('section', { class: 'verdict-card', attrs: { 'aria-label': 'Verdict' } }, list);
  let sim: PanelSimulation | null = null;
  let fixes: readonly { index: number; title: string }[] = [];
  // Which workloads have their explanation open (kept across re-runs while typing).
  const open = new Set<string>();

  const row = (v: PanelVerdict, index: number): HTMLElement => {
    const why = v.why ?? '';
    const fix = fixes.find((f) => f.index === index);
    const expanded = open.has(v.object) && why !== '';
    const buttons: HTMLElement[] = [];
    if (v.at !== null)
      buttons.push(
        button(`At ${humanDuration(v.at)}`, () => actions.seek(v.at ?? 0, true), {
          class: 'secondary',
          attrs: { title: 'Move the panel to the moment it shows' },
        }),
      );
    if (why)
      buttons.push(
        button(
          'Why',
          () => {
            if (open.has(v.object)) open.delete(v.object);
            else open.add(v.object);
            draw();
          },
          { class: 'secondary', attrs: { 'aria-expanded': expanded } },
        ),
      );
    const cause = v.cause;
    if (cause)
      buttons.push(
        button('Jump to line', () => actions.reveal(cause), {
          class: 'secondary',
          attrs: { title: 'Show the manifest line that causes it' },
        }),
      );
    if (fix)
      buttons.push(
        button('Apply fix', () => actions.post({ type: 'applyFix', index }), {
          attrs: { title: fix.title, 'aria-label': `Apply fix: ${fix.title}` },
        }),
      );
    const more = v.more > 0 ? ` (+${v.more} more prediction${v.more === 1 ? '' : 's'} in the Problems view)` : '';
    return h(
      'li',
      { class: `verdict verdict-${v.outcome}`, attrs: { 'data-outcome': v.outcome, 'data-status': v.status } },
      h(
        'div',
        { class: 'verdict-line' },
        h('span', { class: 'verdict-icon', text: VERDICT_ICONS[v.outcome], attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'verdict-object', text: v.object }),
        h('span', { class: 'verdict-text', text: verdictLine(v) + more }),
      ),
      buttons.length > 0 ? h('div', { class: 'verdict-actions' }, ...buttons) : null,
      expanded ? h('p', { class: 'verdict-why', text: why }) : null,
    );
  };

  const draw = () => {
    const s = sim;
    if (!s) return;
    const sig = JSON.stringify([s.verdicts, fixes, [...open].sort()]);
    rebuild(list, sig, () => s.verdicts.map(row));
    el.hidden = s.verdicts.length === 0;
  };

  return {
    el,
    update(next) {
      sim = next;
      draw();
    },
    fixes(next) {
      fixes = next;
      draw();
    },
  };
}
