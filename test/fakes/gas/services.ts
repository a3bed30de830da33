// The Apps Script globals over one in-memory spreadsheet: SpreadsheetApp, Properties, Cache, Lock, Utilities, Content, Html, Script, Session.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CallCounter, offsetMs, pad2, wallClock } from './base';
import { FakeDataValidationBuilder } from './features';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeHtmlOutput, FakeUi } from './ui';
function signedBytes(buf: Buffer): number[] {
  return [...buf].map((b) => (b > 127 ? b - 256 : b));
}
function toBuffer(v: string | number[]): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v.map((b) => (b < 0 ? b + 256 : b)));
}

export interface FakeTrigger {
  id: string;
  handler: string;
  eventType: string;
  getHandlerFunction(): string;
  getEventType(): string;
  getUniqueId(): string;
}

export interface GasOptions {
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  activeUser?: string;
  /** Directory of the built HTML files for HtmlService.createHtmlOutputFromFile. */
  htmlDir?: string;
  now?: () => number;
  /** The spreadsheet's time zone (File → Settings); the script's stays Asia/Ho_Chi_Minh. */
  spreadsheetTimeZone?: string;
  /** Whether an apostrophe written into a plain-text cell stays a character (unsettled by the documentation). */
  textApostrophe?: 'kept' | 'dropped';
}

