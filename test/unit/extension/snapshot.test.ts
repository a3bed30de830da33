// The snapshot capture in jsdom: the privacy page's planted values never reach the snapshot, UI
// words do, and the placeholders keep each text's length and character classes.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../extension/snapshot/capture';
import { renderSnapshot } from '../../../extension/snapshot/render';
import { scrubKept, shapeOf } from '../../../extension/snapshot/scrub';
import { foldVietnamese as fold } from '../../../shared/text/fold';
import { PARTS, PLANTED, PRIVACY_PAGE } from '../../fakes/personal-page';

function snapshotOf(html: string, url = 'https://dichvucong.gov.vn/nop-ho-so?formalityId=x') {
  const dom = new JSDOM(html, { url });
  const g = globalThis as unknown as Record<string, unknown>;
  g.Node = dom.window.Node;
  (dom.window.document.querySelector('#mk') as HTMLInputElement | null)?.setAttribute('data-typed', '');
  return capturePage(dom.window.document, { surfaces: ['dvcqg.form'], guideId: 'dvcqg:III.2', stepId: 'form.owner' });
}

describe('page snapshot capture', () => {
  it('keeps no planted value, in the JSON or the rendered page', () => {
    const snapshot = snapshotOf(PRIVACY_PAGE);
    for (const text of [JSON.stringify(snapshot), renderSnapshot(snapshot)]) {
      for (const [what, value] of Object.entries(PLANTED)) {
        for (const n of [value, ...(PARTS[what] ?? [])]) expect(text.includes(n) || fold(text).includes(fold(n)), `${what}: ${n}`).toBe(false);
      }
      for (const kept of ['Họ và tên', 'Thông tin người nộp', 'Tên giấy tờ', 'Nộp hồ sơ']) expect(text).toContain(kept);
    }
    expect(snapshot.counts.unreadFields).toBe(9); // password, six code boxes, file, hidden
    expect(snapshot.path).toBe('/nop-ho-so?formalityId=');
  });

  it('placeholders keep length and character class; kept UI text is scrubbed of names and numbers', () => {
    expect(shapeOf('Nguyễn Văn An, 0912 345 678!')).toBe('Xxxxxx Xxx Xx, 0000 000 000!');
    expect(scrubKept('Hồ sơ của tôi')).toBe('Hồ sơ của tôi');
    expect(scrubKept('Xin chào Lê Thị Hoa')).toBe('Xin chào Xx Xxx Xxx');
    expect(scrubKept('Bước 2: tải tệp cccd-an.pdf (mã 1.001193)')).toBe('Bước 2: tải tệp xxxx-xx.xxx (mã 1.000000)');
  });

  it('never reads a password, code or file field: no value getter runs on them', () => {
    const dom = new JSDOM(PRIVACY_PAGE, { url: 'https://dichvucong.gov.vn/nop-ho-so?formalityId=x' });
    (globalThis as unknown as Record<string, unknown>).Node = dom.window.Node;
    const reads: string[] = [];
    const d = Object.getOwnPropertyDescriptor(dom.window.HTMLInputElement.prototype, 'value')!;
    Object.defineProperty(dom.window.HTMLInputElement.prototype, 'value', {
      configurable: true,
      get(this: HTMLInputElement) {
        reads.push(this.type === 'password' || this.type === 'file' || this.type === 'hidden' || this.maxLength === 1 ? `secret:${this.type}` : 'ok');
        return d.get!.call(this);
      },
    });
    capturePage(dom.window.document, { surfaces: [], guideId: null, stepId: null });
    expect(reads.filter((r) => r.startsWith('secret'))).toEqual([]);
    expect(reads.length).toBeGreaterThan(0);
  });
});
