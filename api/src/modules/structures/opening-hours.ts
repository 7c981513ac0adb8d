// OpenStreetMap `opening_hours` strings, reduced on write to PostgreSQL int4multirange literals so
// that `openNow` is a plain range test in SQL over 100,000 structures:
//   CASE WHEN $isPublicHoliday THEN holiday @> $minuteOfDay ELSE week @> $minuteOfWeek END
// with the three parameters taken from parisClock(now).
//
// The `opening_hours` library reads Date objects through their *local* fields (getDay, getHours…),
// i.e. in the process time zone. Every Date handed to it here is therefore a "fake local" Date
// whose local fields equal the Paris wall clock, and every Date it returns is read back through
// its local fields: results do not depend on TZ (UTC, America/New_York, …).

import type { nominatim_object, optional_conf } from 'opening_hours';
import OpeningHours from 'opening_hours';
import { badInput } from '../../errors.ts';

// Holidays are chosen from the country and region: metropolitan France (Île-de-France has neither
// Alsace-Moselle's extra days nor an overseas one). lat/lon are numbers, as the typings say: the
// library then uses fixed sun times (dawn 05:30, sunrise 06:00, sunset 18:00, dusk 18:30) instead
// of computing them (it only does so for string coordinates, and would read the result in the
// process time zone, which the fake-local trick below cannot correct). Deterministic and TZ-proof.
const NOMINATIM: nominatim_object = {
  lat: 48.8566,
  lon: 2.3522,
  address: { country_code: 'fr', state: 'Île-de-France' },
};

// Time ranges (not points in time), English messages whatever the host locale.
const CONF: optional_conf = {
  mode: 0,
  tag_key: 'opening_hours',
  map_value: false,
  warnings_severity: 4,
  locale: 'en',
};

// Reference week, Monday 2026-06-08 to Monday 2026-06-15 (Paris wall clock): no public holiday
// (Whit Monday is 25 May), no school holiday (summer break starts 5 July), no DST change in
// France nor in any usual server time zone.
const REFERENCE_MONDAY = { year: 2026, month: 6, day: 8 } as const;

// Reference public holiday: Whit Monday 2026-05-25, a weekday outside every school holiday
// (unlike Ascension 2027, 6 May, which falls in the Île-de-France "pont de l'Ascension").
// A rule without a PH selector is evaluated as an ordinary Monday that day; Monday is the
// weekday most holidays fall on (Easter and Whit Mondays always do), so that is the best
// single guess for what such a place does on a holiday.
const REFERENCE_HOLIDAY = { year: 2026, month: 5, day: 25 } as const;

const MINUTES_PER_DAY = 1440;
const MS_PER_DAY = 86_400_000;

type ParseResult = { ok: true } | { ok: false; message: string };

/** Validates an opening_hours value; the message is meant for developers and data editors. */
export function parseOpeningHours(value: string): ParseResult {
  const problem = problemOf(value);
  if (problem === null) return { ok: true };
  if (problem.detail === null) return { ok: false, message: 'Invalid opening_hours value: it is empty.' };
  return { ok: false, message: `Invalid opening_hours value "${value}": ${problem.detail}` };
}

/** Throws BAD_USER_INPUT at `field` (`openingHours`, `changes.openingHours`) unless `value` parses. */
export function checkOpeningHours(value: string, field: string): void {
  const result = parseOpeningHours(value);
  if (result.ok) return;
  const message = `${field}: ${result.message}`;
  const detail = problemOf(value)?.detail ?? null;
  throw detail === null
    ? badInput(message, { key: 'openingHoursEmpty', params: { field } })
    : badInput(message, { key: 'openingHours', params: { field, value, detail } });
}

/** Why a value does not parse (`detail`: the library's explanation, null when empty); null when it does. */
function problemOf(value: string): { detail: string | null } | null {
  if (value.trim() === '') return { detail: null };
  try {
    new OpeningHours(value, NOMINATIM, CONF);
    return null;
  } catch (error) {
    return { detail: explain(error) };
  }
}

/**
 * Reduces a value to int4multirange literals: `week` in minutes since Monday 00:00 (0–10080),
 * `holiday` in minutes since midnight (0–1440) for a public holiday. Both are '{}' when never
 * open, and both null only when the value does not parse.
 *
 * Exact for weekly rules. Rules depending on dates, months, week numbers, school holidays (SH)
 * or sunrise/sunset are reduced to what they do during the reference week/holiday above; use
 * isOpenAt when the exact answer matters. "unknown" intervals (e.g. `"on appointment"`) count
 * as closed, as in isOpenAt.
 */
