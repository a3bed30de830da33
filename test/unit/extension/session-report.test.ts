import { describe, expect, it } from 'vitest';
import { describeReport, reportDetails } from '../../../extension/popup/SessionEnd';
import { hostAccessLabel, missingForGuide, patternCovers } from '../../../extension/background/host-patterns';
import type { EndSessionReport } from '../../../extension/messages';

const base: EndSessionReport = {
  origins: ['https://dichvucong.gov.vn', 'https://sso.dancuquocgia.gov.vn'],
  cookiesRemoved: 3,
  partitionedCookiesRemoved: 1,
  cookiesByHost: { 'dichvucong.gov.vn': 2, 'sso.dancuquocgia.gov.vn': 1 },
  cleared: ['cookies', 'localStorage', 'indexedDB', 'serviceWorkers', 'cacheStorage'],
  cachesDeleted: { 'dichvucong.gov.vn': 2, 'sso.dancuquocgia.gov.vn': 0 },
  notCleared: [],
  guidedTabsClosed: 1,
  at: '2026-12-01T08:00:00.000Z',
};

describe('session-end report', () => {
  it('says in one plain sentence that the next resident may come, and lists the technical details apart', () => {
    expect(describeReport(base)).toBe('Đã đăng xuất người dân khỏi các cổng dịch vụ công trên máy này. Có thể tiếp người tiếp theo.');
    const details = reportDetails(base);
    expect(details[0]).toBe('Cookie đã xoá: 3 (trong đó 1 cookie phân vùng) — dichvucong.gov.vn: 2; sso.dancuquocgia.gov.vn: 1.');
    expect(details.join('\n')).toContain('bộ nhớ đệm của trang (Cache Storage): 2 mục');
    expect(details.join('\n')).toContain('Các trang đã xoá: dichvucong.gov.vn, sso.dancuquocgia.gov.vn.');
  });

  it('does not promise more than was done: caches left are named, cookies left mean "not logged out"', () => {
    const caches = describeReport({ ...base, notCleared: [{ kind: 'cacheStorage', hosts: ['tokhaidientu.moj.gov.vn'] }] });
    expect(caches).toMatch(/^Đã đăng xuất người dân/);
    expect(caches).toContain('Riêng bộ nhớ đệm của trang (Cache Storage) trên tokhaidientu.moj.gov.vn chưa xoá được');
    const cookies = describeReport({ ...base, notCleared: [{ kind: 'cookies', hosts: ['dichvucong.gov.vn'] }] });
    expect(cookies).toMatch(/^Chưa đăng xuất được hết: còn cookie đăng nhập trên dichvucong.gov.vn/);
    expect(cookies).not.toContain('Có thể tiếp người tiếp theo');
  });
});

describe('host access patterns', () => {
  it('knows which hosts a pattern covers', () => {
    expect(patternCovers('https://*.dichvucong.gov.vn/*', 'lienthong.dichvucong.gov.vn')).toBe(true);
    expect(patternCovers('https://*.dichvucong.gov.vn/*', 'dichvucong.gov.vn')).toBe(true);
    expect(patternCovers('https://*.dichvucong.gov.vn/*', 'dichvucong.thainguyen.gov.vn')).toBe(false);
    expect(patternCovers('https://dichvucong.gov.vn/*', 'vpcp.dichvucong.gov.vn')).toBe(false);
  });

  it('a guide needs its own portal and the VNeID login, not the registry hosts', () => {
    const status = { missing: ['https://sso.dancuquocgia.gov.vn/*', 'https://script.google.com/*', 'https://dichvucong.thainguyen.gov.vn/*'], checkedAt: '' };
    expect(missingForGuide(status, 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x')).toEqual(['https://sso.dancuquocgia.gov.vn/*']);
    expect(missingForGuide(status, 'https://dichvucong.thainguyen.gov.vn/dichvucong/x')).toEqual(['https://sso.dancuquocgia.gov.vn/*', 'https://dichvucong.thainguyen.gov.vn/*']);
    expect(hostAccessLabel('https://sso.dancuquocgia.gov.vn/*')).toBe('trang đăng nhập VNeID (sso.dancuquocgia.gov.vn)');
  });
});
