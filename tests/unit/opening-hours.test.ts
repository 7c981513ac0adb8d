// Run under several process time zones (TZ=UTC, TZ=America/New_York): results must not change.
import { describe, expect, it } from 'vitest';
import {
  isOpenAt,
  parisClock,
  parseOpeningHours,
  weeklySchedule,
} from '../../api/src/modules/structures/opening-hours.ts';

const processTz = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Membership test on an int4multirange literal such as '{[540,1050),[1980,2490)}'. */
function contains(multirange: string | null, n: number): boolean {
  if (multirange === null) throw new Error('no multirange');
  return [...multirange.matchAll(/\[(\d+),(\d+)\)/g)].some(([, lo, hi]) => n >= Number(lo) && n < Number(hi));
}

/** Instants every `stepMinutes` over [from, from + days). */
function instants(fromIso: string, days: number, stepMinutes: number): Date[] {
  const start = Date.parse(fromIso);
  const out: Date[] = [];
  for (let t = 0; t < days * 1440; t += stepMinutes) out.push(new Date(start + t * 60_000));
  return out;
}

describe(`opening_hours (process TZ ${processTz})`, () => {
  describe('parseOpeningHours', () => {
    it('accepts valid values', () => {
      expect(parseOpeningHours('Mo-Fr 09:00-17:30; PH off')).toEqual({ ok: true });
      expect(parseOpeningHours('24/7')).toEqual({ ok: true });
      expect(parseOpeningHours('off')).toEqual({ ok: true });
    });

    it('explains invalid syntax on one trimmed line', () => {
      const result = parseOpeningHours('Mo-Fx 09:00-17:00');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toMatch(/^Invalid opening_hours value "Mo-Fx 09:00-17:00": /);
      expect(result.message).toContain('Unexpected token');
      expect(result.message).not.toMatch(/\n|\s$/);
    });

    it('rejects hours outside the day', () => {
      const result = parseOpeningHours('Mo-Fr 25:00-26:00');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('outside of the current day');
    });

    it('rejects empty values', () => {
      expect(parseOpeningHours('')).toEqual({
        ok: false,
        message: 'Invalid opening_hours value: it is empty.',
      });
      expect(parseOpeningHours('   ').ok).toBe(false);
    });
  });

  describe('weeklySchedule', () => {
    it('weekdays with public holidays off', () => {
      expect(weeklySchedule('Mo-Fr 09:00-17:30; PH off')).toEqual({
        week: '{[540,1050),[1980,2490),[3420,3930),[4860,5370),[6300,6810)}',
        holiday: '{}',
      });
    });

    it('24/7', () => {
      expect(weeklySchedule('24/7')).toEqual({ week: '{[0,10080)}', holiday: '{[0,1440)}' });
    });

    it('split days; without a PH rule a holiday is an ordinary Monday', () => {
      expect(weeklySchedule('Mo-Fr 09:00-12:30,13:30-18:00; Sa 10:00-13:00')).toEqual({
        week:
          '{[540,750),[810,1080),[1980,2190),[2250,2520),[3420,3630),[3690,3960),' +
          '[4860,5070),[5130,5400),[6300,6510),[6570,6840),[7800,7980)}',
        holiday: '{[540,750),[810,1080)}',
      });
    });

    it('specific public holiday hours', () => {
      expect(weeklySchedule('Mo-Fr 08:00-12:00; PH 10:00-11:00').holiday).toBe('{[600,660)}');
    });

    it('past midnight', () => {
      // Friday 22:00 → Saturday 02:00.
      expect(weeklySchedule('Fr 22:00-02:00')).toEqual({ week: '{[7080,7320)}', holiday: '{}' });
      // Sunday night wraps to Monday morning: two ranges.
      expect(weeklySchedule('Su 22:00-02:00')).toEqual({
        week: '{[0,120),[9960,10080)}',
        holiday: '{[0,120)}',
      });
    });

    it('merges adjacent ranges', () => {
      const { week } = weeklySchedule('Mo 09:00-12:00,12:00-14:00; Tu 00:00-24:00; We 00:00-24:00');
      expect(week).toBe('{[540,840),[1440,4320)}');
    });

    it('never open, and unparseable', () => {
      expect(weeklySchedule('off')).toEqual({ week: '{}', holiday: '{}' });
      expect(weeklySchedule('Mo-Fx 9-17')).toEqual({ week: null, holiday: null });
    });

    it('unknown intervals count as closed', () => {
      expect(weeklySchedule('Mo 10:00-12:00 || "on appointment"')).toEqual({
        week: '{[600,720)}',
        holiday: '{[600,720)}',
      });
    });
  });

  describe('parisClock', () => {
    it('summer time (UTC+2)', () => {
      // Wednesday 2026-07-01 12:00 in Paris.
      expect(parisClock(new Date('2026-07-01T10:00:00Z'))).toEqual({
        minuteOfWeek: 2 * 1440 + 720,
        minuteOfDay: 720,
        isPublicHoliday: false,
        date: '2026-07-01',
      });
    });

    it('winter time (UTC+1)', () => {
      // Thursday 2026-01-15 11:00 in Paris.
      expect(parisClock(new Date('2026-01-15T10:00:00Z'))).toEqual({
        minuteOfWeek: 3 * 1440 + 660,
        minuteOfDay: 660,
        isPublicHoliday: false,
        date: '2026-01-15',
      });
    });

    it('around the DST changes', () => {
      expect(parisClock(new Date('2026-03-29T00:59:00Z')).minuteOfDay).toBe(119); // 01:59 CET
      expect(parisClock(new Date('2026-03-29T01:00:00Z')).minuteOfDay).toBe(180); // 03:00 CEST
      expect(parisClock(new Date('2026-10-25T00:30:00Z')).minuteOfDay).toBe(150); // 02:30 CEST
      expect(parisClock(new Date('2026-10-25T01:30:00Z')).minuteOfDay).toBe(150); // 02:30 CET
      // Sunday 23:30 in Paris is the end of the week, Monday 00:30 its start.
      expect(parisClock(new Date('2026-06-14T21:30:00Z')).minuteOfWeek).toBe(10050);
      expect(parisClock(new Date('2026-06-14T22:30:00Z')).minuteOfWeek).toBe(30);
    });

    it('French public holidays, by the Paris date', () => {
      expect(parisClock(new Date('2027-07-14T10:00:00Z')).isPublicHoliday).toBe(true);
      expect(parisClock(new Date('2027-07-13T10:00:00Z')).isPublicHoliday).toBe(false);
      // Easter Monday 2027 is 29 March; 00:30 in Paris is still the 28th in UTC.
      const easterMonday = parisClock(new Date('2027-03-28T22:30:00Z'));
      expect(easterMonday).toMatchObject({ isPublicHoliday: true, date: '2027-03-29' });
      expect(parisClock(new Date('2027-03-29T22:30:00Z'))).toMatchObject({
        isPublicHoliday: false,
        date: '2027-03-30',
      });
      // Ascension and Whit Monday 2027.
      expect(parisClock(new Date('2027-05-06T10:00:00Z')).isPublicHoliday).toBe(true);
      expect(parisClock(new Date('2027-05-17T10:00:00Z')).isPublicHoliday).toBe(true);
      expect(parisClock(new Date('2026-12-25T10:00:00Z')).isPublicHoliday).toBe(true);
      // Good Friday and 26 December are Alsace-Moselle only, not metropolitan public holidays.
      expect(parisClock(new Date('2027-03-26T10:00:00Z')).isPublicHoliday).toBe(false);
      expect(parisClock(new Date('2026-12-26T10:00:00Z')).isPublicHoliday).toBe(false);
    });
  });

  describe('isOpenAt agrees with weeklySchedule', () => {
    const withPh = [
      'Mo-Fr 09:00-17:30; PH off',
      '24/7',
      'Mo-Sa 08:30-12:15; We 14:00-16:45; PH 10:00-12:00',
      'Mo-Fr 09:00-12:30,13:30-18:00; Sa 10:00-13:00; PH off',
    ];
    const withoutPh = [
      'Mo-Fr 09:00-12:30,13:30-18:00; Sa 10:00-13:00',
      'Fr 22:00-02:00',
      'Su 22:00-02:00',
      'Tu-Sa 09:00-18:00',
    ];
    // Ordinary weeks in winter and summer time (no holiday), every 37 minutes.
    const ordinary = [...instants('2027-01-10T23:00:00Z', 7, 37), ...instants('2026-09-13T22:00:00Z', 7, 37)];

    it('on ordinary days, against week', () => {
      for (const value of [...withPh, ...withoutPh]) {
        const { week } = weeklySchedule(value);
        for (const at of ordinary) {
          const clock = parisClock(at);
          expect(clock.isPublicHoliday).toBe(false);
          expect([value, at.toISOString(), isOpenAt(value, at)]).toEqual([
            value,
            at.toISOString(),
            contains(week, clock.minuteOfWeek),
          ]);
        }
      }
    });

    it('on public holidays, against holiday', () => {
      // Easter Monday 2027 (Monday), 14 July 2027 (Wednesday), 11 Nov 2026 (Wednesday).
      const mondays = instants('2027-03-28T22:00:00Z', 1, 13);
      const others = [...instants('2027-07-13T22:00:00Z', 1, 13), ...instants('2026-11-10T23:00:00Z', 1, 13)];
      // Rules with a PH part on any holiday; rules without one only on Monday holidays.
      const cases = [
        ...withPh.flatMap((value) => [...mondays, ...others].map((at) => [value, at] as const)),
        ...withoutPh.flatMap((value) => mondays.map((at) => [value, at] as const)),
      ];
      for (const [value, at] of cases) {
        const { holiday } = weeklySchedule(value);
        const clock = parisClock(at);
        expect(clock.isPublicHoliday).toBe(true);
        expect([value, at.toISOString(), isOpenAt(value, at)]).toEqual([
          value,
          at.toISOString(),
          contains(holiday, clock.minuteOfDay),
        ]);
      }
    });

    it('is false for an unparseable value', () => {
      expect(isOpenAt('Mo-Fx 9-17', new Date('2026-09-14T08:00:00Z'))).toBe(false);
    });
  });
});
