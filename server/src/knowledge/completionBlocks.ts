// Snippets for whole blocks: containers, init containers and sidecars, probes with each handler,
// resources, a volume with its mount, and list items (volumes, env, ports …).
import type { z } from 'zod';
import { isMap, isSeq, type Node } from 'yaml';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import type { CompletionEnv } from './completionEnv';
import { esc } from './items';
import { keyEntries } from './keyIndex';
import { CONTAINER_LISTS, containerPathOf, containerPorts, fileServices, volumeNames } from './references';
import {
  CONTAINER_BODY,
  ENV_ITEMS,
  HANDLERS,
  PORT_ITEM,
  PROBE_KINDS,
  RESOURCES_BODY,
  SERVICE_PORT_ITEM,
  SIDECAR_BODY,
  TOLERATION_ITEM,
  VOLUME_ITEMS,
  VOLUME_MOUNT_BODY,
  initContainerBody,
  probeBody,
  render,
  type BlockSnippet,
} from './snippets';
import { elementOf, enumValues, shapeOf, typeNameOf } from './types';
import { nodeAt, plain } from './yamlAst';
import { probeDefaults } from './probeDefaults';
import { POD_SPEC_PATHS, WELL_KNOWN_VALUES } from './wellKnown';

/** The container snippets of a container list; the init container waits for a Service of the file. */
function containerSnippets(env: CompletionEnv, list: string): readonly BlockSnippet[] {
  if (list === 'containers')
    return [{ label: 'container', detail: 'name, image, port, resources', body: CONTAINER_BODY }];
  if (list === 'ephemeralContainers')
    return [{ label: 'container', detail: 'name, image', body: CONTAINER_BODY.slice(0, 2) }];
  if (list !== 'initContainers') return [];
  const service = fileServices(env.text(), env.chunk)[0];
  return [
    {
      label: 'init container',
      detail: 'runs to completion before the app containers',
      body: initContainerBody(service),
    },
    { label: 'sidecar', detail: 'init container with restartPolicy: Always', body: SIDECAR_BODY },
  ];
}

const LIST_SNIPPETS: Record<string, readonly BlockSnippet[]> = {
  Volume: VOLUME_ITEMS,
  EnvVar: ENV_ITEMS,
  ContainerPort: [PORT_ITEM],
  Toleration: [TOLERATION_ITEM],
  ServicePort: [SERVICE_PORT_ITEM],
};

const lineOf = (text: string, offset: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};
const colOf = (text: string, offset: number): number => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/**
 * Adds an emptyDir volume `name` to the pod spec (after its last volume, or as a new `volumes` key): an
 * additional edit, or text to append to the main edit when the pod spec ends on the cursor's last line.
 */
function addVolume(env: CompletionEnv, name: string): { edit?: TextEdit; append?: string } | undefined {
  const path = env.kind ? POD_SPEC_PATHS[env.kind] : undefined;
  const spec = path ? nodeAt(env.doc(), [...path]) : undefined;
  if (!isMap(spec) || spec.flow) return undefined;
  const text = env.patchedText();
  const volumes = spec.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === 'volumes')?.value;
  let anchor: Node | undefined;
  let body: string;
  if (isSeq(volumes) && !volumes.flow && volumes.items.length > 0) {
    anchor = volumes.items[volumes.items.length - 1] as Node;
    const pad = ' '.repeat(Math.max(0, colOf(text, anchor.range?.[0] ?? 0) - 2));
    body = `${pad}- name: ${name}\n${pad}  emptyDir: {}`;
  } else if (volumes === undefined) {
    const last = spec.items[spec.items.length - 1];
    anchor = (last?.value ?? last?.key) as Node | undefined;
    const pad = ' '.repeat(colOf(text, (spec.items[0]?.key as Node | undefined)?.range?.[0] ?? 0));
    body = `${pad}volumes:\n${pad}  - name: ${name}\n${pad}    emptyDir: {}`;
  } else return undefined;
  const end = anchor?.range?.[1];
  if (end === undefined) return undefined;
  const row = lineOf(text, Math.max(0, end - 1));
  if (row + 1 < env.lines.length) {
    const at = { line: env.chunk.startLine + row + 1, character: 0 };
    return { edit: { range: { start: at, end: at }, newText: `${body}\n` } };
  }
  if (row === env.row) return env.lines[row]?.slice(env.ctx.end).trim() === '' ? { append: `\n${body}` } : undefined;
  const at = { line: env.chunk.startLine + row, character: (env.lines[row] ?? '').length };
  return { edit: { range: { start: at, end: at }, newText: `\n${body}` } };
}

