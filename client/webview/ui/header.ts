// Header: document title, current time and until, notes and truncation; or the manifest problems; or a message.
import type { PanelSimulation } from '../../src/panel/protocol';
import { worldList } from './world';
import { clock, secs } from '../model/format';
import { h, rebuild, setText } from './dom';

export interface Header {
  el: HTMLElement;
  simulation(sim: PanelSimulation): void;
  problems(title: string, problems: readonly { line: number; message: string }[]): void;
  empty(message: string): void;
  time(t: number, until: number): void;
}

export function createHeader(): Header {
  const title = h('h1', { class: 'title', text: 'PodLab' });
  const time = h('span', { class: 'clock', attrs: { 'aria-live': 'off' } });
  const notes = h('div', { class: 'notes' });
  const el = h('header', { class: 'header' }, h('div', { class: 'header-line' }, title, time), notes);

  return {
    el,
    simulation(sim) {
      setText(title, sim.title);
      const sig = JSON.stringify([sim.notes, sim.truncated ?? null, sim.world ?? null]);
      rebuild(notes, sig, () => {
        const items: HTMLElement[] = [];
        if (sim.truncated) {
          const tr = sim.truncated;
          items.push(
            h('li', { class: 'note warning', text: `⚠ The run stopped early at t=${secs(tr.at)}: ${tr.reason}` }),
          );
        }
        for (const n of sim.notes) {
          const where = n.doc !== undefined ? ` (document ${n.doc + 1})` : '';
          items.push(
            h('li', { class: `note ${n.level}`, text: `${n.level === 'warning' ? '⚠' : 'ℹ'} ${n.message}${where}` }),
          );
        }
        const world = sim.world ? [worldList(sim.world)] : [];
        return items.length
          ? [...world, h('ul', { class: 'note-list', attrs: { 'aria-label': 'Notes' } }, ...items)]
          : world;
      });
    },
    problems(docTitle, problems) {
      setText(title, docTitle);
      setText(time, '');
      rebuild(notes, JSON.stringify(['problems', problems]), () => [
        h('p', {
          class: 'problems-intro',
          text: `The manifest has ${problems.length} problem${problems.length === 1 ? '' : 's'}; fix ${problems.length === 1 ? 'it' : 'them'} to run the simulation.`,
        }),
        h(
          'ul',
          { class: 'problems', attrs: { 'aria-label': 'Problems' } },
          ...problems.map((p) =>
            h(
              'li',
              null,
              h('span', { class: 'problem-line', text: `line ${p.line + 1}` }),
              ' ',
              h('span', { class: 'problem-message', text: p.message }),
            ),
          ),
        ),
      ]);
    },
    empty(message) {
      setText(title, 'PodLab');
      setText(time, '');
      rebuild(notes, JSON.stringify(['empty', message]), () => [h('p', { class: 'empty-message', text: message })]);
    },
    time(t, until) {
      setText(time, `t = ${clock(t)} of ${clock(until)}`);
    },
  };
}
