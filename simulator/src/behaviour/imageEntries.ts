// The image catalogue as data (docs/image-behaviour.md): one entry per well-known image — how to recognise its
// reference, its ENTRYPOINT/CMD, image ENV, userland, shell, tools and STOPSIGNAL. Adding an image is adding an
// entry here; what its programs *do* (ports, routes, stop, memory) lives with the programs in programs.ts, so that
// `command:` overrides run through the same rules. The first matching entry wins.
import type { ImageEntry } from './imageProfile';
import type { ImageRef } from '../model/imageRef';
import { isK8sImage, isOfficial, versionAtLeast } from '../model/imageRef';
import { BUILDPACK, BUSYBOX, BUSYBOX_ALPINE, DEBIAN, UBUNTU, debianLike, withTools } from './toolSets';

const official = (name: string) => (ref: ImageRef) => isOfficial(ref, name);
const pathIs =
  (...paths: string[]) =>
  (ref: ImageRef) =>
    paths.includes(ref.path);

export const ENTRIES: ImageEntry[] = [
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
  {
    key: 'busybox',
    match: official('busybox'),
    build: (ref) => ({
      cmd: ['sh'],
      userland: 'busybox',
      hasShell: true,
      tools: BUSYBOX,
      oldBusybox: versionAtLeast(ref.tag, [1, 31]) === false,
    }),
  },
  {
    key: 'busybox',
    match: (ref) => isK8sImage(ref, 'busybox'),
    build: (ref) => ({
      cmd: ['sh'],
      userland: 'busybox',
      hasShell: true,
      tools: BUSYBOX,
      oldBusybox: true,
      notes:
        ref.tag === 'latest'
          ? [
              '`registry.k8s.io/busybox:latest` is a schema-1 image that containerd 2.x refuses to pull; tag 1.27.2 works',
            ]
          : [],
    }),
  },
  {
    key: 'alpine',
    match: official('alpine'),
    build: () => ({ cmd: ['/bin/sh'], userland: 'busybox', hasShell: true, tools: BUSYBOX_ALPINE }),
  },
  {
    key: 'bash',
    match: official('bash'),
    build: () => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['bash'],
      userland: 'busybox',
      hasShell: true,
      tools: withTools(BUSYBOX_ALPINE, ['bash']),
    }),
  },
  {
    key: 'ubuntu',
    match: official('ubuntu'),
    build: () => ({ cmd: ['bash'], userland: 'gnu', hasShell: true, tools: UBUNTU }),
  },
  {
    key: 'debian',
    match: official('debian'),
    build: () => ({ cmd: ['bash'], userland: 'gnu', hasShell: true, tools: DEBIAN }),
  },
  {
    key: 'fedora',
    match: (ref) =>
      official('fedora')(ref) || official('centos')(ref) || official('rockylinux')(ref) || official('almalinux')(ref),
    build: () => ({
      cmd: ['/bin/bash'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(
        DEBIAN.filter((t) => t !== 'dash'),
        ['ps', 'curl'],
      ),
    }),
  },
  {
    key: 'python',
    match: official('python'),
    build: (ref) => {
      const two = /^2(\.|$|-)/.test(ref.tag);
      return {
        cmd: [two ? 'python2' : 'python3'],
        python: two ? 2 : 3,
        env: two ? { LANG: 'C.UTF-8', PYTHONIOENCODING: 'UTF-8' } : { LANG: 'C.UTF-8' },
        ...debianLike(ref, ['python', 'python3', 'python2', 'pip', 'pip3'], { full: BUILDPACK }),
      };
    },
  },
  {
    key: 'node',
    match: official('node'),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['node'],
      ...debianLike(ref, ['node', 'npm', 'npx', 'yarn'], { full: BUILDPACK }),
    }),
  },
  {
    key: 'perl',
    match: official('perl'),
    build: (ref) => ({ cmd: ['perl', '-de0'], ...debianLike(ref, ['perl', 'cpan', 'cpanm'], { full: BUILDPACK }) }),
  },
  {
    key: 'redis',
    match: (ref) => official('redis')(ref) || pathIs('redis/redis-stack-server')(ref),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      workingDir: '/data',
      ...debianLike(ref, ['redis-server', 'redis-cli', 'gosu']),
    }),
  },
  {
    key: 'postgres',
    match: official('postgres'),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['postgres'],
      stopSignal: 'SIGINT',
      ...debianLike(ref, ['postgres', 'psql', 'pg_isready', 'pg_dump', 'initdb', 'gosu']),
    }),
  },
  {
    key: 'mysql',
    match: (ref) => official('mysql')(ref) || official('percona')(ref),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mysqld'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(
        DEBIAN.filter((t) => t !== 'dash'),
        ['mysqld', 'mysql', 'mysqladmin', 'mysqlsh', 'mysqldump', 'gosu'],
      ),
      params: { memoryMi: versionAtLeast(ref.tag, [8]) === false ? 200 : 400 },
    }),
  },
  {
    key: 'mysql-server',
    match: pathIs('mysql/mysql-server'),
    build: () => ({
      entrypoint: ['/entrypoint.sh'],
      cmd: ['mysqld'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(
        DEBIAN.filter((t) => t !== 'dash'),
        ['mysqld', 'mysql', 'mysqladmin', 'mysqlsh'],
      ),
    }),
  },
  {
    key: 'mariadb',
    match: official('mariadb'),
    build: () => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mariadbd'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(UBUNTU, [
        'mariadbd',
        'mariadb',
        'mariadb-admin',
        'mysql',
        'mysqladmin',
        'healthcheck.sh',
        'gosu',
      ]),
    }),
  },
  {
    key: 'mongo',
    match: official('mongo'),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mongod'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(UBUNTU, [
        'mongod',
        'mongosh',
        ...(versionAtLeast(ref.tag, [6]) === true ? [] : ['mongo']),
        'gosu',
      ]),
    }),
  },
  {
    key: 'memcached',
    match: official('memcached'),
    build: (ref) => ({ entrypoint: ['docker-entrypoint.sh'], cmd: ['memcached'], ...debianLike(ref, ['memcached']) }),
  },
  {
    key: 'rabbitmq',
    match: official('rabbitmq'),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['rabbitmq-server'],
      ...debianLike(ref, ['rabbitmq-server', 'rabbitmqctl', 'rabbitmq-diagnostics', 'rabbitmq-plugins'], {
        full: UBUNTU,
      }),
      params: { management: ref.tag.includes('management') },
    }),
  },
  {
    key: 'pause',
    match: (ref) =>
      isK8sImage(ref, 'pause') || ref.path === 'kubernetes/pause' || ref.path === 'rancher/mirrored-pause',
    build: () => ({
      entrypoint: ['/pause'],
      cmd: [],
      userland: 'none',
      hasShell: false,
      tools: ['pause'],
      toolsComplete: true,
    }),
  },
  {
    key: 'hello-app',
    match: (ref) => /(^|\/)google-samples\/(containers\/gke\/)?hello-app(-cdn|-tls)?$/.test(ref.path),
    build: () => ({
      cmd: ['/hello-app'],
      env: { PORT: '8080' },
      userland: 'none',
      hasShell: false,
      tools: ['hello-app'],
      toolsComplete: true,
      notes: [
        'hello-app: current builds are distroless (no shell); older tags were alpine-based (not verified for this tag)',
      ],
    }),
  },
  {
    key: 'node-hello',
    match: (ref) => /(^|\/)google-samples\/(containers\/gke\/)?node-hello$/.test(ref.path),
    build: () => ({
      cmd: ['node', 'server.js'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(DEBIAN, ['node', 'npm']),
    }),
  },
  {
    key: 'whoami',
    match: pathIs('traefik/whoami', 'containous/whoami'),
    build: () => ({
      entrypoint: ['/whoami'],
      cmd: [],
      userland: 'none',
      hasShell: false,
      tools: ['whoami'],
      toolsComplete: true,
    }),
  },
  {
    key: 'http-echo',
    match: pathIs('hashicorp/http-echo'),
    build: (ref) => ({
      entrypoint: ['/http-echo'],
      cmd: [],
      userland: 'none',
      hasShell: false,
      tools: ['http-echo'],
      toolsComplete: true,
      // ECHO_TEXT arrived with 1.0; older images need -text.
      env: versionAtLeast(ref.tag, [1]) === false ? {} : { ECHO_TEXT: 'hello-world' },
    }),
  },
  {
    key: 'curl',
    match: pathIs('curlimages/curl'),
    build: () => ({
      entrypoint: ['/entrypoint.sh'],
      cmd: ['curl'],
      userland: 'busybox',
      hasShell: true,
      tools: withTools(BUSYBOX_ALPINE, ['curl']),
      workingDir: '/home/curl_user',
    }),
  },
  {
    key: 'netshoot',
    match: pathIs('nicolaka/netshoot'),
    build: () => ({
      cmd: ['zsh'],
      env: { HOSTNAME: 'netshoot' },
      workingDir: '/root',
      userland: 'busybox',
      hasShell: true,
      tools: withTools(BUSYBOX_ALPINE, [
        'bash',
        'zsh',
        'curl',
        'dig',
        'nslookup',
        'nmap',
        'tcpdump',
        'tshark',
        'iperf',
        'iperf3',
        'socat',
        'jq',
        'grpcurl',
        'openssl',
        'strace',
        'mtr',
        'ss',
        'iptables',
        'http',
        'fortio',
      ]),
    }),
  },
  {
    key: 'agnhost',
    match: (ref) => ref.name === 'agnhost',
    build: (ref) => ({
      entrypoint: ['/agnhost'],
      cmd: ['pause'],
      userland: 'busybox',
      hasShell: true,
      tools: withTools(BUSYBOX_ALPINE, ['agnhost', 'bash', 'curl', 'dig', 'iperf', 'coredns']),
      // netexec handles SIGTERM since 2.39; older ones had no handler.
      params: { netexecHandlesTerm: versionAtLeast(ref.tag, [2, 39]) !== false },
    }),
  },
  {
    key: 'liveness',
    match: (ref) => isK8sImage(ref, 'liveness'),
    build: () => ({
      cmd: ['/server'],
      userland: 'none',
      hasShell: false,
      tools: ['server'],
      notes: [
        'k8s.gcr.io/liveness: the same server as agnhost `liveness` (/healthz 200 for 10 s, then 500); its base image was not verified',
      ],
    }),
  },
  {
    key: 'test-webserver',
    match: (ref) => isK8sImage(ref, 'test-webserver'),
    build: () => ({
      entrypoint: ['/test-webserver'],
      cmd: [],
      userland: 'none',
      hasShell: false,
      tools: ['test-webserver'],
    }),
  },
  {
    key: 'perf-sleep',
    match: (ref) => ref.path === 'k8s-staging-perf-tests/sleep' || isK8sImage(ref, 'sleep'),
    build: () => ({
      entrypoint: ['/sleep'],
      cmd: [],
      userland: 'none',
      hasShell: false,
      tools: ['sleep'],
      toolsComplete: true,
    }),
  },
  {
    key: 'stress',
    match: pathIs('polinux/stress'),
    build: () => ({
      cmd: ['stress'],
      userland: 'busybox',
      hasShell: true,
      tools: withTools(BUSYBOX_ALPINE, ['stress', 'bash', 'curl']),
    }),
  },
  {
    key: 'vish-stress',
    match: pathIs('vish/stress'),
    build: () => ({ entrypoint: ['/stress'], cmd: [], userland: 'none', hasShell: false, tools: ['stress'] }),
  },
  {
    key: 'hpa-example',
    match: (ref) => isK8sImage(ref, 'hpa-example'),
    build: () => ({
      cmd: ['apache2-foreground'],
      stopSignal: 'SIGWINCH',
      userland: 'gnu',
      hasShell: true,
      tools: withTools(DEBIAN, ['php', 'apache2', 'apache2-foreground', 'curl']),
    }),
  },
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
