import { describe, expect, it } from 'vitest';
import { procedureCodeFromUrl } from '../../../extension/surfaces/codes';
import { redactPath } from '../../../extension/engine/redact';
import { isRedactedPath } from '../../../shared/schemas/sync';

describe('procedure code from hand-off URLs', () => {
  it.each([
    ['https://dichvucongnganhtuphap.moj.gov.vn/danh-sach-thu-tuc?vneid=1&MaTTHCDP=2.001035&MaTTHC=2.001035&MaCoQuanThucHien=H26.107&keyword=', '2.001035', 'MaTTHC'],
    ['https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=2.000815.000.00.00.H55&MaCoQuanThucHien=H55.242&vnconnect=1&MaDVC=2.000815.000.00.00.H55.02', '2.000815', 'MaTTHCDP'],
    ['https://dichvucongnganhtuphap.moj.gov.vn/nop-ho-so/144865?maThuTuc=1.004884', '1.004884', 'maThuTuc'],
    ['https://lienthong.dichvucong.gov.vn/#/ke-khai/2.000986', '2.000986', 'ke-khai'],
  ])('%s → %s', (url, code, source) => {
    expect(procedureCodeFromUrl(new URL(url))).toEqual({ code, source });
  });

  it('ignores URLs without a code', () => {
    expect(procedureCodeFromUrl(new URL('https://dichvucong.gov.vn/nop-ho-so?formalityId=019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7'))).toBeNull();
    expect(procedureCodeFromUrl(new URL('https://dichvucong.thainguyen.gov.vn/nop-ho-so?MaTTHCDP=abc'))).toBeNull();
  });
});

describe('diagnostics path redaction', () => {
  it('keeps the route shape, never values or ids', () => {
    expect(redactPath(new URL('https://dichvucongnganhtuphap.moj.gov.vn/nop-ho-so/144865?maThuTuc=1.004884&hoTen=Nguyen%20Van%20A'))).toBe('/nop-ho-so/:n?maThuTuc=&hoTen=');
    expect(redactPath(new URL('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7'))).toBe('/thu-tuc-hanh-chinh/:uuid');
    expect(redactPath(new URL('https://lienthong.dichvucong.gov.vn/#/ke-khai/2.000986?so=123'))).toBe('/#/ke-khai/:n');
  });

  it('gives paths the registry accepts: encoded or accented text and odd query keys never pass', () => {
    const urls = [
      'https://dichvucong.gov.vn/tim-kiem/Nguy%E1%BB%85n%20V%C4%83n%20An?keyword=x',
      'https://dichvucong.gov.vn/ho-so/nguyễn-văn-an@mail.vn/chi-tiet?tên=1&a%20b=2&ok=3',
      'https://dichvucong.thainguyen.gov.vn/nop-ho-so/0912345678#/buoc/%20x',
      'https://dichvucong.gov.vn/',
    ];
    const paths = urls.map((u) => redactPath(new URL(u)));
    expect(paths).toEqual(['/tim-kiem/:s?keyword=', '/ho-so/:s/chi-tiet?ok=', '/nop-ho-so/:n#/buoc/:s', '/']);
    for (const p of paths) expect(isRedactedPath(p), p).toBe(true);
  });
});
