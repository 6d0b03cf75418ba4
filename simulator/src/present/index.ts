// Presentation of simulation results: kubectl-exact columns, tables and describe text, and the event timeline.
export { humanDuration, goDuration, parseDuration, plainSeconds } from './duration';
export type { ParsedDuration } from './duration';
export { kubectlColumns, kubectlWideColumns } from './kubectl';
export type { KubectlOptions, KubectlPodLike, KubectlSpecLike, KubectlWideColumns } from './kubectl';
export { formatPodTable } from './table';
export type { PodTableOptions, PodTableRow } from './table';
export { formatDescribe } from './describe';
export type {
  DescribeContainer,
  DescribeEnvFrom,
  DescribeEnvVar,
  DescribeInput,
  DescribeOptions,
  DescribePodSpec,
  DescribeProbe,
  DescribeToleration,
  DescribeVolume,
} from './describe';
export { describeProbe } from './describe-containers';
export { aggregateEvents, eventAge } from './describe-events';
export type { AggregatedEvent, AggregateOptions } from './describe-events';
export { formatEvents, timelineTime } from './events';
export type { EventsOptions } from './events';
export { canonicalQuantity, formatQuantity, parseQuantity, podQOSClass } from './quantity';
export type { QOSClass, Quantity, ResourceList, ResourceRequirementsLike } from './quantity';
export { formatTimestamp, rfc1123z } from './timestamp';
export type { ClockOptions } from './timestamp';
export { tabwrite, DESCRIBE_TABWRITER, GET_TABWRITER } from './tabwriter';
export type { TabwriterOptions } from './tabwriter';
