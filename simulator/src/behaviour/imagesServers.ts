// Image catalogue entries (see imageEntries.ts): web servers (nginx, httpd, serve_hostname) and monitoring servers
// (Prometheus, Grafana).
import { official, pathIs, type ImageEntry } from './imageProfile';
import { isK8sImage } from '../model/imageRef';
import { BUSYBOX, BUSYBOX_ALPINE, DEBIAN, debianLike, withTools } from './toolSets';

/** Web servers. */
export const WEB_SERVERS: ImageEntry[] = [
  {
    key: 'nginx',
    match: official('nginx'),
    build: (ref) => ({
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      stopSignal: 'SIGQUIT',
      ...debianLike(ref, ['nginx', 'curl'], { full: DEBIAN }),
    }),
  },
  {
    key: 'nginx',
    match: pathIs('nginxinc/nginx-unprivileged'),
    build: (ref) => ({
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      stopSignal: 'SIGQUIT',
      ...debianLike(ref, ['nginx', 'curl'], { full: DEBIAN }),
      params: { nginxPort: 8080 },
    }),
  },
  {
    key: 'nginx',
    match: (ref) => isK8sImage(ref, 'nginx-slim') || isK8sImage(ref, 'nginx'),
    build: () => ({
      cmd: ['nginx', '-g', 'daemon off;'],
      stopSignal: 'SIGQUIT',
      userland: 'gnu',
      hasShell: true,
      tools: withTools(DEBIAN, ['nginx']),
      notes: ['registry.k8s.io nginx test image: assumed to behave like nginx with its default configuration'],
    }),
  },
  {
    key: 'serve_hostname',
    match: (ref) => isK8sImage(ref, 'serve_hostname'),
    build: () => ({
      entrypoint: ['/serve_hostname'],
      cmd: [],
      userland: 'none',
      hasShell: false,
      tools: ['serve_hostname'],
    }),
  },
  {
    key: 'httpd',
    match: official('httpd'),
    build: (ref) => ({
      cmd: ['httpd-foreground'],
      stopSignal: 'SIGWINCH',
      workingDir: '/usr/local/apache2',
      ...debianLike(ref, ['httpd', 'httpd-foreground', 'apachectl']),
    }),
  },
];

/** Monitoring servers. */
export const MONITORING: ImageEntry[] = [
  {
    key: 'prometheus',
    match: (ref) =>
      pathIs('prom/prometheus', 'prometheus/prometheus')(ref) ||
      (ref.registry === 'quay.io' && ref.path === 'prometheus/prometheus'),
    build: () => ({
      entrypoint: ['/bin/prometheus'],
      cmd: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus'],
      workingDir: '/prometheus',
      userland: 'busybox',
      hasShell: true,
      tools: withTools(BUSYBOX, ['prometheus', 'promtool']),
    }),
  },
  {
    key: 'grafana',
    match: pathIs('grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise'),
    build: () => ({
      entrypoint: ['/run.sh'],
      cmd: [],
      userland: 'busybox',
      hasShell: true,
      tools: withTools(BUSYBOX_ALPINE, ['grafana', 'grafana-server', 'grafana-cli', 'curl']),
    }),
  },
];
