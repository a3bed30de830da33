/** The shape of `virtual:practice-replicas` (made by modules/practice/replicas.ts). */

/** A replica script: the fixture's code, its browser globals given as parameters. */
export type SandboxRun = (
  window: Window,
  self: Window,
  document: Document,
  location: Location,
  history: History,
  localStorage: Storage,
  sessionStorage: Storage,
  indexedDB: IDBFactory,
  top: Window,
  parent: Window,
  globalThis: Window,
) => void;

export interface ReplicaPage {
  title: string;
  styles: string[];
  /** The fixture's provenance notes: which evidence the page follows, what is unknown. */
  notes: string[];
  body: string;
  scripts: Array<{ src: string } | { run: SandboxRun }>;
}

export interface ReplicaBundle {
  /** `<host>/<path>.html` → page, as the fixture server maps them (test/e2e/harness/https-server.ts). */
  pages: Record<string, ReplicaPage>;
  /** `<host>/<path>.js` → script. */
  scripts: Record<string, { notes: string[]; run: SandboxRun }>;
}
