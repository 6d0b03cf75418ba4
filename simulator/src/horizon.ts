// How long a run simulates when nobody says otherwise. One value for the editor's predictions, the panel's
// default (`podlab.simulation.until`) and `podlab run --until`, so that a prediction's "7 restarts in 10m" is
// what the panel shows for the same manifest. Ten minutes: long enough for a crash loop to reach its 160 s
// back-off and for slow starts to become Ready, short enough to simulate on every edit.
export const DEFAULT_HORIZON_SECONDS = 600;