export function weeklySchedule(value: string): { week: string | null; holiday: string | null } {
  const oh = tryCreate(value);
  if (!oh) return { week: null, holiday: null };
  return {
    week: openRanges(oh, REFERENCE_MONDAY, 7),
    holiday: openRanges(oh, REFERENCE_HOLIDAY, 1),
  };
}

/** Paris wall-clock time of an instant, whatever the process time zone. */
export function parisClock(at: Date): {
  minuteOfWeek: number;
  minuteOfDay: number;
  isPublicHoliday: boolean;
  date: string /* YYYY-MM-DD in Paris */;
} {
  const p = parisFields(at);
  const minuteOfDay = p.hour * 60 + p.minute;
  // Monday = 0 … Sunday = 6.
  const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
  return {
    minuteOfWeek: weekday * MINUTES_PER_DAY + minuteOfDay,
    minuteOfDay,
    isPublicHoliday: isPublicHoliday(p),
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
  };
}

// Whether a Paris date is a public holiday: asked on every request that filters by `openNow`,
// it depends on the date alone (the library's answer takes ~0.3 ms), so it is kept per date.
const holidays = new Map<string, boolean>();
function isPublicHoliday(p: Day): boolean {
  const key = `${p.year}-${p.month}-${p.day}`;
  let known = holidays.get(key);
  if (known === undefined) {
    known = publicHolidayRule().getState(fakeLocal(p.year, p.month, p.day, 12, 0));
    if (holidays.size > 400) holidays.clear();
    holidays.set(key, known);
  }
  return known;
}

/** The Paris date (YYYY-MM-DD) of an instant. */
export function parisDate(at: Date): string {
  const p = parisFields(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The library's own answer at the Paris time of `at`; false for an unparseable value. */
export function isOpenAt(value: string, at: Date): boolean {
  const oh = tryCreate(value);
  if (!oh) return false;
  const p = parisFields(at);
  return oh.getState(fakeLocal(p.year, p.month, p.day, p.hour, p.minute, p.second));
}

// --- internals ---

type Day = { readonly year: number; readonly month: number; readonly day: number };

// The library throws plain strings such as 'Mo-F <--- (Unexpected token: "-" …) '.
function explain(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  return text === '' ? 'the opening_hours library rejected it.' : text;
}

// Parsing is the costly part and the same values recur (helplines on every request), so parsed
// values are memoised; the cache is simply dropped when it grows too large.
const cache = new Map<string, OpeningHours | null>();
const CACHE_LIMIT = 5000;

function tryCreate(value: string): OpeningHours | null {
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  let oh: OpeningHours | null = null;
  if (value.trim() !== '') {
    try {
      oh = new OpeningHours(value, NOMINATIM, CONF);
    } catch {
      oh = null;
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(value, oh);
  return oh;
}

let phRule: OpeningHours | undefined;
// "PH" is open exactly on public holidays: the library's calendar decides (Easter-based included).
function publicHolidayRule(): OpeningHours {
  phRule ??= new OpeningHours('PH', NOMINATIM, CONF);
  return phRule;
}

/** Open (not unknown) minutes over `days` days from `start`, as a merged multirange literal. */
function openRanges(oh: OpeningHours, start: Day, days: number): string {
  const from = fakeLocal(start.year, start.month, start.day, 0, 0);
  const to = fakeLocal(start.year, start.month, start.day + days, 0, 0);
  const span = days * MINUTES_PER_DAY;
  const ranges: [number, number][] = [];
  for (const [begin, end, unknown] of oh.getOpenIntervals(from, to)) {
    if (unknown) continue;
    const lo = Math.max(0, minutesSince(start, begin));
    const hi = Math.min(span, minutesSince(start, end));
    if (hi > lo) ranges.push([lo, hi]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return `{${merged.map(([lo, hi]) => `[${lo},${hi})`).join(',')}}`;
}

// Reads a library Date through its local fields, so a process-TZ DST change cannot skew it.
function minutesSince(start: Day, d: Date): number {
  const days = Math.round(
    (Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(start.year, start.month - 1, start.day)) /
      MS_PER_DAY,
  );
  return days * MINUTES_PER_DAY + d.getHours() * 60 + d.getMinutes();
}

// A Date whose local fields are the given Paris wall-clock fields. (In the rare case the process
// time zone skips that local hour for its own DST change, it shifts by that hour.)
function fakeLocal(year: number, month: number, day: number, hour: number, minute: number, second = 0): Date {
  return new Date(year, month - 1, day, hour, minute, second);
}

const parisFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function parisFields(at: Date) {
  const f: Record<string, number> = {};
  for (const part of parisFormat.formatToParts(at)) {
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  }
  return {
    year: f.year ?? 0,
    month: f.month ?? 1,
    day: f.day ?? 1,
    hour: (f.hour ?? 0) % 24,
    minute: f.minute ?? 0,
    second: f.second ?? 0,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
