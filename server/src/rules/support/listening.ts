// Evidence that a container listens on a port it does not declare. Many real manifests declare only some of
// their ports (the service port, not the health or metrics port), so before calling a probe or a Service
// port "not exposed", the rules look for the port in the container's own configuration and in a short list
// of infrastructure images whose health ports are built in.
import { parseImageRef } from '../../../../simulator/src/index';
import type { ContainerAt } from './data';
import { isObj, list, str } from './data';

/** Health/metrics ports that these programs open by default (their documented flag defaults). */
const BUILT_IN: Record<string, number[]> = {
  controller: [10254], // registry.k8s.io/ingress-nginx/controller: --healthz-port=10254
  'nginx-ingress-controller': [10254],
  coredns: [8080, 8181], // health and ready plugins
  descheduler: [10258], // --secure-port=10258
  'kube-scheduler': [10259],
  'kube-controller-manager': [10257],
  'cluster-autoscaler': [8085],
};

function programNames(c: ContainerAt): string[] {
  const names: string[] = [];
  const ref = parseImageRef(str(c.c['image']));
  if (ref) {
    // `controller` alone is too generic a name: only ingress-nginx's.
    if (ref.name !== 'controller' || ref.path.includes('ingress-nginx')) names.push(ref.name);
  }
  const argv0 = [...list(c.c['command']), ...list(c.c['args'])].find((x): x is string => typeof x === 'string');
  if (argv0) names.push(argv0.split('/').pop() ?? argv0);
  return names;
}

/** The container's command, args and env values mention the port as a number (`--port=8081`, `:8081`, `PORT=8081`). */
function mentionsPort(c: ContainerAt, port: number): boolean {
  const re = new RegExp(`(^|[^0-9])${port}([^0-9]|$)`);
  const texts: string[] = [];
  for (const x of [...list(c.c['command']), ...list(c.c['args'])]) if (typeof x === 'string') texts.push(x);
  for (const e of list(c.c['env'])) if (isObj(e) && typeof e['value'] === 'string') texts.push(e['value']);
  return texts.some((t) => re.test(t.slice(0, 10_000)));
}

/** Whether there is evidence, other than `ports[]`, that the container listens on `port`. */
export function listensUndeclared(c: ContainerAt, port: number): boolean {
  if (mentionsPort(c, port)) return true;
  return programNames(c).some((n) => BUILT_IN[n]?.includes(port) ?? false);
}

/** Some container declares a port whose number is not an integer (a template placeholder): ports are unknown. */
export function portsUnknown(cs: readonly ContainerAt[]): boolean {
  return cs.some((c) =>
    list(c.c['ports']).some(
      (p) => isObj(p) && p['containerPort'] !== undefined && !Number.isInteger(p['containerPort']),
    ),
  );
}
