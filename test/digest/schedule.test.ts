import { describe, expect, it } from 'vitest';
import { digestWeek, parseWeeklySchedule } from '../../src/digest/schedule.js';

describe('DIGEST_SCHEDULE', () => {
  it.each([
    ['Monday 09:00', { weekday: 1, time: '09:00' }],
    ['mon 9:00', { weekday: 1, time: '09:00' }],
    ['  SUNDAY 23:59 ', { weekday: 7, time: '23:59' }],
    ['Fri 16:30', { weekday: 5, time: '16:30' }],
  ])('reads %j', (text, expected) => {
    expect(parseWeeklySchedule(text)).toEqual(expected);
  });

  it.each([
    'Monday',
    '09:00',
    'Mo 09:00',
    'Monday 9am',
    'Monday 24:00',
    'Monday 09:60',
    'Montag 09:00',
  ])('refuses %j', (text) => {
    expect(parseWeeklySchedule(text)).toBeNull();
  });
});

describe('the report week', () => {
  const monday9Berlin = { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' };

  it('is due from its moment for a day, and covers the seven days before it', () => {
    // Monday 2025-06-02 09:00 in Berlin is 07:00 UTC.
    const at = digestWeek(monday9Berlin, new Date('2025-06-02T07:00:00Z'));
    expect(at).toEqual({
      day: '2025-06-02',
      moment: new Date('2025-06-02T07:00:00Z'),
      since: new Date('2025-05-26T07:00:00Z'),
      due: true,
    });
    expect(digestWeek(monday9Berlin, new Date('2025-06-03T06:59:00Z')).due).toBe(true);
    expect(digestWeek(monday9Berlin, new Date('2025-06-03T07:00:00Z')).due).toBe(false);
  });

  it('before the moment on its weekday, is last week’s and no longer due', () => {
    const early = digestWeek(monday9Berlin, new Date('2025-06-02T06:59:00Z'));
    expect(early.day).toBe('2025-05-26');
    expect(early.due).toBe(false);
  });

  it('later in the week is the week’s most recent moment', () => {
    const thursday = digestWeek(monday9Berlin, new Date('2025-06-05T12:00:00Z'));
    expect(thursday.day).toBe('2025-06-02');
    expect(thursday.moment).toEqual(new Date('2025-06-02T07:00:00Z'));
    expect(thursday.due).toBe(false);
  });

  it('follows the zone’s calendar: Monday 00:30 in Shanghai is Sunday in UTC', () => {
    const shanghai = { weekday: 1, time: '00:30', timeZone: 'Asia/Shanghai' };
    const at = digestWeek(shanghai, new Date('2025-06-01T16:45:00Z'));
    expect(at.day).toBe('2025-06-02');
    expect(at.moment).toEqual(new Date('2025-06-01T16:30:00Z'));
    expect(at.due).toBe(true);
  });
});
