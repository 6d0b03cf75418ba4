// The baseline checks of Pod Security Admission that keep a pod off the node's own resources: host namespaces,
// hostPath volumes, host ports, probes and hooks aimed at other hosts, and unsafe sysctls (k8s.io/
// pod-security-admission policy/check_*.go, `latest` policy; pssHelpers.ts says how a check is made).
import type { Path } from '../model/path';
import {
  containerNames,
  containers,
  containersPhrase,
  isObj,
  items,
  joinQuote,
  pluralize,
  podSc,
  sortedSet,
  text,
  values,
  volumeNames,
  volumesOf,
  type PssCheck,
  type PssOffender,
} from './pssHelpers';

export const hostNamespaces: PssCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  find(_meta, spec) {
    return ['hostNetwork', 'hostPID', 'hostIPC']
      .filter((k) => spec[k] === true)
      .map((k) => ({
        path: ['spec', k],
        setter: 'pod' as const,
        value: `${k}=true`,
        fixes: [{ title: `Remove ${k}: true`, changes: [{ kind: 'delete' as const, path: ['spec', k] }] }],
      }));
  },
  word: (offs) => ({ reason: 'host namespaces', detail: values(offs).join(', ') }),
};

export const hostPathVolumes: PssCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  find(_meta, spec) {
    return volumesOf(spec)
      .filter(({ v }) => v['hostPath'] !== undefined && v['hostPath'] !== null)
      .map(({ i, name }) => ({
        path: ['spec', 'volumes', i, 'hostPath'],
        setter: 'pod' as const,
        volume: name,
        value: 'hostPath',
      }));
  },
  word(offs) {
    const names = volumeNames(offs);
    return {
      reason: 'hostPath volumes',
      detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`,
    };
  },
};

export const hostPorts: PssCheck = {
  id: 'hostPorts',
  level: 'baseline',
  find(_meta, spec) {
    const out: PssOffender[] = [];
    for (const c of containers(spec)) {
      items(c.c['ports']).forEach((p, j) => {
        const port = isObj(p) ? p['hostPort'] : undefined;
        if (typeof port !== 'number' || port === 0) return;
        const at = [...c.path, 'ports', j, 'hostPort'];
        out.push({
          path: at,
          setter: { container: c.name },
          value: String(port),
          fixes: [
            { title: 'Remove hostPort (reach the pod through a Service)', changes: [{ kind: 'delete', path: at }] },
          ],
        });
      });
    }
    return out;
  },
  word(offs) {
    const names = containerNames(offs);
    const ports = sortedSet(values(offs));
    return {
      reason: 'hostPort',
      detail: `${containersPhrase(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('hostPort', 'hostPorts', ports.length)} ${ports.join(', ')}`,
    };
  },
};

export const hostProbesAndHostLifecycle: PssCheck = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  find(_meta, spec) {
    const out: PssOffender[] = [];
    for (const c of containers(spec)) {
      const handlers: [Path, unknown][] = [
        ...['livenessProbe', 'readinessProbe', 'startupProbe'].map((k): [Path, unknown] => [[k], c.c[k]]),
        ...['postStart', 'preStop'].map((k): [Path, unknown] => [
          ['lifecycle', k],
          isObj(c.c['lifecycle']) ? c.c['lifecycle'][k] : undefined,
        ]),
      ];
      for (const [rel, h] of handlers) {
        if (!isObj(h)) continue;
        for (const action of ['httpGet', 'tcpSocket']) {
          const host = isObj(h[action]) ? text(h[action]['host']) : undefined;
          if (host === undefined || host === '') continue;
          const at = [...c.path, ...rel, action, 'host'];
          out.push({
            path: at,
            setter: { container: c.name },
            value: host,
            fixes: [{ title: 'Remove host (probe the pod itself)', changes: [{ kind: 'delete', path: at }] }],
          });
        }
      }
    }
    return out;
  },
  word(offs) {
    const names = sortedSet(containerNames(offs));
    const hosts = sortedSet(values(offs));
    return {
      reason: 'probe or lifecycle host',
      detail: `${containersPhrase(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hosts.length)} ${joinQuote(hosts)}`,
    };
  },
};

/** check_sysctls.go, policy 1.32+. */
const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]); // prettier-ignore

export const sysctls: PssCheck = {
  id: 'sysctls',
  level: 'baseline',
  find(_meta, spec) {
    return items(podSc(spec)?.['sysctls']).flatMap((s, i) => {
      const name = isObj(s) ? text(s['name']) : undefined;
      if (name === undefined || SAFE_SYSCTLS.has(name)) return [];
      const at = ['spec', 'securityContext', 'sysctls', i];
      return [
        {
          path: [...at, 'name'],
          setter: 'pod' as const,
          value: name,
          fixes: [{ title: `Remove the sysctl ${name}`, changes: [{ kind: 'delete' as const, path: at }] }],
        },
      ];
    });
  },
  word: (offs) => ({ reason: 'forbidden sysctls', detail: values(offs).join(', ') }),
};
