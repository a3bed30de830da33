// Issue 10, the add-on side: diagnostic records through the BUILT bundle's
// endpoint into «Chẩn đoán» (validation, access code, clientId idempotency,
// refusal of unredacted paths), the set-up and migration that add the sheet,
// the «Chẩn đoán» panel's figures, the guide-data version of each volunteer,
// the Zalo report's line, and one kind of record per post.
import { describe, expect, it } from 'vitest';
import { SyncResponseSchema, UNREDACTED_PATH_MESSAGE } from '../../../shared/schemas/sync';
import { REGISTRY_SCHEMA_VERSION } from '../../../shared/schemas/registry';
import { readyRegistry } from '../../fakes/addon-runtime';
import { sampleAccount, sampleDiagnostic, sampleFiling } from '../../fakes/sample-records';
import { sheetRows, snapshot } from './helpers';

type Reg = ReturnType<typeof readyRegistry>;
const DAY = 86_400_000;
const envelope = (code: string, records: unknown[], action: 'record' | 'hello' = 'record', guideData?: string) => ({
  v: 1,
  action,
  accessCode: code,
  client: { app: 'tro-ly-dvc-extension', version: '0.2.0', sentAt: new Date().toISOString(), ...(guideData ? { guideData } : {}) },
  records,
});
const rows = (r: Reg, sheet = 'Chẩn đoán') => sheetRows(r.gas.ss, sheet);
const actions = (r: Reg) => rows(r, 'Nhật ký').map((e) => String(e['Hành động']));
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const install = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('diagnostic records at the endpoint', () => {
  it('are written to «Chẩn đoán» with the volunteer of the code, no log line and no path in the answer', () => {
    const r = readyRegistry();
    const d = sampleDiagnostic({ installId: '3F9A2C4E-8B1D-4E6F-9A7C-2D5B8E1F4A60' });
    const logBefore = rows(r, 'Nhật ký').length;
    const { body } = r.post(envelope(r.code, [d]));
    expect(SyncResponseSchema.parse(body).results).toEqual([{ clientId: d.clientId, status: 'created' }]);
    expect(JSON.stringify(body)).not.toContain('/p/home');
    const [row] = rows(r);
    expect(row).toMatchObject({
      'Mã gửi từ tiện ích': d.clientId,
      'Thời điểm': d.diagnostic.at,
      'Tình nguyện viên': r.volunteerId,
      'Hướng dẫn': 'dvcqg:III.2',
      'Bước': 'form.submit',
      'Trang': 'dvcqg.form',
      'Đường dẫn (đã che)': '/p/home/dvc-dich-vu-cong-truc-tuyen-ds.html?pCoQuanId=',
      'Loại': 'Không thấy chỗ gắn hướng dẫn',
      'Dữ liệu hướng dẫn': 'bundled-0.1.0',
      'Phiên bản tiện ích': '0.1.0',
      'Trình duyệt': 'chrome',
      'Mã máy (ngẫu nhiên)': '3f9a2c4e-8b1d-4e6f-9a7c-2d5b8e1f4a60',
    });
    expect(String(row!['Nhận lúc'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    // A diagnostic changes no registry data: the change log is untouched.
    expect(rows(r, 'Nhật ký')).toHaveLength(logBefore);
    // The sheet is the add-on's own: protected, and a version string stays text.
    const sheet = r.gas.ss.sheet('Chẩn đoán')!;
    expect(sheet.protections.some((p) => p.description.includes('Chẩn đoán'))).toBe(true);
    expect(typeof row!['Phiên bản tiện ích']).toBe('string');
  });

  it('are stored once: a resend (any letter case of the clientId) is a duplicate, within one envelope too', () => {
    const r = readyRegistry();
    const d = sampleDiagnostic();
    r.post(envelope(r.code, [d])); // the answer is "lost"
    const again = { ...d, clientId: d.clientId.toUpperCase() };
    expect(r.post(envelope(r.code, [again])).body.results).toEqual([{ clientId: again.clientId, status: 'duplicate' }]);
    const twin = sampleDiagnostic();
    expect(r.post(envelope(r.code, [twin, twin])).body.results.map((x: { status: string }) => x.status)).toEqual(['created', 'duplicate']);
    expect(rows(r)).toHaveLength(2);
  });

  it('need a valid access code like every record', () => {
    const r = readyRegistry();
    const { body } = r.post(envelope('DVC-AAAA-BBBB-CCCC-DDDD-EEEE', [sampleDiagnostic()]));
    expect(body).toMatchObject({ ok: false, error: { code: 'AUTH_WRONG', retryable: false } });
    expect(rows(r)).toHaveLength(0);
  });

  const unredacted: Array<[string, string]> = [
    ['a query value', '/p/home/dvc-tra-cuu.html?maHoSo=G22.99-000123'],
    ['a number left in the path', '/ho-so/0912345678/chi-tiet'],
    ['a CCCD in the fragment', '/nop-ho-so#/cong-dan/019080123456'],
    ['percent-encoded text', '/tim-kiem/Nguy%E1%BB%85n'],
    ['an e-mail', '/tai-khoan/an@example.com'],
    ['no leading slash', 'dichvucong.gov.vn/p/home'],
  ];
  for (const [what, path] of unredacted) {
    it(`refuse a path with ${what}: rejected (not retried), logged without the path, the other records still stored`, () => {
      const r = readyRegistry();
      const bad = sampleDiagnostic({ path });
      const good = sampleDiagnostic();
      const { body } = r.post(envelope(r.code, [bad, good]));
      expect(body.ok).toBe(true);
      expect(body.results[0]).toMatchObject({ clientId: bad.clientId, status: 'rejected', message: expect.stringContaining(UNREDACTED_PATH_MESSAGE) });
      expect(body.results[1]).toEqual({ clientId: good.clientId, status: 'created' });
      expect(rows(r).map((x) => x['Mã gửi từ tiện ích'])).toEqual([good.clientId]);
      expect(actions(r).at(-1)).toBe('Từ chối 1 chẩn đoán có đường dẫn chưa được che (không lưu đường dẫn)');
      expect(rows(r, 'Nhật ký').at(-1)!['Bản ghi / ô']).toBe(bad.clientId);
      // The path is nowhere in the registry.
      expect(JSON.stringify(r.gas.ss.sheets.map((s) => s.values))).not.toContain(path);
    });
  }

  it('refuse page text smuggled into ids or versions, and unknown fields', () => {
    const r = readyRegistry();
    const recs = [
      sampleDiagnostic({ stepId: 'Nguyễn Văn An' }),
      sampleDiagnostic({ guideDataVersion: '2026 12 01' }),
      { ...sampleDiagnostic(), diagnostic: { ...sampleDiagnostic().diagnostic, pageText: 'x' } },
    ];
    const { body } = r.post(envelope(r.code, recs));
    expect(body.results.map((x: { status: string }) => x.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(body.results[2].message).toContain('Trường không được phép: pageText');
    expect(rows(r)).toHaveLength(0);
    expect(actions(r).at(-1)).toBe('Từ chối 3 bản ghi không hợp lệ');
  });
});

describe('one kind of record per post', () => {
  it('stores the kind of the first valid record, defers the others, and never exceeds 12 spreadsheet calls', () => {
    const r = readyRegistry();
    r.post(envelope(r.code, [sampleFiling()]));
    const batch = Array.from({ length: 60 }, (_, i) => [sampleDiagnostic(), sampleFiling(), sampleAccount()][i % 3]!);
    let left: unknown[] = batch;
    const statuses: string[][] = [];
    while (left.length) {
      r.gas.counter.reset();
      const { body } = r.post(envelope(r.code, left));
      expect(r.gas.counter.total).toBeLessThanOrEqual(12);
      statuses.push(body.results.map((x: { status: string }) => x.status));
      const deferred = new Set(body.results.filter((x: { status: string }) => x.status === 'deferred').map((x: { clientId: string }) => x.clientId));
      left = left.filter((x) => deferred.has((x as { clientId: string }).clientId));
      expect(statuses.length).toBeLessThanOrEqual(3);
    }
    // Diagnostics first (the first record's kind), then filings, then accounts.
    expect(statuses.map((s) => s.filter((x) => x === 'created').length)).toEqual([20, 20, 20]);
    expect(rows(r)).toHaveLength(20);
    expect(rows(r, 'Hồ sơ')).toHaveLength(21);
    expect(rows(r, 'Tài khoản')).toHaveLength(20);
  });

  it('a rejected first record does not choose the kind; a post of 2 and of 100 records cost the same', () => {
    const r = readyRegistry();
    const counts: number[] = [];
    for (const n of [1, 99]) {
      r.gas.counter.reset();
      const { body } = r.post(envelope(r.code, [sampleDiagnostic({ path: '/x?a=1' }), ...Array.from({ length: n }, () => sampleAccount())]));
      counts.push(r.gas.counter.total);
      expect(body.results.map((x: { status: string }) => x.status)).toEqual(['rejected', ...Array(n).fill('created')]);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(12);
  });
});

describe('«Thiết lập sổ» and older registries', () => {
  function version2(r: Reg) {
    r.gas.ss.sheets = r.gas.ss.sheets.filter((s) => s.name !== 'Chẩn đoán' && s.name !== 'Gói hướng dẫn');
    r.gas.ss.metadata.find((m) => m.key === 'troLyDvc.schemaVersion')!.value = '2';
  }

  it('a registry of layout 2 gets «Chẩn đoán» and «Gói hướng dẫn», keeps its rows, and a second run changes nothing', () => {
    const r = readyRegistry();
    r.post(envelope(r.code, [sampleFiling()]));
    version2(r);
    // Filings still come in; a diagnostic is answered "set the registry up" (not retryable), nothing written.
    expect(r.post(envelope(r.code, [sampleFiling()])).body.results[0].status).toBe('created');
    const { body } = r.post(envelope(r.code, [sampleDiagnostic()]));
    expect(body.error).toMatchObject({ code: 'NOT_SET_UP', retryable: false });
    expect(body.error.message).toContain('«Chẩn đoán»');
    expect(body.error.message).toContain('«Thiết lập sổ»');
    expect(() => r.run('getDiagnostics')).toThrow(/bố cục cũ/);
    r.run('menuSetUp');
    expect(r.gas.ss.sheet('Chẩn đoán')).toBeTruthy();
    expect(r.gas.ss.sheet('Gói hướng dẫn')!.hidden).toBe(true);
    expect(r.gas.ss.metadata.find((m) => m.key === 'troLyDvc.schemaVersion')!.value).toBe(String(REGISTRY_SCHEMA_VERSION));
    expect(rows(r, 'Hồ sơ')).toHaveLength(2);
    expect(actions(r).at(-1)).toBe(`Chuyển sổ từ phiên bản 2 lên ${REGISTRY_SCHEMA_VERSION}`);
    expect(r.gas.ui.alerts.at(-1)).toContain('chuyển sổ lên phiên bản 3');
    expect(r.gas.ui.alerts.at(-1)).toContain('Chẩn đoán, Gói hướng dẫn');
    const before = snapshot(r.gas.ss);
    r.run('menuSetUp');
    expect(snapshot(r.gas.ss)).toBe(before);
    expect(r.post(envelope(r.code, [sampleDiagnostic()])).body.results[0].status).toBe('created');
  });
});

describe('the «Chẩn đoán» panel', () => {
  it('lists the steps that failed in the last 7 and 30 days: since when, how often, on how many machines, for how many volunteers, the last path', () => {
    const r = readyRegistry();
    const second = r.run<{ ok: boolean; id: string }>('addVolunteer', { name: 'Đỗ Văn Hùng', toDanPho: 'Tổ dân phố 4' });
    const code2 = r.run<{ code: string }>('issueAccessCode', second.id, 30).code;
    const submit = (days: number, machine: number, path = '/p/home/dvc-nop-ho-so.html?id=') => sampleDiagnostic({ at: ago(days), installId: install(machine), path });
    r.post(envelope(r.code, [submit(40, 1), submit(20, 1), submit(3, 1), submit(1, 2, '/p/home/dvc-nop-ho-so-moi.html')]));
    r.post(envelope(code2, [submit(2, 3), sampleDiagnostic({ stepId: 'find.search', surface: 'dvcqg.search', at: ago(10), installId: install(3) })]));
    const view = r.run<{ windows: Array<{ days: number; steps: Array<Record<string, unknown>> }>; recorded: number }>('getDiagnostics');
    expect(view.recorded).toBe(6);
    const week = view.windows.find((w) => w.days === 7)!.steps;
    expect(week).toHaveLength(1);
    expect(week[0]).toMatchObject({ guideId: 'dvcqg:III.2', stepId: 'form.submit', surface: 'dvcqg.form', misses: 3, machines: 3, volunteers: 2, lastPath: '/p/home/dvc-nop-ho-so-moi.html', guideData: ['bundled-0.1.0'] });
    // "Since" is the first miss of the last 30 days (20 days ago), not of the week.
    expect(String(week[0]!.since).slice(0, 10)).toBe(new Date(Date.now() - 20 * DAY + 7 * 3600_000).toISOString().slice(0, 10));
    expect(String(week[0]!.last).slice(0, 16)).toBe(new Date(Date.now() - DAY + 7 * 3600_000).toISOString().slice(0, 16));
    const month = view.windows.find((w) => w.days === 30)!.steps;
    expect(month.map((s) => [s.stepId, s.misses, s.machines, s.volunteers])).toEqual([
      ['form.submit', 4, 3, 2],
      ['find.search', 1, 1, 1],
    ]);
  });

  it('shows the guide data each volunteer’s extension last reported, recorded without a spreadsheet call', () => {
    const r = readyRegistry();
    r.gas.counter.reset();
    r.post(envelope(r.code, [], 'hello', 'bundled-0.1.0'));
    expect(r.gas.counter.total).toBeLessThanOrEqual(1);
    expect(r.run<{ versions: unknown[] }>('getDiagnostics').versions).toEqual([
      { volunteerId: r.volunteerId, name: 'Lê Thị Hoa', version: '0.2.0', guideData: 'bundled-0.1.0', at: expect.stringMatching(/\+07:00$/) },
    ]);
    r.post(envelope(r.code, [sampleFiling()], 'record', '2026.12.01-1'));
    expect(r.run<{ versions: Array<{ guideData: string }> }>('getDiagnostics').versions.map((v) => v.guideData)).toEqual(['2026.12.01-1']);
    // An extension that does not say keeps the entry honest: empty, not the old value.
    r.post(envelope(r.code, [], 'hello'));
    expect(r.run<{ versions: Array<{ guideData: string }> }>('getDiagnostics').versions.map((v) => v.guideData)).toEqual(['']);
  });

  it('the Zalo report mentions failures of its period in one line, and says nothing when there were none', () => {
    const r = readyRegistry();
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    expect(r.run<string>('buildZaloReport', month)).not.toContain('Hướng dẫn cần cập nhật');
    r.post(envelope(r.code, [sampleDiagnostic({ at: new Date().toISOString(), installId: install(1) }), sampleDiagnostic({ at: new Date().toISOString(), installId: install(2) }), sampleDiagnostic({ stepId: 'find.pick', at: new Date().toISOString(), installId: install(2) })]));
    const report = r.run<string>('buildZaloReport', month);
    const lines = report.split('\n').filter((l) => l.includes('Chẩn đoán'));
    expect(lines).toEqual(['5. Hướng dẫn cần cập nhật: 2 bước không tìm thấy chỗ trên trang cổng (3 lần, trên 2 máy) — xem «Chẩn đoán» trong sổ.']);
    expect(r.run<string>('buildZaloReport', '2020-01')).not.toContain('Hướng dẫn cần cập nhật');
  });
});
