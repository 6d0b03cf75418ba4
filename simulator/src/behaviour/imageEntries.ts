// The image catalogue as data (docs/image-behaviour.md): one entry per well-known image — how to recognise its
// reference, its ENTRYPOINT/CMD, image ENV, userland, shell, tools and STOPSIGNAL. Adding an image is adding an
// entry to the file of its family (images*.ts); what its programs *do* (ports, routes, stop, memory) lives with
// the programs in programs.ts, so that `command:` overrides run through the same rules.
import type { ImageEntry } from './imageProfile';
import { BASE_IMAGES } from './imagesBase';
import { DATA_STORES } from './imagesDataStores';
import { EXAMPLE_IMAGES } from './imagesExamples';
import { MONITORING, WEB_SERVERS } from './imagesServers';

/** Every entry. The first matching entry wins, so the order of the families is part of the catalogue. */
export const ENTRIES: ImageEntry[] = [...WEB_SERVERS, ...BASE_IMAGES, ...DATA_STORES, ...EXAMPLE_IMAGES, ...MONITORING];
