// Image catalogue entries (see imageEntries.ts): the images of Kubernetes' docs, e2e tests and tutorials (pause,
// agnhost, liveness, hello-app, stress, …) and the usual debugging images (curl, netshoot).
import { pathIs, ROOT_USER, type ImageEntry } from './imageProfile';
import { isK8sImage, versionAtLeast } from '../model/imageRef';
import { BUSYBOX_ALPINE, DEBIAN, withTools } from './toolSets';

/** Images of Kubernetes' docs, e2e tests and tutorials, and debugging images. */
export const EXAMPLE_IMAGES: ImageEntry[] = [
  {
    key: 'pause',
    match: (ref) =>
      isK8sImage(ref, 'pause') || ref.path === 'kubernetes/pause' || ref.path === 'rancher/mirrored-pause',
    build: (ref) => ({
      entrypoint: ['/pause'],
      cmd: [],
      userland: 'none',
      hasShell: false,
      tools: ['pause'],
      toolsComplete: true,
      // "runs as non-root by default since 3.5", as 65535 (image-catalog §1 and §2.17, build/pause/CHANGELOG.md).
      ...(versionAtLeast(ref.tag, [3, 5]) === true ? { user: { config: '65535:65535', uid: 65535, gid: 65535 } } : {}),
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
      // "Runs as root" (image-catalog §2.19).
      user: ROOT_USER,
    }),
  },
  {
    key: 'http-echo',
    match: pathIs('hashicorp/http-echo'),
    build: (ref) => {
      // ECHO_TEXT arrived with 1.0; older images need -text.
      const env: Record<string, string> = versionAtLeast(ref.tag, [1]) === false ? {} : { ECHO_TEXT: 'hello-world' };
      return {
        entrypoint: ['/http-echo'],
        cmd: [],
        userland: 'none',
        hasShell: false,
        tools: ['http-echo'],
        toolsComplete: true,
        env,
      };
    },
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
      // user `curl_user` (image-catalog §2.21): a name, so the kubelet cannot verify it is not root.
      user: { config: 'curl_user' },
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
];
