import { describe, expect, it } from 'vitest';
import { refusalOfStatus } from '../../../core/hub/rules/refusal.ts';
import { noticeText } from '../../../core/screen/notice.ts';
import { setLanguage } from '../../../core/i18n/index.ts';
import { de } from '../../../core/i18n/catalogues/de.ts';
import { en } from '../../../core/i18n/catalogues/en.ts';

describe("a hub's refusal of a screen's key, as the screen says it", () => {
  const body = (key: string, error: string) => JSON.stringify({ error, said: { key } });

  it('the refusals a working venue meets are said in the screen’s language, without the hub’s English', () => {
    setLanguage('de', de);
    try {
      const noToken = refusalOfStatus(403, body('refusal.noToken', 'this hub takes no changes (started without a staff token)'));
      expect(noToken).toEqual({ reason: 'hub-no-token' });
      expect(noticeText(noToken!)).toBe(de['notice.hubNoToken']);
      expect(noticeText(refusalOfStatus(503, body('refusal.noProgram', 'the hub has no program yet'))!)).toBe(
        de['notice.hubNoProgram'],
      );
      expect(noticeText(refusalOfStatus(500, body('refusal.notSaved', 'the hub could not save the change (EIO)'))!)).toBe(
        de['notice.hubNotSaved'],
      );
    } finally {
      setLanguage('en', en);
    }
  });

  it('any other answer keeps the hub’s words and its status, so nothing is hidden', () => {
    expect(refusalOfStatus(400, body('refusal.unknownRoom', 'unknown room "x"'))).toEqual({
      reason: 'hub',
      status: 400,
      error: 'unknown room "x"',
    });
    expect(refusalOfStatus(502, '<html>Bad gateway</html>')).toEqual({
      reason: 'hub',
      status: 502,
      error: '<html>Bad gateway</html>',
    });
    expect(refusalOfStatus(401, '')).toEqual({ reason: 'wrong-token' });
    expect(refusalOfStatus(204, '')).toBeNull();
  });
});
