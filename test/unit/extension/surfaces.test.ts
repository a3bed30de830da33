// Page detectors: every detector accepts its own real URLs and rejects every URL listed for any
// other detector (github-url-detection pattern).
import { describe, expect, it } from 'vitest';
import * as dvcqg from '../../../extension/surfaces/dvcqg';
import * as lienthong from '../../../extension/surfaces/lienthong';
import * as moj from '../../../extension/surfaces/moj';
import * as thainguyen from '../../../extension/surfaces/thainguyen';
import * as vneid from '../../../extension/surfaces/vneid';
import { SURFACES, surfacesOf } from '../../../extension/surfaces';
import type { Detector } from '../../../extension/surfaces/url';

const modules = { dvcqg, lienthong, moj, thainguyen, vneid } as const;
const detectors: Array<{ name: string; detect: Detector; urls: string[] }> = Object.entries(modules).flatMap(([mod, m]) =>
  Object.entries(m.testUrls).map(([name, urls]) => ({ name: `${mod}.${name}`, detect: (m as unknown as Record<string, Detector>)[name]!, urls })),
);

describe('page detectors', () => {
  it('every detector in the registry has test URLs', () => {
    const tested = new Set(detectors.map((d) => d.detect));
    for (const [id, detect] of Object.entries(SURFACES)) expect(tested.has(detect), id).toBe(true);
  });

  for (const d of detectors) {
    it(`${d.name} accepts its URLs`, () => {
      expect(d.urls.length).toBeGreaterThan(0);
      for (const url of d.urls) expect(d.detect(new URL(url)), url).toBe(true);
    });
    it(`${d.name} rejects every other detector's URLs`, () => {
      for (const other of detectors) {
        if (other === d) continue;
        for (const url of other.urls) expect(d.detect(new URL(url)), `${d.name} must reject ${url} (${other.name})`).toBe(false);
      }
    });
  }

  it('each listed URL belongs to exactly one surface', () => {
    for (const d of detectors) for (const url of d.urls) expect(surfacesOf(new URL(url)), url).toHaveLength(1);
  });

  it('calls malformed portal routes "another page of the portal", never the page they resemble', () => {
    for (const url of ['https://dichvucong.gov.vn/nop-ho-so', 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/not-a-uuid']) {
      expect(surfacesOf(new URL(url)), url).toEqual(['dvcqg.other']);
    }
  });

  it('rejects look-alike hosts and plain http', () => {
    for (const url of [
      'http://dichvucong.gov.vn/',
      'https://dichvucong.gov.vn.example.com/',
      'https://evil-dichvucong.gov.vn/nop-ho-so?formalityId=1',
      'https://lienthong.dichvucong.gov.vn/#/ke-khai/abc',
      'https://dichvucong.thainguyen.gov.vn/nop-ho-sox',
      'https://dichvucong.thainguyen.gov.vn/portal/trang-cu',
    ]) {
      expect(surfacesOf(new URL(url)), url).toEqual([]);
    }
  });
});
