// Cài đặt → «Gói hướng dẫn» and `doGet ?pack=1` through the BUILT bundle: a
// pack placed by the leader is served exactly as uploaded (whatever its
// characters, up to the size limit, across many cells), shapes and sizes are
// checked, replacing and removing it, a damaged copy, who may place one.
import { describe, expect, it } from 'vitest';
import { GuidePackSchema, MAX_PACK_BYTES, PackErrorSchema, comparePackVersions } from '../../../shared/schemas/pack';
import { HealthResponseSchema } from '../../../shared/schemas/sync';
import { readyRegistry } from '../../fakes/addon-runtime';
import { samplePackText } from '../../fakes/sample-pack';
import { sheetRows } from './helpers';

type Reg = ReturnType<typeof readyRegistry>;
type Upload = { ok: boolean; message: string; pack?: { version: string; createdAt: string; bytes: number; parts: number; sha256: string; uploadedBy: string } };
const upload = (r: Reg, text: string) => r.run<Upload>('uploadGuidePack', text);
const served = (r: Reg) => r.get({ pack: '1' });
const cells = (r: Reg) => r.gas.ss.sheet('Gói hướng dẫn')!.values.slice(1).filter((row) => row?.some((v) => v !== '' && v !== undefined));

describe('Gói hướng dẫn', () => {
  it('is served by doGet ?pack=1 exactly as placed, described in Cài đặt, logged; without ?pack doGet stays the health answer', () => {
    const r = readyRegistry();
    expect(r.run('getGuidePack')).toBeNull();
    const text = samplePackText({ indent: 2 });
    const res = upload(r, text);
    expect(res).toMatchObject({ ok: true, pack: { version: '2026.12.01-1', createdAt: '2026-12-01T08:00:00+07:00', bytes: Buffer.byteLength(text), parts: 1, uploadedBy: 'totruong@example.com' } });
    expect(res.message).toContain('Đã đặt gói hướng dẫn 2026.12.01-1 vào sổ.');
    expect(r.run('getGuidePack')).toEqual(res.pack);
    const out = served(r);
    expect(out.mime).toBe('JSON');
    expect(out.text).toBe(text);
    expect(GuidePackSchema.parse(JSON.parse(out.text)).version).toBe('2026.12.01-1');
    expect(sheetRows(r.gas.ss, 'Nhật ký').at(-1)).toMatchObject({ 'Hành động': 'Đặt gói hướng dẫn', 'Trang tính': 'Gói hướng dẫn', 'Bản ghi / ô': '2026.12.01-1' });
    expect(HealthResponseSchema.parse(JSON.parse(r.get().text))).toMatchObject({ ok: true });
  });

  it('keeps every character: CRLF, decomposed Vietnamese, text Sheets would read as a formula or a number', () => {
    const r = readyRegistry();
    const payload = JSON.stringify({ hint: 'Ba\u0300m «Nộp hồ sơ»\r\n=SUM(A1)', code: '+84912345678', n: '0123', emoji: '🙂', quote: "'x" });
    const text = samplePackText({ payload, indent: 1 }).replace(/\n/g, '\r\n');
    expect(upload(r, text).ok).toBe(true);
    expect(Buffer.from(served(r).text, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
    // Stored as ASCII base64 parts, none of which a cell could turn into a formula.
    for (const [, part] of cells(r)) expect(String(part)).toMatch(/^~[A-Za-z0-9+/=]+$/);
    for (const s of r.gas.ss.sheets) expect(s.formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('holds a pack of more than 1 MB across cells of at most 50,000 characters, and refuses one over the limit without storing it', () => {
    const r = readyRegistry();
    const data = { guides: Array.from({ length: 3000 }, (_, i) => ({ id: `g:${i}`, hint: `Bước ${i}: bấm «Tiếp tục» rồi chọn ô «Tổ dân phố» `.repeat(5) })) };
    const big = samplePackText({ data, version: '2026.12.02-1' });
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    expect(Buffer.byteLength(big)).toBeLessThanOrEqual(MAX_PACK_BYTES);
    const res = upload(r, big);
    expect(res.ok).toBe(true);
    expect(res.pack!.parts).toBeGreaterThan(25);
    for (const [, part] of cells(r)) expect(String(part).length).toBeLessThanOrEqual(50_000);
    expect(served(r).text).toBe(big);
    const tooBig = samplePackText({ payload: JSON.stringify({ x: 'a'.repeat(MAX_PACK_BYTES) }), version: '2026.12.03-1' });
    const refused = upload(r, tooBig);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/quá lớn .*tối đa 2048 KB/);
    expect(r.run<{ version: string }>('getGuidePack').version).toBe('2026.12.02-1');
    expect(served(r).text).toBe(big);
  });

  const bad: Array<[string, () => string, RegExp]> = [
    ['not JSON', () => 'không phải json', /không đọc được JSON/],
    ['another kind of file', () => JSON.stringify({ v: 1, kind: 'tro-ly-dvc-outbox', records: [] }), /không phải gói hướng dẫn hợp lệ/],
    ['a newer format', () => samplePackText().replace('"formatVersion":1', '"formatVersion":2'), /định dạng khác/],
    ['a signature of the wrong shape', () => samplePackText().replace(/"signature":"[^"]+"/, '"signature":"abc"'), /Chữ ký của gói không đúng dạng/],
    ['a payload that is not JSON', () => samplePackText({ payload: '{guides' }), /Nội dung gói không phải JSON/],
    ['an extra field', () => samplePackText().replace('{', '{"script":"alert(1)",'), /Trường không được phép: script/],
    ['a bad version', () => samplePackText({ version: 'mới nhất' }), /Phiên bản gói không hợp lệ/],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses ${what} with a Vietnamese reason and stores nothing`, () => {
      const r = readyRegistry();
      const res = upload(r, text());
      expect(res.ok).toBe(false);
      expect(res.message).toMatch(message);
      expect(r.run('getGuidePack')).toBeNull();
      expect(cells(r)).toHaveLength(0);
    });
  }

  it('a new pack replaces the old one (its extra parts cleared); removing it answers NO_PACK as JSON', () => {
    const r = readyRegistry();
    upload(r, samplePackText({ data: { x: 'a'.repeat(200_000) }, version: '2026.12.01-1' }));
    const many = cells(r).length;
    const small = samplePackText({ version: '2026.12.05-1' });
    expect(upload(r, small).message).toContain('2026.12.05-1');
    expect(cells(r).length).toBeLessThan(many);
    expect(served(r).text).toBe(small);
    // An older pack is accepted (the leader may roll back) with a word of warning.
    expect(upload(r, samplePackText({ version: '2026.11.30-9' })).message).toContain('cũ hơn gói 2026.12.05-1');
    const removed = r.run<{ ok: boolean; message: string }>('removeGuidePack');
    expect(removed.message).toContain('Đã gỡ gói hướng dẫn 2026.11.30-9');
    expect(r.run('getGuidePack')).toBeNull();
    expect(cells(r)).toHaveLength(0);
    const out = served(r);
    expect(out.mime).toBe('JSON');
    expect(PackErrorSchema.parse(JSON.parse(out.text))).toMatchObject({ ok: false, error: { code: 'NO_PACK', message: expect.stringContaining('chưa có gói hướng dẫn') } });
    expect(sheetRows(r.gas.ss, 'Nhật ký').at(-1)!['Hành động']).toBe('Gỡ gói hướng dẫn');
  });

  it('a copy damaged in the sheet is not served: PACK_DAMAGED, never altered bytes', () => {
    const r = readyRegistry();
    upload(r, samplePackText());
    const sheet = r.gas.ss.sheet('Gói hướng dẫn')!;
    sheet.values[1]![1] = String(sheet.values[1]![1]).replace(/A/g, 'B');
    expect(PackErrorSchema.parse(JSON.parse(served(r).text)).error.code).toBe('PACK_DAMAGED');
    r.gas.ss.sheets = r.gas.ss.sheets.filter((s) => s.name !== 'Gói hướng dẫn');
    expect(PackErrorSchema.parse(JSON.parse(served(r).text)).error).toMatchObject({ code: 'PACK_DAMAGED', message: expect.stringContaining('tải lại gói') });
  });

  it('only someone who may write the protected sheets can place a pack', () => {
    const r = readyRegistry();
    r.actAs('nguoila@example.com');
    expect(() => upload(r, samplePackText())).toThrow(/chưa có quyền ghi/);
    r.actAs('totruong@example.com');
    expect(r.run('getGuidePack')).toBeNull();
  });

  it('orders pack versions by their numbers', () => {
    expect(comparePackVersions('2026.12.01-2', '2026.12.01-1')).toBeGreaterThan(0);
    expect(comparePackVersions('2026.12.10-1', '2026.12.9-1')).toBeGreaterThan(0);
    expect(comparePackVersions('2026.11.30-9', '2026.12.01-1')).toBeLessThan(0);
    expect(comparePackVersions('2026.12.01-1', '2026.12.01-1')).toBe(0);
  });
});
