// "The world it simulated": the ConfigMaps and Secrets of the run, where each came from and which pods read it,
// and the references the simulation could not answer (Trace.world, typed; nothing parsed from notes).
import type { TraceWorld } from '../../../simulator/src/view';
import { h } from './dom';

function origin(from: TraceWorld['objects'][number]['from']): string {
  switch (from.kind) {
    case 'file':
      return `document ${from.doc + 1}${from.path ? `, ${from.path}` : ''}`;
    case 'scenario':
      return `scenario objects[${from.index}]`;
    case 'cluster':
      return 'every cluster';
  }
}

export function worldList(world: TraceWorld): HTMLElement {
  const items: HTMLElement[] = world.objects.map((o) =>
    h('li', {
      class: 'world-object',
      text: `${o.kind} ${o.name} — ${origin(o.from)}${o.usedBy.length ? ` · read by ${o.usedBy.join(', ')}` : ' · not read'}`,
    }),
  );
  for (const u of world.unknown)
    items.push(
      h('li', {
        class: 'world-unknown',
        text: `${u.kind} ${u.name} — not in the file: unknown (document ${u.doc + 1}, ${u.path})`,
      }),
    );
  const title = world.complete ? 'World (declared complete)' : 'World';
  return h(
    'section',
    { class: 'world', attrs: { 'aria-label': title } },
    h('h2', { class: 'world-title', text: title }),
    h('ul', { class: 'world-list' }, ...items),
  );
}
