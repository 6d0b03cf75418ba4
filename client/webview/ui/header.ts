// Header: document title, pin toggle, current time and until; the problems of a document that does not parse
// (each line a link to it, above the last good run when there is one); warnings, and the notes once each in a
// collapsed details section; or a message.
import type { PanelSimulation } from '../../src/panel/protocol';
import { worldList } from './world';
import { humanDuration } from '../../../simulator/src/view';
import { shownNotes } from '../model/verdict';
import type { Actions } from './context';
import { button, h, rebuild, setAttr, setText } from './dom';

export interface Header {
  el: HTMLElement;
  simulation(sim: PanelSimulation): void;
  /** `kept`: the last good run stays below, dimmed. */
  problems(title: string, problems: readonly { line: number; message: string }[], kept: boolean): void;
  empty(message: string): void;
  time(t: number, until: number): void;
  pinned(pinned: boolean): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function createHeader(actions: Actions): Header {
  const title = h('h1', { class: 'title', text: 'PodLab' });
  const time = h('span', { class: 'clock', attrs: { 'aria-live': 'off' } });
  let isPinned = false;
  const pin = button('Following the editor', () => actions.post({ type: 'pin', pinned: !isPinned }), {
    class: 'secondary small pin',
    attrs: { 'aria-pressed': 'false', title: 'Keep the panel on this manifest whatever editor is active' },
  });
  const problemsHost = h('div', { class: 'problems-host' });
  const notes = h('div', { class: 'notes' });
  const el = h(
    'header',
    { class: 'header' },
    h('div', { class: 'header-line' }, title, pin, time),
    problemsHost,
    notes,
  );

  return {
    el,
    simulation(sim) {
      setText(title, sim.title);
      pin.hidden = false;
      rebuild(problemsHost, 'none', () => []);
      const sig = JSON.stringify([sim.notes, sim.truncated ?? null, sim.world ?? null]);
      rebuild(notes, sig, () => {
        const warnings: HTMLElement[] = [];
        const infos: HTMLElement[] = [];
        if (sim.truncated)
          warnings.push(
            h('li', {
              class: 'note warning',
              text: `⚠ The run stopped early at t=${humanDuration(sim.truncated.at)}: ${sim.truncated.reason}`,
            }),
          );
        for (const n of shownNotes(sim.notes)) {
          const where = n.doc !== undefined ? ` (document ${n.doc + 1})` : '';
          const pods = n.pods > 1 ? ` — ${n.pods} pods` : '';
          const li = h('li', {
            class: `note ${n.level}`,
            text: `${n.level === 'warning' ? '⚠' : 'ℹ'} ${n.text}${where}${pods}`,
          });
          (n.level === 'warning' ? warnings : infos).push(li);
        }
        const out: HTMLElement[] = sim.world ? [worldList(sim.world)] : [];
        if (warnings.length)
          out.push(h('ul', { class: 'note-list', attrs: { 'aria-label': 'Warnings' } }, ...warnings));
        if (infos.length)
          out.push(
            h(
              'details',
              { class: 'notes-details' },
              h('summary', { text: `Notes (${infos.length}): images and assumptions` }),
              h('ul', { class: 'note-list', attrs: { 'aria-label': 'Notes' } }, ...infos),
            ),
          );
        return out;
      });
    },
    problems(docTitle, problems, kept) {
      setText(title, docTitle);
      pin.hidden = !kept;
      if (!kept) {
        setText(time, '');
        rebuild(notes, 'none', () => []);
      }
      const intro = kept
        ? `The manifest has ${plural(problems.length, 'problem')}; below is the last run that worked.`
        : `The manifest has ${plural(problems.length, 'problem')}; fix ${problems.length === 1 ? 'it' : 'them'} to run the simulation.`;
      rebuild(problemsHost, JSON.stringify(['problems', problems, kept]), () => [
        h(
          'div',
          { class: `problems-box${kept ? ' kept' : ''}`, attrs: { role: 'status' } },
          h('p', { class: 'problems-intro', text: intro }),
          h(
            'ul',
            { class: 'problems', attrs: { 'aria-label': 'Problems' } },
            ...problems.map((p) =>
              h(
                'li',
                null,
                button(`line ${p.line + 1}`, () => actions.post({ type: 'revealLine', line: p.line }), {
                  class: 'link problem-line',
                  attrs: { title: 'Show this line in the editor' },
                }),
                ' ',
                h('span', { class: 'problem-message', text: p.message }),
              ),
            ),
          ),
        ),
      ]);
    },
    empty(message) {
      setText(title, 'PodLab');
      setText(time, '');
      pin.hidden = true;
      rebuild(problemsHost, 'none', () => []);
      rebuild(notes, JSON.stringify(['empty', message]), () => [h('p', { class: 'empty-message', text: message })]);
    },
    time(t, until) {
      setText(time, `t=${humanDuration(t)} of ${humanDuration(until)}`);
    },
    pinned(p) {
      isPinned = p;
      setText(pin, p ? 'Pinned to this manifest' : 'Following the editor');
      setAttr(pin, 'aria-pressed', p ? 'true' : 'false');
    },
  };
}
