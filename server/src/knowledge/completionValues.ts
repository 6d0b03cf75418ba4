// Value completions: enum values, booleans, apiVersion/kind, named ports, container and volume names,
// and well-known values.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { schemaAtPath } from '../../../simulator/src/index';
import type { CompletionEnv } from './completionEnv';
import { fieldInfo, formatValue, valueText } from './fieldDocs';
import { API_VERSIONS, apiVersionMarkdown, kindMarkdown } from './kinds';
import {
  containerNames,
  containerPathOf,
  containerPorts,
  servicePodPorts,
  volumeNames,
  type PortRef,
} from './references';
import { enumValues, isBoolean, typeNameOf } from './types';
import { DEFAULT_CONTAINER_ANNOTATION, WELL_KNOWN_VALUES } from './wellKnown';

function apiVersionItems(env: CompletionEnv): CompletionItem[] {
  return [...API_VERSIONS].map(([v, kinds]) => {
    const fits = env.kind !== undefined && kinds.includes(env.kind);
    return env.b.value(v, {
      detail: kinds.join(', '),
      doc: apiVersionMarkdown(v, undefined) ?? '',
      sort: `${fits ? 0 : 1}${v}`,
      preselect: fits,
      kind: CompletionItemKind.Module,
    });
  });
}

function kindItems(env: CompletionEnv): CompletionItem[] {
  const served = env.apiVersion !== undefined ? API_VERSIONS.get(env.apiVersion) : undefined;
  const kinds = served ?? [...API_VERSIONS.values()].flat();
  return kinds.map((k) =>
    env.b.value(k, {
      detail: [...API_VERSIONS].find(([, ks]) => ks.includes(k))?.[0] ?? '',
      doc: kindMarkdown(k) ?? '',
      kind: CompletionItemKind.Class,
    }),
  );
}

function portItems(env: CompletionEnv, ports: PortRef[], namesToo: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const p of ports) {
    if (namesToo && p.name !== undefined && !seen.has(p.name)) {
      seen.add(p.name);
      out.push(
        env.b.value(p.name, {
          detail: `port ${p.port} of ${p.source}`,
          sort: `0${p.name}`,
          kind: CompletionItemKind.Reference,
        }),
      );
    }
    const n = String(p.port);
    if (!seen.has(n)) {
      seen.add(n);
      out.push(
        env.b.value(n, {
          detail: `${p.name ? `"${p.name}" · ` : ''}${p.source}`,
          sort: `1${n.padStart(5, '0')}`,
          kind: CompletionItemKind.Reference,
        }),
      );
    }
  }
  return out;
}

function nameItems(env: CompletionEnv, names: { name: string; detail: string }[]): CompletionItem[] {
  const seen = new Set<string>();
  return names
    .filter((n) => !seen.has(n.name) && seen.add(n.name))
    .map((n) => env.b.value(n.name, { detail: n.detail, kind: CompletionItemKind.Reference }));
}

const containers = (env: CompletionEnv): CompletionItem[] =>
  nameItems(
    env,
    containerNames(env.doc(), env.kind).map((c) => ({ name: c.name, detail: `container (${c.list})` })),
  );

/** References a field makes, keyed by `<Type>.<field>`. */
const REFERENCES: Record<string, (env: CompletionEnv) => CompletionItem[]> = {
  'HTTPGetAction.port': (env) => portItems(env, containerPorts(env.doc(), containerPathOf(env.ctx.path) ?? []), true),
  'TCPSocketAction.port': (env) => portItems(env, containerPorts(env.doc(), containerPathOf(env.ctx.path) ?? []), true),
  'GRPCAction.port': (env) => portItems(env, containerPorts(env.doc(), containerPathOf(env.ctx.path) ?? []), false),
  'ServicePort.targetPort': (env) => portItems(env, servicePodPorts(env.text(), env.chunk, env.doc()), true),
  'ResourceFieldSelector.containerName': containers,
  'EphemeralContainer.targetContainerName': containers,
  'PodFailurePolicyOnExitCodesRequirement.containerName': containers,
  'VolumeMount.name': (env) =>
    nameItems(
      env,
      volumeNames(env.doc(), env.kind).map((name) => ({ name, detail: 'volume' })),
    ),
  'VolumeDevice.name': (env) =>
    nameItems(
      env,
      volumeNames(env.doc(), env.kind).map((name) => ({ name, detail: 'volume' })),
    ),
};

export function valueCompletions(env: CompletionEnv): CompletionItem[] {
  const path = env.ctx.path;
  if (path.length === 1 && path[0] === 'apiVersion') return apiVersionItems(env);
  if (path.length === 1 && path[0] === 'kind') return kindItems(env);
  if (!env.root) return [];
  let fieldEnd = path.length;
  while (fieldEnd > 0 && typeof path[fieldEnd - 1] === 'number') fieldEnd--;
  if (fieldEnd === 0) return [];
  const key = String(path[fieldEnd - 1]);
  const parentPath = path.slice(0, fieldEnd - 1);
  if (parentPath[parentPath.length - 1] === 'annotations' && key === DEFAULT_CONTAINER_ANNOTATION)
    return containers(env);
  const parent = schemaAtPath(env.root, parentPath);
  const value = schemaAtPath(env.root, path);
  if (!parent || !value) return [];
  const id = `${typeNameOf(parent) ?? ''}.${key}`;
  const items = REFERENCES[id]?.(env) ?? [];
  const info = fieldInfo(parent, key);
  const values = enumValues(value);
  values?.forEach((v, i) => {
    if (v === '') return;
    const isDefault = info?.meta.default === v;
    const meaning = info ? valueText(info, v) : undefined;
    const o = {
      detail: isDefault ? `${key} · default` : key,
      sort: `2${String(i).padStart(3, '0')}`,
      kind: CompletionItemKind.EnumMember,
    };
    items.push(env.b.value(v, meaning ? { ...o, doc: `**${formatValue(v)}** — ${meaning}` } : o));
  });
  if (isBoolean(value)) {
    const def = info?.meta.default;
    for (const v of ['true', 'false'])
      items.push(
        env.b.value(v, {
          detail: String(def) === v ? `${key} · default` : key,
          sort: `2${v}`,
          kind: CompletionItemKind.Value,
        }),
      );
  }
  for (const v of WELL_KNOWN_VALUES[id] ?? []) items.push(env.b.value(v, { detail: key, sort: `3${v}` }));
  return items;
}
