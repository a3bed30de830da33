import { describe, expect, it } from 'vitest';
import { MAX_RECORDS_PER_ENVELOPE } from '../../../shared/schemas/sync';
import { backoffDelay, RETRY_BASE_MS, RETRY_CAP_MS } from '../../../extension/outbox/backoff';
import { validateEndpoint } from '../../../extension/outbox/endpoint';
import { CODE, ENDPOINT, filing, setup } from './engine-setup';

describe('backoff', () => {
  it('grows exponentially with equal jitter and a cap', () => {
    // Pinned figures: 30 s base (Chrome's minimum alarm delay), doubling, capped at 30 minutes.
    expect(RETRY_BASE_MS).toBe(30_000);
    expect(RETRY_CAP_MS).toBe(1_800_000);
    expect(backoffDelay(1, () => 0)).toBe(15_000);
    expect(backoffDelay(1, () => 1)).toBe(30_000);
    expect(backoffDelay(2, () => 0.5)).toBe(45_000);
    expect(backoffDelay(3, () => 1)).toBe(120_000);
    expect(backoffDelay(7, () => 1)).toBe(1_800_000);
    expect(backoffDelay(50, () => 1)).toBe(1_800_000);
    expect(backoffDelay(50, () => 0)).toBe(900_000);
  });
});

describe('endpoint URL', () => {
  it('accepts only Apps Script /exec deployment URLs', () => {
    expect(validateEndpoint(` ${ENDPOINT} `)).toEqual({ ok: true, url: ENDPOINT });
    expect(validateEndpoint('https://script.google.com/a/macros/phuong.vn/s/TEST-fixture-deployment-id-0000/exec').ok).toBe(true);
    for (const bad of ['', 'http://script.google.com/macros/s/TEST-fixture-deployment-22/exec', 'https://script.google.com/macros/s/TEST-fixture-deployment-22/dev', 'https://evil.example/macros/s/TEST-fixture-deployment-22/exec', `${ENDPOINT}?x=1`]) {
      const r = validateEndpoint(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/[àáảãạăâđêôơư]/);
    }
  });
});

