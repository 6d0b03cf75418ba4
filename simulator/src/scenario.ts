// Scenario files: what-if input to the simulator (README "Scenario files"). Validated with zod; errors name the path.
import { z } from 'zod';
import { parseDuration } from './present/duration';

/** A duration: seconds as a number, or `90s`, `5m`, `1h30m`. */
const Duration = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = parseDuration(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.seconds;
});

const Quantity = z.union([z.string(), z.number()]);

const Taint = z.strictObject({
  key: z.string().min(1),
  value: z.string().optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

const NodeSpec = z.strictObject({
  name: z.string().min(1),
  capacity: z
    .strictObject({
      cpu: Quantity.optional(),
      memory: Quantity.optional(),
      pods: z.number().int().min(0).optional(),
      'ephemeral-storage': Quantity.optional(),
    })
    .catchall(Quantity)
    .optional(),
  labels: z.record(z.string(), z.string()).optional(),
  taints: z.array(Taint).optional(),
  unschedulable: z.boolean().optional(),
  /** Images already present on the node (`IfNotPresent` then skips the pull). */
  images: z.array(z.string()).optional(),
});

const ContainerOverride = z.strictObject({
  listen: z.array(z.number().int().min(1).max(65535)).optional(),
  startupSeconds: Duration.optional(),
  exit: z.strictObject({ afterSeconds: Duration, code: z.number().int().min(0).max(255) }).optional(),
  http: z.record(z.string(), z.number().int().min(100).max(599)).optional(),
  memoryMi: z.number().min(0).optional(),
  /** Exit code when stopped with SIGTERM; `ignoreSigterm: true` makes it wait for SIGKILL (137). */
  stopExitCode: z.number().int().min(0).max(255).optional(),
  ignoreSigterm: z.boolean().optional(),
});

const Target = { container: z.string().min(1), pod: z.string().min(1).optional() };

const ScenarioEvent = z
  .strictObject({
    at: Duration,
    kill: z.strictObject({ ...Target, exitCode: z.number().int().min(0).max(255).default(137) }).optional(),
    oom: z.strictObject(Target).optional(),
    delete: z
      .strictObject({
        pod: z.string().min(1),
        gracePeriodSeconds: z.number().int().min(0).optional(),
        force: z.boolean().optional(),
      })
      .optional(),
    http: z
      .strictObject({ ...Target, path: z.string().default('/'), status: z.number().int().min(100).max(599) })
      .optional(),
    /** Make a port refuse connections (`fail`) or accept them again (`recover`). */
    endpoint: z
      .strictObject({ ...Target, port: z.number().int().min(1).max(65535), state: z.enum(['fail', 'recover']) })
      .optional(),
    nodeFailure: z.strictObject({ node: z.string().min(1) }).optional(),
  })
  .superRefine((event, ctx) => {
    const actions = ['kill', 'oom', 'delete', 'http', 'endpoint', 'nodeFailure'].filter(
      (k) => event[k as keyof typeof event] !== undefined,
    );
    if (actions.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          actions.length === 0
            ? 'an event needs one action: kill, oom, delete, http, endpoint or nodeFailure'
            : `an event takes one action, found ${actions.join(' and ')}`,
      });
    }
  });

const KubeletOptions = z.strictObject({
  /** `1.34`: denied syncs requeue every 10–15 s (default). `1.35`: requeue exactly at back-off expiry (PR #133066). */
  version: z.enum(['1.34', '1.35']).default('1.34'),
  /** Apply the kubelet's requeue jitter (drawn from the seed). Off: nominal times as in the reference timelines. */
  jitter: z.boolean().default(false),
  /** Back-off cap in seconds (KubeletCrashLoopBackOffMax, 1–300). */
  maxContainerRestartPeriod: z.number().min(1).max(300).default(300),
  /** ReduceDefaultCrashLoopBackOffDecay: initial 1 s, cap 60 s. */
  reducedBackOff: z.boolean().default(false),
  /** Seconds from a pull to the image being there, when it is not present. */
  pullSeconds: z.number().min(0).max(3600).optional(),
});

export const ScenarioSchema = z.strictObject({
  cluster: z
    .strictObject({
      nodes: z.array(NodeSpec).min(1).optional(),
      /** Treat every image as already present on every node. */
      imagesPresent: z.boolean().optional(),
      /** Images that do not exist in their registry (pulls fail with `not found`). */
      missingImages: z.array(z.string()).optional(),
    })
    .optional(),
  kubelet: KubeletOptions.optional(),
  /** ConfigMaps, Secrets and PersistentVolumeClaims the cluster has besides the file's (v1 manifests; checked as the API server would). */
  objects: z.array(z.record(z.string(), z.unknown())).optional(),
  /** The world is complete: an object that is neither in the file nor in `objects` does not exist. */
  worldComplete: z.boolean().optional(),
  containers: z.record(z.string(), ContainerOverride).optional(),
  events: z.array(ScenarioEvent).optional(),
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioEventSpec = z.output<typeof ScenarioEvent>;
export type ContainerOverrideSpec = z.output<typeof ContainerOverride>;
export type KubeletSettings = z.output<typeof KubeletOptions>;

export const DEFAULT_KUBELET: KubeletSettings = KubeletOptions.parse({});

/**
 * What a scenario says about the world around the file, apart from its what-ifs: the cluster, the objects it
 * has, and whether nothing else exists. `podlab lint --scenario`, the language server's cluster file and
 * settings declare this much; the events, container overrides and kubelet options stay with `podlab run`.
 */
export type DeclaredWorld = Pick<Scenario, 'cluster' | 'objects' | 'worldComplete'>;

/** The declared world of a scenario (an empty `cluster: {}` declares nothing). */
export function declaredWorldOf(s: Scenario): DeclaredWorld {
  return {
    ...(s.cluster !== undefined && Object.keys(s.cluster).length > 0 && { cluster: s.cluster }),
    ...(s.objects !== undefined && { objects: s.objects }),
    ...(s.worldComplete !== undefined && { worldComplete: s.worldComplete }),
  };
}

/**
 * A scenario describes the cluster when it lists its nodes: without them the run uses the default node, so
 * scheduling and image outcomes that depend on the real nodes stay unknown (predict's `defaultCluster`).
 */
export function declaresNodes(scenario: Pick<Scenario, 'cluster'> | undefined): boolean {
  return scenario?.cluster?.nodes !== undefined;
}
