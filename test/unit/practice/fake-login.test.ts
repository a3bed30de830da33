import { describe, expect, it } from 'vitest';
import { checkMadeUpId, checkOtp, checkPasscode, checkPracticeCode } from '../../../extension/practice/fake-login';

describe('the practice login accepts only made-up credentials', () => {
  it('a made-up 12-digit number, never one shaped like a real one', () => {
    expect(checkMadeUpId('123456789012')).toEqual({ ok: true });
    expect(checkMadeUpId('000 000 000 001')).toEqual({ ok: true });
    const real = checkMadeUpId('019099000001');
    expect(real.ok).toBe(false);
    expect(!real.ok && real.message).toContain('3 số đầu 019 là mã tỉnh Thái Nguyên');
    expect(checkMadeUpId('12345').ok).toBe(false);
  });

  it('any code except one shaped like a passcode; any 6 digits as the confirmation code', () => {
    expect(checkPracticeCode('tap')).toEqual({ ok: true });
    expect(checkPracticeCode('  ').ok).toBe(false);
    const passcodeLike = checkPracticeCode('123 456');
    expect(!passcodeLike.ok && passcodeLike.message).toContain('giống passcode VNeID thật');
    expect(checkOtp(['1', '2', '3', '4', '5', '6'])).toEqual({ ok: true });
    expect(checkOtp(['1', '2', '', '4', '5', '6']).ok).toBe(false);
  });

  it('the passcode step takes only the practice passcode and says why', () => {
    expect(checkPasscode('000000')).toEqual({ ok: true });
    const other = checkPasscode('654321');
    expect(!other.ok && other.message).toContain('Không bao giờ gõ passcode thật');
    expect(checkPasscode('').ok).toBe(false);
  });
});