describe('outbox sender', () => {
  it('sends a text/plain POST with no custom headers and removes created records', async () => {
    const t = setup();
    expect(await t.engine.enqueue(filing(1))).toEqual({ ok: true, waiting: 1 });
    const out = await t.engine.flush();
    expect(out).toEqual({ kind: 'sent', delivered: 1, rejected: 0 });
    expect(t.server.rows.size).toBe(1);
    expect(t.outbox.value).toEqual([]);
    const init = t.server.calls[0]!.init;
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'text/plain;charset=utf-8' });
    expect(init.redirect).toBe('follow');
    expect(init.credentials).toBe('omit');
  });

  it('queues a record once even when enqueued twice (same clientId)', async () => {
    const t = setup();
    const r = filing(1);
    await t.engine.enqueue(r);
    expect(await t.engine.enqueue(r)).toEqual({ ok: true, waiting: 1 });
    expect(t.outbox.value).toHaveLength(1);
  });

  it('refuses an invalid record with a Vietnamese message and queues nothing', async () => {
    const t = setup();
    const bad = filing(1);
    (bad as { filing: { residentName: string } }).filing.residentName = '1';
    const r = await t.engine.enqueue(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Họ và tên/);
    expect(t.outbox.value).toEqual([]);
  });

  it('batches up to MAX_RECORDS_PER_ENVELOPE per POST', async () => {
    const t = setup();
    for (let i = 0; i < 250; i++) await t.engine.enqueue(filing(i));
    const out = await t.engine.flush();
    expect(out).toEqual({ kind: 'sent', delivered: 250, rejected: 0 });
    expect(t.server.calls.map((c) => c.records)).toEqual([MAX_RECORDS_PER_ENVELOPE, MAX_RECORDS_PER_ENVELOPE, 50]);
    expect(t.server.rows.size).toBe(250);
  });

  it('endpoint down: keeps the records, schedules a retry with backoff, then delivers once', async () => {
    const t = setup();
    await t.engine.enqueue(filing(1));
    t.server.setMode('down');
    const first = await t.engine.flush();
    expect(first.kind).toBe('retry');
    expect(t.outbox.value).toHaveLength(1);
    expect(t.outbox.value[0]!.attempts).toBe(1);
    expect(t.outbox.value[0]!.lastError?.code).toBe('NETWORK');
    expect(t.alarms.at(-1)).toBe(Date.parse('2026-11-20T03:00:00Z') + backoffDelay(1, () => 0.5));
    const second = await t.engine.flush();
    expect(second.kind).toBe('retry');
    expect(t.state.value.failures).toBe(2);
    expect(t.alarms.at(-1)! - Date.parse('2026-11-20T03:00:00Z')).toBe(backoffDelay(2, () => 0.5));
    t.server.setMode('up');
    expect(await t.engine.flush()).toEqual({ kind: 'sent', delivered: 1, rejected: 0 });
    expect(t.server.rows.size).toBe(1);
    expect(t.outbox.value).toEqual([]);
    expect(t.state.value.failures).toBe(0);
    expect(t.alarms.at(-1)).toBeNull();
  });

  it('treats an HTML or garbled answer as a retryable failure', async () => {
    const t = setup();
    await t.engine.enqueue(filing(1));
    t.server.setMode('html');
    const out = await t.engine.flush();
    expect(out.kind).toBe('retry');
    expect(t.outbox.value[0]!.lastError?.code).toBe('BAD_ANSWER');
    expect(t.outbox.value[0]!.state).toBe('waiting');
  });

  it('response lost after the append: the retry reuses the clientId and does not duplicate', async () => {
    const t = setup();
    await t.engine.enqueue(filing(1));
    t.server.setMode('lose-answer');
    expect((await t.engine.flush()).kind).toBe('retry');
    expect(t.server.rows.size).toBe(1);
    t.server.setMode('up');
    expect(await t.engine.flush()).toEqual({ kind: 'sent', delivered: 1, rejected: 0 });
    expect(t.server.rows.size).toBe(1);
    expect(t.outbox.value).toEqual([]);
  });

  it('keeps rejected records visible with the message and does not retry them automatically', async () => {
    const t = setup();
    const a = filing(1);
    const b = filing(2);
    await t.engine.enqueue(a);
    await t.engine.enqueue(b);
    t.server.setReject((r) => (r.clientId === b.clientId ? 'Mã hồ sơ đã có trong sổ với người khác.' : null));
    expect(await t.engine.flush()).toEqual({ kind: 'sent', delivered: 1, rejected: 1 });
    expect(t.outbox.value).toHaveLength(1);
    expect(t.outbox.value[0]).toMatchObject({ clientId: b.clientId, state: 'rejected', lastError: { message: 'Mã hồ sơ đã có trong sổ với người khác.' } });
    const calls = t.server.calls.length;
    expect(await t.engine.flush()).toEqual({ kind: 'idle' });
    expect(t.server.calls.length).toBe(calls);
    // The volunteer resends it once the problem is fixed on the sheet.
    t.server.setReject(() => null);
    await t.engine.resend(b.clientId);
    await t.engine.flush();
    expect(t.outbox.value).toEqual([]);
    expect(t.server.rows.size).toBe(2);
  });

  it('a revoked code blocks sending (no retry storm) until the link is fixed', async () => {
    const t = setup();
    await t.engine.enqueue(filing(1));
    t.server.setMode('auth-revoked');
    const out = await t.engine.flush();
    expect(out.kind).toBe('blocked');
    if (out.kind === 'blocked') expect(out.error.message).toBe('Mã truy cập đã bị thu hồi.');
    expect(t.alarms.at(-1)).toBeNull();
    const calls = t.server.calls.length;
    expect((await t.engine.flush()).kind).toBe('blocked');
    expect(t.server.calls.length).toBe(calls);
    expect(t.outbox.value[0]!.state).toBe('waiting');
    t.server.setMode('up');
    const linked = await t.engine.link(ENDPOINT, 'ma-moi-5678-abcd');
    expect(linked).toEqual({ ok: true, linked: { volunteerId: 'TNV-001', volunteerName: 'Lê Thị Hoa', ward: 'Đồng Tiến' } });
    await t.engine.flush();
    expect(t.outbox.value).toEqual([]);
  });

  it('retryable server errors (BUSY) back off', async () => {
    const t = setup();
    await t.engine.enqueue(filing(1));
    t.server.setMode('busy');
    const out = await t.engine.flush();
    expect(out.kind).toBe('retry');
    expect(t.outbox.value[0]!.lastError?.message).toBe('Sổ đang bận.');
  });

  it('an envelope refused as a whole is resent one by one: only the bad record is rejected', async () => {
    const t = setup();
    const recs = [filing(1), filing(2), filing(3)];
    for (const r of recs) await t.engine.enqueue(r);
    t.server.setSpoil((r) => r.clientId === recs[1]!.clientId);
    expect(await t.engine.flush()).toEqual({ kind: 'sent', delivered: 2, rejected: 1 });
    expect(t.outbox.value.map((i) => [i.clientId, i.state])).toEqual([[recs[1]!.clientId, 'rejected']]);
    expect(t.server.rows.size).toBe(2);
  });

  it('an error that is not about the records never rejects them, even if not flagged retryable', async () => {
    const t = setup();
    await t.engine.enqueue(filing(1));
    t.server.setMode('rate-limited-unflagged');
    expect((await t.engine.flush()).kind).toBe('retry');
    expect(t.outbox.value[0]!.state).toBe('waiting');
  });

  it('single flight: concurrent flushes never send the same record twice', async () => {
    const t = setup();
    for (let i = 0; i < 5; i++) await t.engine.enqueue(filing(i));
    await Promise.all([t.engine.flush(), t.engine.flush(), t.engine.flush()]);
    expect(t.server.calls).toHaveLength(1);
    expect(t.server.rows.size).toBe(5);
    expect(t.outbox.value).toEqual([]);
  });

  it('records enqueued during a send go out right after it', async () => {
    const t = setup();
    // Hold the first request open until the second record is queued and its flush requested.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetchOf = t.server.fetch;
    const calls: number[] = [];
    t.server.fetch = (async (url: string, init: RequestInit) => {
      calls.push(calls.length);
      if (calls.length === 1) await gate;
      return fetchOf(url, init);
    }) as typeof fetchOf;
    await t.engine.enqueue(filing(1));
    const first = t.engine.flush();
    await expect.poll(() => calls.length).toBe(1);
    await t.engine.enqueue(filing(2));
    const second = t.engine.flush();
    release();
    // Both callers wait for the same flight, which sends again for the record queued meanwhile.
    expect(await second).toEqual(await first);
    expect(t.server.calls.map((c) => c.records)).toEqual([1, 1]);
    expect(t.server.rows.size).toBe(2);
    expect(t.outbox.value).toEqual([]);
  });

  it('a record queued while a finished send winds down is not left waiting for the next alarm', async () => {
    // The send has found the outbox empty and is clearing its retry alarm when the next record
    // arrives: the flight in progress answers that flush, so it must go round once more.
    let late: Promise<unknown> | undefined;
    const t = setup({
      onScheduleRetry: async (at) => {
        if (at !== null || late) return;
        await t.engine.enqueue(filing(2));
        late = t.engine.flush(); // answered by the flight in progress: not awaited here
      },
    });
    await t.engine.enqueue(filing(1));
    await t.engine.flush();
    await late;
    expect(t.server.rows.size).toBe(2);
    expect(t.outbox.value).toEqual([]);
  });

  it('without a link, nothing is sent and the outbox keeps everything', async () => {
    const t = setup({ linked: false });
    await t.engine.enqueue(filing(1));
    expect(await t.engine.flush()).toEqual({ kind: 'not-linked' });
    expect(t.server.calls).toHaveLength(0);
    expect(t.outbox.value).toHaveLength(1);
  });

  it('delete removes exactly one item; unlink wipes the code but keeps the URL and the outbox', async () => {
    const t = setup();
    const a = filing(1);
    await t.engine.enqueue(a);
    await t.engine.enqueue(filing(2));
    t.server.setMode('down');
    await t.engine.flush();
    expect(await t.engine.remove(a.clientId)).toEqual({ ok: true });
    expect((await t.engine.remove(a.clientId)).ok).toBe(false);
    expect(t.outbox.value).toHaveLength(1);
    await t.engine.unlink();
    expect(t.settings.value).toEqual({ endpoint: ENDPOINT, accessCode: '', linked: null });
    expect(t.outbox.value).toHaveLength(1);
  });

  it('link keeps a hand-typed code with spaces (the add-on ignores them)', async () => {
    const t = setup({ linked: false });
    expect((await t.engine.link(ENDPOINT, '  DVC-ABCD EFGH-JKLM  ')).ok).toBe(true);
    expect(t.settings.value.accessCode).toBe('DVC-ABCD EFGH-JKLM');
  });

  it('link rejects a malformed URL or code before any request', async () => {
    const t = setup({ linked: false });
    expect((await t.engine.link('https://example.com/exec', CODE)).ok).toBe(false);
    expect((await t.engine.link(ENDPOINT, 'ngắn')).ok).toBe(false);
    expect((await t.engine.link(ENDPOINT, 'DVC - 12 -')).ok).toBe(false);
    expect(t.server.calls).toHaveLength(0);
  });
});