function containerKeySnippets(env: CompletionEnv): CompletionItem[] {
  const { ctx, b } = env;
  const col = ctx.col;
  const out: CompletionItem[] = [];
  const list = String(ctx.path[ctx.path.length - 2] ?? '');
  if (ctx.newItem && ctx.present.size === 0) {
    for (const s of containerSnippets(env, list))
      out.push(b.snippet(s.label, render(s.body, col), { detail: s.detail, sort: `00${s.label}` }));
  }
  if (list !== 'initContainers' || ctx.present.has('restartPolicy')) {
    const cPath = containerPathOf([...ctx.path, '']) ?? ctx.path;
    const defaults = probeDefaults(plain(nodeAt(env.doc(), cPath)), containerPorts(env.doc(), cPath));
    for (const kind of PROBE_KINDS) {
      if (ctx.present.has(kind)) continue;
      for (const h of HANDLERS) {
        if (h === 'grpc' && !defaults.grpc) continue;
        const body = probeBody(kind, h, defaults);
        out.push(
          b.snippet(`${kind} (${h})`, render(body, col), {
            detail: `${kind} with ${h}`,
            sort: `3${kind}${h}`,
            filter: `${kind} ${h}`,
          }),
        );
      }
    }
  }
  if (!ctx.present.has('resources'))
    out.push(
      b.snippet('resources (requests, limits)', render(RESOURCES_BODY, col), {
        detail: 'cpu and memory',
        sort: '3resources',
        filter: 'resources',
      }),
    );
  if (!ctx.present.has('volumeMounts')) {
    const taken = new Set(volumeNames(env.doc(), env.kind));
    let name = 'data';
    for (let i = 2; taken.has(name); i++) name = `data-${i}`;
    const volume = addVolume(env, name);
    const body = VOLUME_MOUNT_BODY.map((l) => l.replace('${1:data}', name).replace('${2:/data}', '${1:/data}'));
    out.push(
      b.snippet('volumeMounts + volume (emptyDir)', render(body, col) + esc(volume?.append ?? ''), {
        detail: volume ? `mounts a new emptyDir volume "${name}" of the pod` : 'mount (add the volume to the pod spec)',
        sort: '3volumeMounts',
        filter: 'volumeMounts volume',
        additional: volume?.edit ? [volume.edit] : [],
      }),
    );
  }
  return out;
}

function podSpecSnippets(env: CompletionEnv): CompletionItem[] {
  const { ctx, b } = env;
  const out: CompletionItem[] = [];
  const item = (key: string, s: BlockSnippet): void => {
    const text = `${key}:\n${' '.repeat(ctx.col + 2)}${render(s.body, ctx.col + 2, true)}`;
    out.push(b.snippet(`${key}: ${s.label}`, text, { detail: s.detail, sort: `3${key}${s.label}`, filter: key }));
  };
  for (const key of ['containers', 'initContainers'])
    if (!ctx.present.has(key)) for (const s of containerSnippets(env, key)) item(key, s);
  if (!ctx.present.has('volumes')) for (const s of VOLUME_ITEMS.slice(0, 4)) item('volumes', s);
  return out;
}

/** Snippets offered beside the keys of a mapping of the given type. */
export function keySnippets(env: CompletionEnv, typeName: string | undefined): CompletionItem[] {
  if (env.ctx.flow || env.ctx.hasColon) return [];
  if (typeName === 'Container' || typeName === 'EphemeralContainer') return containerKeySnippets(env);
  if (typeName === 'PodSpec') return podSpecSnippets(env);
  return [];
}

/** Items for the item column of a block list (the cursor is where a `- ` would go). */
export function listItems(env: CompletionEnv, list: z.ZodType, id: string): CompletionItem[] {
  const { ctx, b } = env;
  const el = elementOf(list);
  if (!el) return [];
  const key = String(ctx.path[ctx.path.length - 1] ?? '');
  if (shapeOf(el) !== 'object') {
    const values = [...(enumValues(el) ?? []), ...(WELL_KNOWN_VALUES[id] ?? [])];
    return values.map((v) => b.snippet(`- ${v}`, `- ${esc(v)}`, { filter: v }));
  }
  const name = typeNameOf(el);
  const snippets = CONTAINER_LISTS.has(key)
    ? containerSnippets(env, key)
    : ((name ? LIST_SNIPPETS[name] : undefined) ?? []);
  const out = snippets.map((s) =>
    b.snippet(`- ${s.label}`, render(s.body, ctx.col, true), {
      detail: s.detail,
      sort: `0${s.label}`,
      filter: s.label,
    }),
  );
  const required = (keyEntries(el) ?? []).filter((e) => e.required);
  const body = required.length > 0 ? required.map((e, i) => `${esc(e.key)}: \${${i + 1}}`) : ['$0'];
  out.push(
    b.snippet(`- ${name ?? 'item'}`, render(body, ctx.col, true), {
      detail: `new ${name ?? 'list'} item`,
      sort: '1item',
      filter: name ?? key,
    }),
  );
  return out;
}
