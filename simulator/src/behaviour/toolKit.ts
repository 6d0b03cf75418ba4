// Building blocks for the utilities and network clients: results, paths, URLs and local host names.
import type { CmdResult } from './internal';

export const ok = (out = '', extra: Partial<CmdResult> = {}): CmdResult => ({ code: 0, out, ...extra });
export const fail = (code: number, err: string, extra: Partial<CmdResult> = {}): CmdResult => ({
  code,
  err: err ? err + '\n' : '',
  ...extra,
});

export function resolvePath(cwd: string, p: string): string {
  const abs = p.startsWith('/') ? p : `${cwd.replace(/\/+$/, '')}/${p}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

export function isLocalHost(h: string): boolean {
  const x = h.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    x === '' ||
    x === 'localhost' ||
    x === '127.0.0.1' ||
    x === '0.0.0.0' ||
    x === '::1' ||
    x === 'localhost.localdomain' ||
    x === '0'
  );
}

interface Url {
  host: string;
  port: number;
  path: string;
}

export function parseUrl(u: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d+))?([/?#].*)?$/i.exec(u.trim());
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] !== undefined ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (!path.startsWith('/')) path = '/' + path;
  return { host: m[2] ?? '', port, path: path.split('#')[0]! };
}
