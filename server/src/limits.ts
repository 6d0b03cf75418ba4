// Every size and effort limit of the language server and the CLI, in one place, each with the reason for
// its value. They keep the editor responsive and the process bounded on hostile or huge input; none of
// them changes what PodLab reports on an ordinary manifest. (The simulator's own limits, such as its step
// budget, are in simulator/src/limits.ts; the extension's in client/src/limits.ts.)

// ── Editor (language server) ──

/**
 * Largest file (characters) the server analyses; a larger one gets a single "not checked" note. Real
 * manifests, even generated bundles of CRDs, are well under this; 4 MiB of YAML already means seconds
 * of parsing per edit on a slow machine, which would stall every other request of that file.
 */
export const MAX_ANALYZED_CHARS = 4 * 1024 * 1024;

/**
 * Largest single YAML document (characters) that hover and completion parse. They parse only the
 * document under the cursor, on each request, so this bounds the latency of one keystroke.
 */
export const MAX_DOC_CHARS = 1_000_000;

/**
 * Other documents scanned for the pods of a Service (named ports, selectors), at most this many
 * characters in all: the scan runs per completion request, so it is bounded like the analysis above.
 */
export const MAX_SCAN_CHARS = 4_000_000;

/** Most items a rule looks at in one list: a pathological list must not make one rule quadratic. */
export const MAX_RULE_LIST_ITEMS = 500;

/**
 * Chunk analyses kept for texts that are not an open document's history (the CLI, tests, a file open
 * twice). Open documents reuse their own previous analysis, so this stays small.
 */
export const MAX_CACHED_ANALYSES = 256;

/**
 * Analysis time (ms) the server spends on a file before it answers the requests that came meanwhile, and
 * before a large file's first diagnostics: a newly opened file of many documents is analysed in slices of
 * this length, and the diagnostics of its first documents are published after the first slice (issue 10 B:
 * the first open of 1,000 documents took 3.3 s before anything showed). An edit costs one document, far less.
 */
export const ANALYSIS_SLICE_MS = 20;

/**
 * Longest stretch (ms) of background work (reading the workspace's files) between two looks at the messages
 * that came meanwhile: a request waits at most this long for it.
 */
export const BACKGROUND_SLICE_MS = 4;

/**
 * Files of at most this many documents are analysed whole before their first diagnostics, in one go: their
 * analysis takes about one slice even on a server just started. A larger file is analysed in slices. Warm, a
 * document costs 2–5 ms (yaml's parse about half of it, the schema checks most of the rest), but the first
 * analysis after the server starts pays V8's warm-up (zod's first parses, yaml's code not yet optimised): 10
 * Deployments took 220–460 ms before their first diagnostics at 20 here, 110–190 ms at 5 (issue 10 B, against
 * yaml-language-server's 350–680 ms). A file of a handful of documents still gets one complete first publish.
 */
export const MAX_DOCUMENTS_AT_ONCE = 5;

/**
 * Files of more than this many documents have their diagnostics pass in turns (the analysis, each costly part of
 * the diagnostics, the publish), so that a newer edit cuts in between them rather than wait for a stale pass. A
 * smaller file's pass after a keystroke costs a few ms (one document analysed again, the others' diagnostics
 * kept), and its turns cost more than they spare: at 10 Deployments on a loaded machine (load 3.5), the first
 * turn alone came 0.8–1.7 ms after the analysis, of an edit → first publish of 16 ms.
 */
export const MAX_DOCUMENTS_IN_ONE_PASS = 20;

/**
 * Simulation steps for the predictions of one document. They run after every edit, so they get a much
 * smaller budget than `podlab run` (simulator DEFAULT_BUDGET): a budget hit ends that prediction early
 * rather than holding up diagnostics.
 */
export const PREDICTION_STEP_BUDGET = 200_000;

/** Pods simulated for the predictions of one document (a 1000-replica Deployment predicts like 50). */
export const PREDICTION_MAX_PODS = 50;

/**
 * Documents whose predictions are kept (a few hundred bytes each). An edit adds one entry; every pass
 * refreshes the entries of the open files, so this must exceed the documents open at once, and bounds the
 * memory that typing adds.
 */
export const MAX_CACHED_PREDICTIONS = 4096;

/**
 * Longest one document's simulation may take in the prediction worker before the worker is restarted. The
 * step budget ends a simulation long before this; only a bug reaches it, and then costs that document's
 * predictions, not the server.
 */
export const PREDICTION_JOB_TIMEOUT_MS = 20_000;

/**
 * Times the diagnostics worker is started again after it died (a bug, out of memory) before the diagnostics run
 * on the main thread instead: a worker that dies on every start must not be restarted forever.
 */
export const MAX_WORKER_RESTARTS = 3;

/**
 * Longest the server waits for the diagnostics worker to load before it answers initialize (diagnosticsHost.ts):
 * it loads in a few hundred ms; a worker that does not load must not keep the editor from starting.
 */
export const WORKER_LOAD_WAIT_MS = 3000;

/**
 * The longest a diagnostics run in the worker waits at one time for the main thread's request gate
 * (background/requestGate.ts), and how many times: past that it runs anyway, so that a client that never stops
 * sending messages cannot starve the diagnostics (20 × 50 ms: a second).
 */
export const GATE_WAIT_MS = 50;
export const MAX_GATE_WAITS = 20;

/**
 * Longest a code action waits for the diagnostics worker's quick fixes (background/diagnosticsHost.ts). The worker
 * answers between the parts of its pass, each well under this even at 1,000 documents; a worker that is stuck,
 * or gone without an exit seen yet, must not keep the editor's lightbulb waiting: the action then has no fix.
 */
export const FIXES_WAIT_MS = 1000;

/** Distinct errors the error guard logs before it goes quiet, so a bug storm cannot flood the log. */
export const MAX_LOGGED_ERRORS = 100;

// ── CLI (podlab run | lint) ──

/** Largest input file the CLI reads: far above any real manifest, small enough to read into memory. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** Longest `--until`: a year and a day covers every CronJob schedule and back-off; longer is a typo. */
/**
 * The workspace index (workspace/scan.ts): how many YAML files it reads, how large each may be and how deep it
 * looks. A monorepo's thousands of files cost one bounded read after startup, never a request's time.
 */
export const WORKSPACE_MAX_FILES = 2000;
export const WORKSPACE_MAX_FILE_BYTES = 1024 * 1024;
export const WORKSPACE_MAX_DEPTH = 12;

export const MAX_UNTIL_SECONDS = 366 * 24 * 3600;
