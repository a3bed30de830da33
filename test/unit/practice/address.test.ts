/** The practice frame's address and the virtual globals its replica scripts get. */
import { describe, expect, it } from 'vitest';
import { frameUrl, isPracticeAddress, readAddress, sameDocument } from '../../../extension/practice/address';
import { isPracticePage } from '../../../extension/practice/brand';
import { CookieJar, VirtualHistory, VirtualLocation, VirtualStorage } from '../../../extension/practice/sandbox';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

class MemoryStorage {
  private m = new Map<string, string>();
  get length() { return this.m.size; }
  key(i: number) { return [...this.m.keys()][i] ?? null; }
  getItem(k: string) { return this.m.get(k) ?? null; }
  setItem(k: string, v: string) { this.m.set(k, String(v)); }
  removeItem(k: string) { this.m.delete(k); }
  clear() { this.m.clear(); }
}

describe('practice addresses', () => {
  it('carry the portal address they stand for, its hash as their own hash', () => {
    for (const v of ['https://lienthong.dichvucong.gov.vn/#/?vneid=1', 'https://dichvucong.gov.vn/nop-ho-so?formalityId=a&agency=S%E1%BB%9F%20T%C6%B0%20ph%C3%A1p', 'https://sso.dancuquocgia.gov.vn/auth?redirect_uri=https%3A%2F%2Fdichvucong.gov.vn%2Fsso']) {
      const real = frameUrl(ORIGIN, 'run-1', 'top', v);
      expect(real.startsWith(`${ORIGIN}/practice-frame.html?run=run-1&role=top&at=`)).toBe(true);
      expect(readAddress(real)).toEqual({ run: 'run-1', role: 'top', virtual: new URL(v) });
    }
    // A portal hash change is a change of the frame's hash only (same document, hashchange fires).
    const a = new URL(frameUrl(ORIGIN, 'r', 'top', 'https://lienthong.dichvucong.gov.vn/#/'));
    const b = new URL(frameUrl(ORIGIN, 'r', 'top', 'https://lienthong.dichvucong.gov.vn/#/ke-khai/2.000987'));
    expect(sameDocument(a, b)).toBe(true);
    expect(b.hash).toBe('#/ke-khai/2.000987');
  });

  it('exist only for the portals', () => {
    expect(isPracticeAddress(new URL('https://dichvucongnganhtuphap.moj.gov.vn/x'))).toBe(true);
    expect(isPracticeAddress(new URL('https://example.com/'))).toBe(false);
    expect(isPracticeAddress(new URL('http://dichvucong.gov.vn/'))).toBe(false);
    expect(readAddress(`${ORIGIN}/practice-frame.html?run=r&role=top&at=${encodeURIComponent('https://zalo.me/')}`)).toBeNull();
    expect(readAddress(`${ORIGIN}/practice-frame.html?run=r&role=side&at=${encodeURIComponent('https://dichvucong.gov.vn/')}`)).toBeNull();
    expect(isPracticePage(`${ORIGIN}/practice.html?run=x`, ORIGIN)).toBe(true);
    expect(isPracticePage(`${ORIGIN}/practice-frame.html`, ORIGIN)).toBe(true);
    expect(isPracticePage(`${ORIGIN}/record.html`, ORIGIN)).toBe(false);
    expect(isPracticePage('https://dichvucong.gov.vn/practice.html', ORIGIN)).toBe(false);
    expect(isPracticePage(undefined, ORIGIN)).toBe(false);
  });
});

describe('the replica scripts\' globals', () => {
  it('location reads the virtual address and navigates through the practice', () => {
    let at = new URL('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x?a=1');
    const went: Array<[string, boolean]> = [];
    const loc = new VirtualLocation(() => new URL(at), (t, o) => went.push([new URL(t, at).href, !!o?.replace]), () => went.push(['reload', false]));
    expect([loc.href, loc.host, loc.pathname, loc.search, loc.origin]).toEqual([at.href, 'dichvucong.gov.vn', '/thu-tuc-hanh-chinh/x', '?a=1', 'https://dichvucong.gov.vn']);
    loc.href = 'https://sso.dancuquocgia.gov.vn/auth';
    loc.replace('/nop-ho-so');
    loc.hash = '#/b';
    loc.reload();
    expect(went).toEqual([['https://sso.dancuquocgia.gov.vn/auth', false], ['https://dichvucong.gov.vn/nop-ho-so', true], ['https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x?a=1#/b', false], ['reload', false]]);
    at = new URL('https://lienthong.dichvucong.gov.vn/#/x');
    expect(loc.hash).toBe('#/x');
  });

  it('history pushes the real address of a virtual one, and never to another site', () => {
    const pushed: unknown[] = [];
    const real = { pushState: (_s: unknown, _t: string, u?: string) => pushed.push(u), replaceState: () => undefined, length: 1, state: null } as unknown as History;
    const h = new VirtualHistory(real, () => new URL('https://dichvucong.gov.vn/'), (v) => `real:${v.href}`);
    h.pushState({}, '', '/nop-ho-so?formalityId=a');
    h.pushState({}, '');
    expect(pushed).toEqual(['real:https://dichvucong.gov.vn/nop-ho-so?formalityId=a', undefined]);
    expect(() => h.pushState({}, '', 'https://example.com/')).toThrow();
  });

  it('storages and cookies are per run and host; the scenario\'s variants come first', () => {
    const backing = new MemoryStorage() as unknown as Storage;
    const a = new VirtualStorage(backing, 'tldvc.practice.r1.dichvucong.gov.vn.local.');
    const b = new VirtualStorage(backing, 'tldvc.practice.r2.dichvucong.gov.vn.local.');
    a.setItem('dvc_token', 't');
    expect([a.getItem('dvc_token'), b.getItem('dvc_token'), a.length, b.length]).toEqual(['t', null, 1, 0]);
    a.clear();
    expect(backing.length).toBe(0);
    const jar = new CookieJar(new VirtualStorage(backing, 'c.'), { docs: 'eform', toast_ms: '8000' });
    jar.write('vneid_sess=1; path=/; secure; samesite=lax');
    expect(jar.read()).toBe('fx_docs=eform; fx_toast_ms=8000; vneid_sess=1');
    jar.write('vneid_sess=; max-age=0');
    expect(jar.read()).toBe('fx_docs=eform; fx_toast_ms=8000');
  });
});
