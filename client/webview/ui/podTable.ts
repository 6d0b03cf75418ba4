// Pods table (kubectl get pods at t) and the selected pod's phase and conditions.
import { podRows, type PodRow } from '../model/pods';
import { humanDuration } from '../../../simulator/src/view';
import type { Actions, Ctx } from './context';
import { button, h, rebuild, reconcile, setAttr, setText } from './dom';

const COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'OWNER', 'NODE', ''];

export interface PodTable {
  /** The table of every pod. */
  el: HTMLElement;
  /** The selected pod's phase and conditions. */
  details: HTMLElement;
  update(ctx: Ctx): void;
}

interface RowEl extends HTMLTableRowElement {
  cells_: HTMLTableCellElement[];
  pick: HTMLButtonElement;
}

function statusClass(status: string): string {
  if (/BackOff|Err|Error|OOMKilled|Failed|Invalid|Unknown|ExitCode|Signal/.test(status)) return 'bad';
  if (status === 'Running' || status === 'Completed' || status === 'Succeeded') return 'good';
  return 'pending';
}

/** A column's class (media/panel-content.css lays the table out by it at each panel width). */
function colClass(column: string): string {
  return `col-${column.toLowerCase() || 'note'}`;
}

export function createPodTable(actions: Actions): PodTable {
  const body = h('tbody');
  const empty = h('p', { class: 'muted', text: '' });
  const table = h(
    'table',
    { class: 'pods grid' },
    h(
      'thead',
      null,
      h('tr', null, ...COLUMNS.map((c) => h('th', { class: colClass(c), text: c, attrs: { scope: 'col' } }))),
    ),
    body,
  );
  const detailsBody = h('div', { class: 'pod-details' });
  const details = h(
    'section',
    { class: 'card', attrs: { 'aria-label': 'Selected pod' } },
    h('h2', { text: 'Pod' }),
    detailsBody,
  );
  const el = h('section', { class: 'card', attrs: { 'aria-label': 'Pods' } }, h('h2', { text: 'Pods' }), table, empty);

  const create = (row: PodRow): RowEl => {
    const pick = button(row.name, () => actions.select(row.name), { class: 'link pod-name' });
    const cells = COLUMNS.map((c, i) =>
      h('td', { class: colClass(c), attrs: { 'data-label': c } }, i === 0 ? pick : null),
    );
    const tr = h('tr', null, ...cells) as RowEl;
    tr.cells_ = cells;
    tr.pick = pick;
    tr.addEventListener('click', (ev) => {
      if (ev.target !== pick) actions.select(row.name);
    });
    return tr;
  };

  return {
    el,
    details,
    update(ctx) {
      const rows = podRows(ctx.sim, ctx.t);
      setText(empty, rows.length === 0 ? `No pod exists yet at t=${humanDuration(ctx.t)}.` : '');
      reconcile(
        body,
        rows,
        (r) => r.name,
        create,
        (tr, r) => {
          const c = tr.cells_;
          const selected = ctx.pod?.name === r.name;
          tr.classList.toggle('selected', selected);
          tr.classList.toggle('gone', r.gone);
          setAttr(tr, 'aria-selected', String(selected));
          setAttr(tr.pick, 'aria-label', `Select pod ${r.name}`);
          setAttr(tr.pick, 'aria-pressed', String(selected));
          setText(c[1] as HTMLElement, r.columns.ready);
          setText(c[2] as HTMLElement, r.columns.status);
          const cls = `col-status status ${statusClass(r.columns.status)}`;
          if ((c[2] as HTMLElement).className !== cls) (c[2] as HTMLElement).className = cls;
          setText(c[3] as HTMLElement, r.columns.restarts);
          setText(c[4] as HTMLElement, r.columns.age);
          setText(c[5] as HTMLElement, r.owner ?? '—');
          setText(c[6] as HTMLElement, r.node ?? '<none>');
          setText(
            c[7] as HTMLElement,
            r.deletedAt !== null ? `${r.gone ? 'deleted' : 'deleting'} at t=${humanDuration(r.deletedAt)}` : '',
          );
        },
      );
      renderDetails(detailsBody, ctx);
    },
  };
}

function renderDetails(host: HTMLElement, ctx: Ctx): void {
  const pod = ctx.pod;
  const st = ctx.status;
  const sig = JSON.stringify([pod?.name ?? null, pod && pod.createdAt > ctx.t, st]);
  rebuild(host, sig, () => {
    if (!pod) return [h('p', { class: 'muted', text: 'No pod selected.' })];
    if (pod.createdAt > ctx.t)
      return [h('p', { class: 'muted', text: `${pod.name} is created at t=${humanDuration(pod.createdAt)}.` })];
    if (!st) return [h('p', { class: 'muted', text: `${pod.name}: no status published yet.` })];
    const facts: [string, string][] = [
      ['Phase', st.phase],
      ['Reason', st.reason ?? ''],
      ['Message', st.message ?? ''],
      ['Node', pod.node ?? '<none>'],
      ['Pod IP', st.podIP ?? ''],
      ['Started', st.startTime !== undefined ? `t=${humanDuration(st.startTime)}` : ''],
    ];
    const dl = h(
      'dl',
      { class: 'facts' },
      ...facts.filter(([, v]) => v !== '').flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]),
    );
    const conds = h(
      'table',
      { class: 'grid conditions' },
      h('caption', { text: 'Conditions' }),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ...['Type', 'Status', 'Reason', 'Since'].map((x) => h('th', { text: x, attrs: { scope: 'col' } })),
        ),
      ),
      h(
        'tbody',
        null,
        ...st.conditions.map((c) =>
          h(
            'tr',
            null,
            h('td', { text: c.type }),
            h('td', { text: c.status, class: c.status === 'True' ? 'good' : c.status === 'False' ? 'bad' : 'pending' }),
            h('td', { text: c.reason ?? '', attrs: { title: c.message ?? null } }),
            h('td', { text: `t=${humanDuration(c.lastTransitionTime)}` }),
          ),
        ),
      ),
    );
    return [
      h('h3', { text: pod.name }),
      dl,
      st.conditions.length ? conds : h('p', { class: 'muted', text: 'No conditions yet.' }),
    ];
  });
}
