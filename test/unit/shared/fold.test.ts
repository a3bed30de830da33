import { describe, expect, it } from 'vitest';
import { foldVietnamese, tokens } from '../../../shared/text/fold';

describe('foldVietnamese', () => {
  it('folds NFC and NFD input identically', () => {
    const nfc = 'Đăng ký khai sinh cho người đã có hồ sơ'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfc)).toBe('dang ky khai sinh cho nguoi da co ho so');
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
  });

  it('maps đ and Đ to d', () => {
    expect(foldVietnamese('Đồng Tiến, đất đai')).toBe('dong tien dat dai');
  });

  it('ignores tone placement (old and new style)', () => {
    expect(foldVietnamese('hoà')).toBe(foldVietnamese('hòa'));
    expect(foldVietnamese('thuỷ lợi')).toBe(foldVietnamese('thủy lợi'));
    expect(foldVietnamese('Khoẻ')).toBe(foldVietnamese('khỏe'));
    expect(foldVietnamese('thuỷ')).toBe('thuy');
  });

  it('lower-cases, including capitals with marks', () => {
    expect(foldVietnamese('HÒA GIẢI Ở CƠ SỞ')).toBe('hoa giai o co so');
    expect(foldVietnamese('ƯU ĐÃI NGƯỜI CÓ CÔNG')).toBe('uu dai nguoi co cong');
  });

  it('strips every Vietnamese vowel mark to plain a–z', () => {
    const vowels = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
    for (const text of [vowels, vowels.normalize('NFD'), vowels.toUpperCase()]) {
      expect(foldVietnamese(text)).toMatch(/^[aeiouy]+$/);
    }
  });

  it('turns punctuation into single spaces and trims', () => {
    expect(foldVietnamese('  Hộ   nghèo,  cận—nghèo!! (2022–2025)\t\n')).toBe('ho ngheo can ngheo 2022 2025');
    expect(foldVietnamese('«Đăng ký khai tử»')).toBe('dang ky khai tu');
    expect(foldVietnamese('1.001193')).toBe('1 001193');
    expect(foldVietnamese(' ,.;- ')).toBe('');
  });

  it('keeps letters of other scripts', () => {
    expect(foldVietnamese('Peña 中文')).toBe('pena 中文');
  });
});

describe('tokens', () => {
  it('splits folded words', () => {
    expect(tokens('Hòa giải ở cơ sở')).toEqual(['hoa', 'giai', 'o', 'co', 'so']);
    expect(tokens('Giao đất, cho thuê đất;')).toEqual(['giao', 'dat', 'cho', 'thue', 'dat']);
  });

  it('returns no words for blank input', () => {
    expect(tokens('')).toEqual([]);
    expect(tokens(' , – ')).toEqual([]);
  });
});
