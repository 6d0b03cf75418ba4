// Image catalogue entries (see imageEntries.ts): web servers (nginx, httpd, serve_hostname) and monitoring servers
// (Prometheus, Grafana).
import { official, pathIs, ROOT_USER, type ImageEntry } from './imageProfile';
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
      // The stock nginx.conf: `user nginx;` on line 2, temp paths under /var/cache/nginx (world-semantics §6).
      params: { nginxTempDir: '/var/cache/nginx', nginxUserDirective: true },
      // No USER: root (world-semantics §6, runAsNonRoot "image UID 0 (no USER, e.g. nginx …)").
      user: ROOT_USER,
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
      // `listen 8080`, no `user` line, pid and temp paths in /tmp (world-semantics §6).
      params: { nginxPort: 8080, nginxTempDir: '/tmp', nginxPid: '/tmp/nginx.pid' },
      // `USER 101`; /var/cache/nginx and /etc/nginx owned by 101 group 0, group-writable; pid and temp paths in
      // /tmp (world-semantics §6, docker-nginx-unprivileged Dockerfile).
      user: { config: '101', uid: 101 },
      dirs: [
        { path: '/var/cache/nginx', uid: 101, gid: 0, mode: 0o775 },
        { path: '/etc/nginx', uid: 101, gid: 0, mode: 0o775 },
      ],
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
      // No USER in docker-library/httpd's Dockerfile: root (the workers drop to `daemon` themselves).
      user: ROOT_USER,
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