/** Documented limits of PropertiesService and CacheService. */
export const LIMITS = { propertyValueBytes: 9 * 1024, propertyStoreBytes: 500 * 1024, cacheValueBytes: 100 * 1024, cacheKeyChars: 250, cacheMaxSeconds: 21_600 };
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** The Apps Script globals, over one in-memory spreadsheet. */
export function createGas(opts: GasOptions = {}) {
  const counter = new CallCounter();
  const ss = new FakeSpreadsheet(counter);
  if (opts.spreadsheetTimeZone) ss.timeZone = opts.spreadsheetTimeZone;
  if (opts.textApostrophe) ss.textApostrophe = opts.textApostrophe;
  const ui = new FakeUi();
  const now = opts.now ?? (() => Date.now());
  const state = {
    authMode: opts.authMode ?? 'FULL',
    /** The signed-in user (menu, sidebar, triggers). Tests switch it to act as another leader. */
    activeUser: opts.activeUser ?? 'totruong@example.com',
    /** The account the script runs as when it is not the active user (the web app executes as its deployer). */
    runAs: null as string | null,
    sleeps: [] as number[],
    lockHeld: false,
    lockWaitsFailed: 0,
    triggers: [] as FakeTrigger[],
    flushes: 0,
    /** Runs right after a lock is released (tests use it to start another execution in that gap). */
    afterRelease: undefined as (() => void) | undefined,
    /** Spreadsheet calls made while a script lock was held (the bench reports them). */
    callsUnderLock: 0,
  };
  const guard = (service: string) => {
    if (state.authMode === 'NONE') {
      throw new Error(`You do not have permission to call ${service}. Required permissions: (AuthMode.NONE)`);
    }
  };
  const makeStore = (service: string) => {
    const map = new Map<string, string>();
    /** Sizes in UTF-8 bytes: 9 KB a value, 500 KB the whole store (keys and values). */
    const check = (next: Map<string, string>) => {
      let total = 0;
      for (const [k, v] of next) {
        if (bytes(v) > LIMITS.propertyValueBytes) throw new Error('Argument too large: value');
        total += bytes(k) + bytes(v);
      }
      if (total > LIMITS.propertyStoreBytes) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    };
    const write = (entries: Array<[string, string]>, replace = false) => {
      const next = replace ? new Map<string, string>() : new Map(map);
      for (const [k, v] of entries) next.set(k, String(v));
      check(next);
      map.clear();
      for (const [k, v] of next) map.set(k, v);
    };
    return {
      map,
      getProperty(k: string) {
        guard(service);
        return map.get(k) ?? null;
      },
      setProperty(k: string, v: string) {
        guard(service);
        write([[k, String(v)]]);
        return this;
      },
      setProperties(o: Record<string, string>, deleteAllOthers = false) {
        guard(service);
        write(Object.entries(o).map(([k, v]) => [k, String(v)]), deleteAllOthers);
        return this;
      },
      getProperties() {
        guard(service);
        return Object.fromEntries(map);
      },
      deleteProperty(k: string) {
        guard(service);
        map.delete(k);
        return this;
      },
    };
  };
  const scriptProps = makeStore('PropertiesService.getScriptProperties');
  const docProps = makeStore('PropertiesService.getDocumentProperties');
  const userProps = makeStore('PropertiesService.getUserProperties');

  /** A cache: 250-character keys, 100 KB values, 10 minutes by default, 6 hours at most. */
  const makeCache = () => {
    const cacheMap = new Map<string, { value: string; expires: number }>();
    const put = (k: string, v: string, ttl = 600) => {
      if (k.length > LIMITS.cacheKeyChars) throw new Error('Argument too large: key');
      if (bytes(String(v)) > LIMITS.cacheValueBytes) throw new Error('Argument too large: value');
      cacheMap.set(k, { value: String(v), expires: now() + Math.min(Math.max(ttl, 1), LIMITS.cacheMaxSeconds) * 1000 });
    };
    const get = (k: string) => {
      const e = cacheMap.get(k);
      if (!e || e.expires <= now()) return null;
      return e.value;
    };
    return {
      map: cacheMap,
      get,
      put,
      getAll: (keys: string[]) => Object.fromEntries(keys.flatMap((k) => (get(k) === null ? [] : [[k, get(k)!]]))),
      putAll: (o: Record<string, string>, ttl?: number) => Object.entries(o).forEach(([k, v]) => put(k, v, ttl)),
      remove(k: string) {
        cacheMap.delete(k);
      },
      removeAll: (keys: string[]) => keys.forEach((k) => cacheMap.delete(k)),
    };
  };
  const cache = makeCache();
  const documentCache = makeCache();
  const userCache = makeCache();

  const lock = () => ({
    mine: false,
    since: 0,
    tryLock(_ms: number) {
      if (state.lockHeld && !this.mine) return false;
      state.lockHeld = true;
      this.mine = true;
      this.since = counter.total;
      return true;
    },
    waitLock(ms: number) {
      if (!this.tryLock(ms)) {
        state.lockWaitsFailed++;
        throw new Error('Lock timeout: another process was holding the lock for too long.');
      }
    },
    hasLock() {
      return this.mine;
    },
    releaseLock() {
      if (this.mine) {
        this.mine = false;
        state.lockHeld = false;
        state.callsUnderLock += counter.total - this.since;
        state.afterRelease?.();
      }
    },
  });

  const SpreadsheetApp = {
    getActiveSpreadsheet() {
      counter.hit('SpreadsheetApp.getActiveSpreadsheet');
      return ss;
    },
    getActive() {
      counter.hit('SpreadsheetApp.getActive');
      return ss;
    },
    getUi() {
      return ui;
    },
    flush() {
      counter.hit('SpreadsheetApp.flush');
      state.flushes++;
    },
    newDataValidation() {
      return new FakeDataValidationBuilder();
    },
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
    DataValidationCriteria: { VALUE_IN_LIST: 'VALUE_IN_LIST', CHECKBOX: 'CHECKBOX' },
  };

  const Utilities = {
    DigestAlgorithm: { SHA_256: 'SHA_256' },
    Charset: { UTF_8: 'UTF_8' },
    computeDigest(alg: string, value: string | number[]) {
      if (alg !== 'SHA_256') throw new Error('Unsupported digest in fake');
      return signedBytes(createHash('sha256').update(toBuffer(value)).digest());
    },
    computeHmacSha256Signature(value: string | number[], key: string | number[]) {
      return signedBytes(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest());
    },
    getUuid() {
      return randomUUID();
    },
    /** Base64 of a string's UTF-8 bytes (the only charset the add-on uses) or of a Byte[]. */
    base64Encode(v: string | number[], _charset?: string) {
      return toBuffer(v).toString('base64');
    },
    base64EncodeWebSafe(v: string | number[]) {
      return toBuffer(v).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    /** Byte[] (signed, as Java's) of a base64 string; like Apps Script, refuses text that is not base64. */
    base64Decode(encoded: string, _charset?: string) {
      if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 === 1) throw new Error('Could not decode string.');
      return signedBytes(Buffer.from(encoded, 'base64'));
    },
    /** A Blob of a string or a Byte[]; getDataAsString decodes its bytes (UTF-8 unless told otherwise). */
    newBlob(data: string | number[]) {
      const buf = toBuffer(data);
      return {
        getBytes: () => signedBytes(buf),
        getDataAsString: (charset = 'UTF-8') => {
          if (!/^utf-?8$/i.test(charset)) throw new Error(`Unsupported charset in fake: ${charset}`);
          return buf.toString('utf8');
        },
      };
    },
    sleep(ms: number) {
      state.sleeps.push(ms);
    },
    /** The Java SimpleDateFormat patterns the add-on uses: yyyy MM dd HH mm ss, 'Z' as +0700. */
    formatDate(date: Date, timeZone: string, format: string) {
      const t = date.getTime();
      const w = wallClock(t, timeZone);
      const off = Math.round(offsetMs(t, timeZone) / 60_000);
      const z = `${off < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(off) / 60))}${pad2(Math.abs(off) % 60)}`;
      return format
        .replace(/'([^']*)'/g, '\u0000$1\u0000')
        .split('\u0000')
        .map((part, i) => (i % 2 ? part : part.replace(/yyyy|MM|dd|HH|mm|ss|Z/g, (tok) => ({ yyyy: String(w.y), MM: pad2(w.m), dd: pad2(w.d), HH: pad2(w.hh), mm: pad2(w.mm), ss: pad2(w.ss), Z: z })[tok]!)))
        .join('');
    },
  };

  const MimeType = { ATOM: 'ATOM', CSV: 'CSV', ICAL: 'ICAL', JAVASCRIPT: 'JAVASCRIPT', JSON: 'JSON', RSS: 'RSS', TEXT: 'TEXT', VCARD: 'VCARD', XML: 'XML' } as const;
  const ContentService = {
    MimeType,
    createTextOutput(text = '') {
      let mime = 'TEXT';
      return {
        setMimeType(m: string) {
          if (!Object.values(MimeType).includes(m as never)) throw new Error('Invalid argument: mimeType');
          mime = m;
          return this;
        },
        getMimeType: () => mime,
        getContent: () => text,
      };
    },
  };

  const HtmlService = {
    SandboxMode: { IFRAME: 'IFRAME' },
    createHtmlOutputFromFile(name: string) {
      const dir = opts.htmlDir ?? path.resolve(import.meta.dirname, '../../dist/apps-script');
      return new FakeHtmlOutput(readFileSync(path.join(dir, `${name}.html`), 'utf8'));
    },
    createHtmlOutput(content = '') {
      return new FakeHtmlOutput(content);
    },
  };

  let triggerSeq = 1;
  const ScriptApp = {
    AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
    EventType: { ON_EDIT: 'ON_EDIT', CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN' },
    newTrigger(handler: string) {
      guard('ScriptApp.newTrigger');
      let eventType = '';
      const make = () => {
        const id = `trigger-${triggerSeq++}`;
        const t: FakeTrigger = { id, handler, eventType, getHandlerFunction: () => handler, getEventType: () => eventType, getUniqueId: () => id };
        state.triggers.push(t);
        return t;
      };
      return {
        forSpreadsheet(_s: unknown) {
          return {
            onEdit() {
              eventType = 'ON_EDIT';
              return { create: make };
            },
            onOpen() {
              eventType = 'ON_OPEN';
              return { create: make };
            },
          };
        },
        timeBased() {
          eventType = 'CLOCK';
          const b = { everyDays: () => b, everyHours: () => b, atHour: () => b, create: make };
          return b;
        },
      };
    },
    getProjectTriggers() {
      guard('ScriptApp.getProjectTriggers');
      return [...state.triggers];
    },
    getUserTriggers(_s: unknown) {
      guard('ScriptApp.getUserTriggers');
      return [...state.triggers];
    },
    deleteTrigger(t: FakeTrigger) {
      state.triggers = state.triggers.filter((x) => x.id !== t.id);
    },
  };

  // Writes are checked as the account the script runs as: the signed-in user for
  // menus and sidebar calls, the deployer (the owner) for the web app.
  const actor = () => (state.runAs ?? (state.authMode === 'NONE' ? '' : state.activeUser)).toLowerCase();
  ss.actor = actor;
  const Session = {
    getActiveUser: () => ({ getEmail: () => (state.authMode === 'NONE' ? '' : state.activeUser) }),
    getEffectiveUser: () => ({ getEmail: () => actor() }),
    /** The script's zone (the manifest's timeZone), not the spreadsheet's. */
    getScriptTimeZone: () => 'Asia/Ho_Chi_Minh',
  };

  const Charts = { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN', PIE: 'PIE', LINE: 'LINE' } };
  const logs: string[] = [];
  const Logger = { log: (...a: unknown[]) => logs.push(a.map(String).join(' ')) };

  const globals = {
    SpreadsheetApp,
    Utilities,
    PropertiesService: {
      getScriptProperties: () => scriptProps,
      getDocumentProperties: () => docProps,
      getUserProperties: () => userProps,
    },
    CacheService: { getScriptCache: () => cache, getDocumentCache: () => documentCache, getUserCache: () => userCache },
    LockService: { getScriptLock: lock, getDocumentLock: lock, getUserLock: lock },
    ContentService,
    HtmlService,
    ScriptApp,
    Session,
    Charts,
    Logger,
  };
  return { globals, counter, ss, ui, state, scriptProps, cache, documentCache, userCache, logs };
}

export type Gas = ReturnType<typeof createGas>;
