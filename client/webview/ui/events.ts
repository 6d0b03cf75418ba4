// Events up to t: aggregated like kubectl describe (`12s (x3 over 68s)`) or as a plain list; "Why?" on causes.
// The table lives in the page's own scroll (no inner scroller); each cell carries its column's class and name
// (`col-message`, data-label) so media/panel-content.css can give the message the room and, in a narrow
// panel, stack each event as a block with labelled fields.
import { eventRows, type EventRow } from '../model/events';
import { humanDuration } from '../../../simulator/src/view';
import type { Actions, Ctx } from './context';
import { button, h, rebuild, reconcile, setAttr, setText } from './dom';

interface RowEl extends HTMLTableRowElement {
  texts: HTMLElement[];
  evidence: HTMLElement;
  cause: EventRow['cause'];
}

export function createEvents(actions: Actions): { el: HTMLElement; update(ctx: Ctx): void } {
  const expanded = new Set<string>();
  let ctxRef: Ctx | null = null;
  const mode = button(
    '',
    () => actions.setEvents({ eventsMode: ctxRef?.state.eventsMode === 'list' ? 'aggregated' : 'list' }),
    { class: 'secondary' },
  );
  const scope = button(
    '',
    () => actions.setEvents({ eventsScope: ctxRef?.state.eventsScope === 'all' ? 'pod' : 'all' }),
    { class: 'secondary' },
  );
  const head = h('thead');
  const body = h('tbody');
  const table = h('table', { class: 'grid events' }, head, body);
  const none = h('p', { class: 'muted' });
  const el = h(
    'section',
    { class: 'card', attrs: { 'aria-label': 'Events' } },
    h('div', { class: 'card-head' }, h('h2', { text: 'Events' }), h('span', { class: 'toggles' }, mode, scope)),
    table,
    none,
  );

  return {
    el,
    update(ctx) {
      ctxRef = ctx;
      const list = ctx.state.eventsMode === 'list';
      const all = ctx.state.eventsScope === 'all' || !ctx.pod;
      // Toggles say the state they are in; the title says what a click does.
      setText(mode, list ? 'Events: every occurrence' : 'Events: aggregated');
      setAttr(mode, 'title', list ? 'Aggregate them like kubectl describe' : 'List every occurrence');
      setText(scope, all ? 'Events: all objects' : 'Events: selected pod');
      setAttr(scope, 'title', all ? 'Show only the events of the selected pod' : 'Show the events of every object');
      const cols = [
        ...(list ? ['Time'] : []),
        'Type',
        'Reason',
        'Age',
        'From',
        ...(all ? ['Object'] : []),
        'Message',
        '',
      ];
      const layout = `${list ? 'list' : 'agg'}:${all ? 'all' : 'pod'}`;
      table.classList.toggle('all', all); // one more column: the stacked layout starts at a wider panel
      rebuild(head, layout, () => [
        h('tr', null, ...cols.map((c) => h('th', { class: columnClass(c), text: c, attrs: { scope: 'col' } }))),
      ]);
      const rows = eventRows(ctx.sim.events, ctx.t, { aggregate: !list, object: all ? null : `Pod/${ctx.pod?.name}` });
      setText(none, rows.length ? '' : `No events up to t=${humanDuration(ctx.t)}.`);

      const create = (r: EventRow): RowEl => {
        const key = `${layout}${r.key}`;
        const texts = cols.slice(0, -1).map(() => h('span'));
        const evidence = h('div', { class: 'evidence', attrs: { hidden: true } });
        const cells = texts.map((t, i) =>
          h(
            'td',
            { class: columnClass(cols[i]), attrs: { 'data-label': cols[i] } },
            t,
            i === texts.length - 1 ? evidence : null,
          ),
        );
        const whyCell = h('td', { class: 'col-why' });
        const tr = Object.assign(h('tr', null, ...cells, whyCell), { texts, evidence, cause: r.cause });
        if (r.cause) {
          const why: HTMLButtonElement = button(
            'Why?',
            () => {
              const open = !expanded.has(key);
              if (open) expanded.add(key);
              else expanded.delete(key);
              evidence.hidden = !open;
              setText(why, open ? 'Hide' : 'Why?');
              setAttr(why, 'aria-expanded', String(open));
              if (open && tr.cause) actions.reveal(tr.cause);
            },
            { class: 'why', attrs: { 'aria-expanded': 'false', 'aria-label': `Why ${r.reason}? Show the cause` } },
          );
          whyCell.append(why);
        }
        return tr;
      };
      reconcile(
        body,
        rows,
        (r) => `${layout}${r.key}`,
        create,
        (tr, r) => {
          const values = [
            ...(list ? [`t=${humanDuration(r.t)}`] : []),
            r.type,
            r.reason,
            r.age,
            r.source,
            ...(all ? [r.object] : []),
            r.message,
          ];
          values.forEach((v, i) => setText(tr.texts[i] as HTMLElement, v));
          tr.classList.toggle('warning', r.type === 'Warning');
          tr.cause = r.cause;
          const open = expanded.has(`${layout}${r.key}`) && !!r.cause;
          tr.evidence.hidden = !open;
          if (r.cause) {
            const c = r.cause;
            rebuild(tr.evidence, JSON.stringify(c), () => [
              h('span', { class: 'because', text: `because: ${c.evidence}` }),
              ...c.paths.map((p) => h('code', { class: 'path', text: `document ${c.doc + 1}: ${p}` })),
            ]);
          }
        },
      );
    },
  };
}

/** `col-message` for 'Message', `col-why` for the unnamed button column. */
function columnClass(name: string | undefined): string {
  return `col-${(name || 'why').toLowerCase()}`;
}
