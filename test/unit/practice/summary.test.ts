import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../../extension/practice/scenarios';
import type { PracticeEvent, PracticeRun } from '../../../extension/practice/storage';
import { durationText, summarise } from '../../../extension/practice/summary';

const at = (s: number) => new Date(Date.parse('2026-12-01T02:00:00Z') + s * 1000).toISOString();

function run(events: PracticeEvent[], more: Partial<PracticeRun> = {}): PracticeRun {
  return {
    runId: 'r',
    scenarioId: 'khai-sinh',
    startedAt: at(0),
    steps: [
      { id: 'agency.province', title: 'Chọn Tỉnh/Thành phố' },
      { id: 'agency.ward', title: 'Chọn Phường/Xã' },
      { id: 'agency.card', title: 'Chọn thẻ của phường/xã' },
      { id: 'form.doc-3', title: 'Tải lên: Văn bản ủy quyền' },
    ],
    at: 'https://dichvucong.gov.vn/',
    current: null,
    events,
    ...more,
  };
}

describe('the trainer\'s result', () => {
  it('lists skipped steps, steps shown again (re-entered or not found) and the mistakes with their steps', () => {
    const s = summarise(
      run(
        [
          { kind: 'enter', step: 'agency.province', at: at(1) },
          { kind: 'enter', step: 'agency.ward', at: at(5) },
          { kind: 'back', step: 'agency.ward', at: at(6) },
          { kind: 'enter', step: 'agency.province', at: at(6) },
          { kind: 'enter', step: 'agency.card', at: at(9) },
          { kind: 'mistake', trap: 'so-card', step: 'agency.card', at: at(10) },
          { kind: 'mistake', trap: 'so-card', step: 'agency.card', at: at(12) },
          { kind: 'enter', step: 'form.doc-3', at: at(20) },
          { kind: 'missing', step: 'form.doc-3', at: at(24) },
          { kind: 'skip', step: 'form.doc-3', at: at(25) },
        ],
        { capture: { dossierCode: 'H55.242-261127-0001', confirmedAt: at(754), practice: { runId: 'r', scenarioId: 'khai-sinh' } } },
      ),
      scenarioById('khai-sinh'),
    );
    expect(s.skipped).toEqual([{ id: 'form.doc-3', title: 'Tải lên: Văn bản ủy quyền', times: 1 }]);
    expect(s.reshown.map((l) => l.title)).toEqual(['Chọn Tỉnh/Thành phố', 'Tải lên: Văn bản ủy quyền']);
    expect(s.mistakes).toEqual([{ trap: 'so-card', mistake: 'Chọn thẻ của Sở thay vì thẻ của UBND phường/xã', explain: expect.stringContaining('Cơ quan thực hiện'), steps: ['Chọn thẻ của phường/xã'], times: 2 }]);
    expect([s.filed, s.dossierCode, s.durationMs, durationText(s.durationMs)]).toEqual([true, 'H55.242-261127-0001', 754_000, '12 phút 34 giây']);
  });

  it('a run ended without a code is not filed; its time runs to the end', () => {
    const s = summarise(run([], { endedAt: at(45) }), scenarioById('khai-sinh'));
    expect([s.filed, s.skipped, s.reshown, s.mistakes, durationText(s.durationMs)]).toEqual([false, [], [], [], '45 giây']);
    expect(durationText(3_720_000)).toBe('1 giờ 2 phút');
    expect(durationText(120_000)).toBe('2 phút');
  });
});
