// Shared helpers for the behaviour tests: a container shortcut and an ExecContext over plain maps.
import type { ExecContext, ToolFlavour } from '../../simulator/src/behaviour/types';
import type { ContainerLike, InferInput } from '../../simulator/src/behaviour/infer';
import { inferProcess } from '../../simulator/src/behaviour/infer';

export function model(container: Partial<ContainerLike>, extra: Omit<InferInput, 'container'> = {}) {
  return inferProcess({ container: { name: 'app', ...container }, ...extra });
}

export interface CtxSpec {
  files?: Record<string, string>;
  /** Port → status for every path, or per-path statuses (others 200). */
  ports?: Record<number, number | Record<string, number>>;
  env?: Record<string, string>;
  tools?: string[] | 'any';
  hasShell?: boolean;
  flavour?: ToolFlavour;
  grpc?: Record<number, 'SERVING' | 'NOT_SERVING'>;
}

export function ctx(s: CtxSpec = {}): ExecContext {
  const files = s.files ?? {};
  const ports = s.ports ?? {};
  const c: ExecContext = {
    env: s.env ?? {},
    tools: s.tools ?? 'any',
    hasShell: s.hasShell ?? true,
    fileExists: (p) => Object.prototype.hasOwnProperty.call(files, p),
    readFile: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined),
    isListening: (p) => ports[p] !== undefined,
    httpStatus: (p, path) => {
      const r = ports[p];
      if (r === undefined) return 'refused';
      if (typeof r === 'number') return r;
      return r[path] ?? 200;
    },
  };
  if (s.flavour) c.flavour = s.flavour;
  if (s.grpc) {
    const g = s.grpc;
    c.grpcStatus = (p) => g[p] ?? 'refused';
  }
  return c;
}

export const BUSYBOX: ToolFlavour = { userland: 'busybox', sh: 'ash' };
export const DEBIAN: ToolFlavour = { userland: 'gnu', sh: 'dash' };
