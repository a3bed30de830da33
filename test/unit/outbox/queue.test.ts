// The outbox as the volunteer sees it: export, the queue's lines, link checks, one kind per envelope.
import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../../shared/schemas/sync';
import { EMPTY_SETTINGS, type OutboxItem } from '../../../extension/outbox/types';
import { sampleAccount, sampleDiagnostic } from '../../fakes/sample-records';
import { CODE, ENDPOINT, filing, setup } from './engine-setup';

describe('export', () => {
  it('exports the outbox in the add-on file format with the same clientIds and no access code', async () => {
    const { buildExport } = await import('../../../extension/outbox/export');
    const { OutboxFileSchema } = await import('../../../shared/schemas/sync');
    const items: OutboxItem[] = Array.from({ length: 130 }, (_, i) => {
      const record = filing(i);
      return { clientId: record.clientId, record, createdAt: '2026-11-20T03:00:00.000Z', attempts: 0, state: 'waiting' };
    });
    const file = OutboxFileSchema.parse(buildExport(items, '0.1.0', Date.now()));
    expect(file.records.map((r) => r.clientId)).toEqual(items.map((i) => i.clientId));
    expect(JSON.stringify(file)).not.toContain(CODE);
  });
});

describe('what the queue shows', () => {
  it('masks the resident name to initials plus the given name', async () => {
    const { maskName, describeRecord } = await import('../../../extension/outbox/records');
    expect(maskName('Nguyễn Văn An')).toBe('N. V. An');
    expect(maskName('  Lò   Thị  Ánh ')).toBe('L. T. Ánh');
    expect(maskName('An')).toBe('An');
    const d = describeRecord(filing(7));
    expect(d.title).toBe('Hồ sơ G22.99-000007');
    expect(d.detail).toContain('N. V. An');
    expect(d.detail).not.toContain('Nguyễn Văn An');
  });

  it('a connection check that cannot reach the endpoint says so in Vietnamese', async () => {
    const t = setup({ linked: false });
    t.server.setMode('down');
    const r = await t.engine.link(ENDPOINT, CODE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Không kết nối được tới địa chỉ web này/);
    expect(t.settings.value).toMatchObject({ endpoint: ENDPOINT, accessCode: CODE, linked: null });
  });

  it('a code the endpoint refuses is never kept: nothing stored, or the earlier code kept', async () => {
    const fresh = setup({ linked: false });
    fresh.server.setMode('auth-revoked');
    const r = await fresh.engine.link(ENDPOINT, 'ma-bi-thu-hoi-0000');
    expect(r).toMatchObject({ ok: false, code: 'AUTH_REVOKED' });
    if (!r.ok) expect(r.message).toBe('Mã truy cập đã bị thu hồi. Mã này không được lưu.');
    expect(fresh.settings.value).toEqual(EMPTY_SETTINGS);

    const t = setup();
    t.server.setMode('auth-revoked');
    const again = await t.engine.link(ENDPOINT, 'ma-moi-sai-0000-zz');
    if (!again.ok) expect(again.message).toContain('mã đã lưu trước đó vẫn giữ nguyên');
    expect(t.settings.value).toEqual({ endpoint: ENDPOINT, accessCode: CODE, linked: null });
  });

  it('a stored code refused on a later check is removed, and sending waits for a new one', async () => {
    const t = setup();
    expect((await t.engine.checkLink()).ok).toBe(true);
    expect(t.settings.value.linked).not.toBeNull();
    t.server.setMode('auth-revoked');
    const r = await t.engine.checkLink();
    expect(r.ok).toBe(false);
    expect(t.settings.value).toEqual({ endpoint: ENDPOINT, accessCode: '', linked: null });
    expect(t.state.value.blocked?.message).toBe('Mã truy cập đã bị thu hồi. Mã này đã được xoá khỏi máy; hãy dán mã mới tổ trưởng cấp.');
    t.server.setMode('up');
    expect((await t.engine.link(ENDPOINT, 'ma-moi-5678-abcd')).ok).toBe(true);
    expect(t.state.value.blocked).toBeNull();
  });

  it('sends one kind per envelope, and a registry not set up for diagnostics never holds up a filing', async () => {
    const t = setup();
    const fetchOf = t.server.fetch;
    const kinds: string[][] = [];
    t.server.fetch = (async (url: string, init: RequestInit) => {
      const records = JSON.parse(String(init.body)).records as SyncRecord[];
      kinds.push([...new Set(records.map((r) => r.kind))]);
      if (records[0]?.kind === 'diagnostic') {
        const body = { ok: false, v: 1, error: { code: 'NOT_SET_UP', message: 'Sổ chưa có trang «Chẩn đoán»: nhờ tổ trưởng chạy «Thiết lập sổ».', retryable: false }, results: [], serverVersion: 't' };
        return new Response(JSON.stringify(body), { status: 200 });
      }
      return fetchOf(url, init);
    }) as typeof fetchOf;
    const diag = sampleDiagnostic();
    await t.engine.enqueue(diag);
    await t.engine.enqueue(filing(1));
    await t.engine.enqueue(sampleAccount() as SyncRecord);
    const outcome = await t.engine.flush();
    expect(kinds).toEqual([['filing'], ['account'], ['diagnostic']]);
    expect(t.server.rows.size).toBe(2);
    // The diagnostic waits (with the reason) for a later retry; the outbox is not blocked.
    expect(outcome).toMatchObject({ kind: 'retry', delivered: 2, error: { code: 'NOT_SET_UP' } });
    expect(t.state.value.blocked).toBeFalsy();
    expect(t.outbox.value).toHaveLength(1);
    expect(t.outbox.value[0]).toMatchObject({ clientId: diag.clientId, state: 'waiting', lastError: { code: 'NOT_SET_UP' } });
    expect(t.alarms.at(-1)).toBeGreaterThan(0);
  });

  it('records answered "deferred" are sent again at once in the same flush', async () => {
    const t = setup();
    const fetchOf = t.server.fetch;
    let posts = 0;
    t.server.fetch = (async (url: string, init: RequestInit) => {
      posts++;
      const env = JSON.parse(String(init.body));
      if (posts === 1 && env.records.length > 1) {
        // An endpoint that stores only the first record of this post and defers the rest.
        const [first, ...rest] = env.records as SyncRecord[];
        await fetchOf(url, { ...init, body: JSON.stringify({ ...env, records: [first] }) });
        const results = [{ clientId: first!.clientId, status: 'created' }, ...rest.map((r) => ({ clientId: r.clientId, status: 'deferred', message: 'Gửi lại ngay.' }))];
        return new Response(JSON.stringify({ ok: true, v: 1, results, serverVersion: 't' }), { status: 200 });
      }
      return fetchOf(url, init);
    }) as typeof fetchOf;
    for (let i = 1; i <= 3; i++) await t.engine.enqueue(filing(i));
    expect(await t.engine.flush()).toEqual({ kind: 'sent', delivered: 3, rejected: 0 });
    expect(posts).toBe(2);
    expect(t.server.rows.size).toBe(3);
    expect(t.outbox.value).toEqual([]);
  });
});
