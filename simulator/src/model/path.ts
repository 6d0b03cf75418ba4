// A field path in an object, as the API server's field.Path builds it: keys and list indexes; and its text form,
// as kubectl prints field paths (`spec.containers[0].livenessProbe.periodSeconds`).
export type Path = (string | number)[];

/** `spec.containers[0].livenessProbe.tcpSocket.port` → ['spec', 'containers', 0, 'livenessProbe', 'tcpSocket', 'port']. */
export function parsePath(path: string): Path {
  const out: Path = [];
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    out.push(part.startsWith('[') ? Number(part.slice(1, -1)) : part);
  }
  return out;
}

/** `['spec', 'containers', 0, 'name']` → `spec.containers[0].name`. */
export function formatPath(path: readonly (string | number)[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}
