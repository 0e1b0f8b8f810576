import { localMoment, minutesOf } from '../tips/schedule.js';

/**
 * The weekly gap report's moment: a weekday and a time of day in a time zone
 * (`DIGEST_SCHEDULE=Monday 09:00`, `DIGEST_TZ=Europe/Berlin`).
 */
export interface WeeklySchedule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** `HH:MM`, 24-hour. */
  readonly time: string;
  readonly timeZone: string;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * `Monday 09:00`, `mon 9:00`, `Friday 16:30` → weekday and time; null for anything else. The
 * weekday is English, whole or its first three letters, in any case; the time is 24-hour.
 */
export function parseWeeklySchedule(text: string): { weekday: number; time: string } | null {
  const m = /^([a-z]+)\s+(\d{1,2}):(\d{2})$/i.exec(text.trim());
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const index = WEEKDAYS.findIndex((d) => d === word || (word.length === 3 && d.startsWith(word)));
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (index < 0 || hours > 23 || minutes > 59) return null;
  return {
    weekday: index + 1,
    time: `${String(hours).padStart(2, '0')}:${m[3]}`,
  };
}

/** The weekday name a schedule is written with (`Monday`), for messages and logs. */
export function weekdayName(weekday: number): string {
  const name = WEEKDAYS[(weekday - 1 + 7) % 7] ?? 'monday';
  return name[0]!.toUpperCase() + name.slice(1);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The ISO weekday (1 = Monday) of a `YYYY-MM-DD` date. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How long after its moment a report is still posted; after that the week is left out. */
export const DIGEST_WINDOW_MS = DAY_MS;

/** The report at `now`: the most recent scheduled moment, and the week before it. */
export interface DigestWeek {
  /** The local date (`YYYY-MM-DD`) of the most recent moment: the report's key in the store. */
  readonly day: string;
  /** That moment. */
  readonly moment: Date;
  /** Where the week the report covers starts: seven days before the moment. */
  readonly since: Date;
  /**
   * Whether the report is to be posted now: its moment came less than `DIGEST_WINDOW_MS` ago. A
   * replica started days later does not post an old week by surprise.
   */
  readonly due: boolean;
}

/**
 * The report week at `now`. Wall clocks are compared the way the daily tips compare them, so a
 * moment in an hour that daylight saving skips is due when the clock passes it.
 */
export function digestWeek(schedule: WeeklySchedule, now: Date): DigestWeek {
  const local = localMoment(now, schedule.timeZone);
  const at = minutesOf(schedule.time);
  let back = (isoWeekday(local.date) - schedule.weekday + 7) % 7;
  if (back === 0 && local.minutes < at) back = 7;
  const day = addDays(local.date, -back);
  // The moment in UTC: now, moved back by the local days and minutes between them.
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const moment = new Date(minute - back * DAY_MS - (local.minutes - at) * 60_000);
  return {
    day,
    moment,
    since: new Date(moment.getTime() - 7 * DAY_MS),
    due: now.getTime() - moment.getTime() < DIGEST_WINDOW_MS,
  };
}
