import { describe, expect, it } from 'vitest';
import { browserLang, chooseLang } from './lang.ts';

describe('the language a visit opens in', () => {
  it('follows the browser: any Chinese among its languages means Chinese', () => {
    expect(browserLang(['zh-CN'])).toBe('zh');
    expect(browserLang(['zh'])).toBe('zh');
    expect(browserLang(['en-US', 'zh-Hant-TW'])).toBe('zh');
    expect(browserLang(['ZH-cn'])).toBe('zh');
    expect(browserLang(['en-US', 'en'])).toBe('en');
    expect(browserLang(['fr-FR', 'zu'])).toBe('en');
    expect(browserLang(['zhx'])).toBe('en');
    expect(browserLang([])).toBe('en');
  });

  it("the switch's remembered choice wins over the browser; a link's lang= wins over both", () => {
    expect(chooseLang(null, null, null, ['zh-CN'])).toBe('zh');
    expect(chooseLang(null, null, 'en', ['zh-CN'])).toBe('en');
    expect(chooseLang(null, null, 'zh', ['en-US'])).toBe('zh');
    expect(chooseLang('en', null, 'zh', ['zh-CN'])).toBe('en');
    expect(chooseLang('zh', null, 'en', ['en-US'])).toBe('zh');
  });

  it('a tab opened by a link keeps its language on reload, over the remembered choice', () => {
    expect(chooseLang(null, 'zh', 'en', ['en-US'])).toBe('zh');
    expect(chooseLang('en', 'zh', null, [])).toBe('en');
  });

  it('ignores whatever else storage holds', () => {
    expect(chooseLang(null, 'fr', '{"x":1}', ['en'])).toBe('en');
    expect(chooseLang(null, undefined, 42, ['zh-SG'])).toBe('zh');
  });
});
