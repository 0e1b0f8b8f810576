import { describe, expect, it } from 'vitest';
import {
  localDay,
  localMoment,
  parseTime,
  parseTimeZone,
  tipDue,
  usableZone,
} from '../../src/tips/schedule.js';

const sub = (time: string, timeZone: string, createdAt = '2020-01-01T00:00:00Z') => ({
  time,
  timeZone,
  createdAt: new Date(createdAt),
});
const due = (s: ReturnType<typeof sub>, iso: string) => tipDue(s, new Date(iso));

describe('parseTime', () => {
  it.each([
    ['9:00', '09:00'],
    ['09:00', '09:00'],
    ['21:30', '21:30'],
    ['0:05', '00:05'],
    ['23:59', '23:59'],
    ['9.30', '09:30'],
    ['9am', '09:00'],
    ['9:30 PM', '21:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['9点', '09:00'],
    ['21点30', '21:30'],
    ['９：００', '09:00'],
  ])('%s → %s', (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });

  it.each(['25:00', '24:00', '9:60', '13pm', '0am', '9', 'nine', '', '9:0', '09:00:00', '-1:00'])(
    'rejects %j',
    (input) => {
      expect(parseTime(input)).toBeNull();
    },
  );
});

describe('parseTimeZone', () => {
  it.each([
    ['Asia/Shanghai', 'Asia/Shanghai'],
    ['asia/shanghai', 'Asia/Shanghai'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['utc', 'UTC'],
    ['Etc/UTC', 'Etc/UTC'],
    ['US/Eastern', 'America/New_York'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Pacific/Kiritimati', 'Pacific/Kiritimati'],
  ])('%s → %s', (input, expected) => {
    expect(parseTimeZone(input)).toBe(expected);
  });

  it.each(['Mars/Olympus', 'Shanghai', '+08:00', 'GMT+8', '', '9:00'])('rejects %j', (input) => {
    expect(parseTimeZone(input)).toBeNull();
  });
});

describe('localMoment', () => {
  it('reads the wall clock of a zone, midnight as 00:00', () => {
    expect(localMoment(new Date('2025-03-01T16:00:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2025-03-02',
      minutes: 0,
    });
    expect(localMoment(new Date('2025-03-01T15:59:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2025-03-01',
      minutes: 23 * 60 + 59,
    });
  });
});

describe('tipDue', () => {
  it('is due from the local time on, for the local date', () => {
    const s = sub('09:00', 'Asia/Shanghai');
    expect(due(s, '2025-03-01T00:59:00Z')).toEqual({ day: '2025-03-01', due: false });
    expect(due(s, '2025-03-01T01:00:00Z')).toEqual({ day: '2025-03-01', due: true });
    expect(due(s, '2025-03-01T15:59:00Z')).toEqual({ day: '2025-03-01', due: true });
  });

  it('rolls over to the next local day at local midnight', () => {
    const s = sub('00:00', 'Asia/Shanghai');
    expect(due(s, '2025-03-01T15:59:59Z')).toEqual({ day: '2025-03-01', due: true });
    expect(due(s, '2025-03-01T16:00:00Z')).toEqual({ day: '2025-03-02', due: true });
    const late = sub('23:59', 'UTC');
    expect(due(late, '2025-03-01T23:58:00Z')).toEqual({ day: '2025-03-01', due: false });
    expect(due(late, '2025-03-01T23:59:00Z')).toEqual({ day: '2025-03-01', due: true });
    expect(due(late, '2025-03-02T00:00:00Z')).toEqual({ day: '2025-03-02', due: false });
  });

  describe('daylight saving', () => {
    it('America/New_York in March: 09:00 EST is 14:00Z, 09:00 EDT is 13:00Z', () => {
      const s = sub('09:00', 'America/New_York');
      expect(due(s, '2025-03-08T13:59:00Z').due).toBe(false);
      expect(due(s, '2025-03-08T14:00:00Z')).toEqual({ day: '2025-03-08', due: true });
      expect(due(s, '2025-03-09T12:59:00Z').due).toBe(false);
      expect(due(s, '2025-03-09T13:00:00Z')).toEqual({ day: '2025-03-09', due: true });
    });

    it('a time the spring-forward skips (02:30) is due from 03:00', () => {
      const s = sub('02:30', 'America/New_York');
      expect(due(s, '2025-03-09T06:59:00Z')).toEqual({ day: '2025-03-09', due: false });
      expect(due(s, '2025-03-09T07:00:00Z')).toEqual({ day: '2025-03-09', due: true });
    });

    it('America/New_York in November: 09:00 EDT is 13:00Z, 09:00 EST is 14:00Z', () => {
      const s = sub('09:00', 'America/New_York');
      expect(due(s, '2025-11-01T13:00:00Z')).toEqual({ day: '2025-11-01', due: true });
      expect(due(s, '2025-11-02T13:59:00Z').due).toBe(false);
      expect(due(s, '2025-11-02T14:00:00Z')).toEqual({ day: '2025-11-02', due: true });
    });

    it('a time the fall-back repeats (01:30) is one local day', () => {
      const s = sub('01:30', 'America/New_York');
      expect(due(s, '2025-11-02T05:30:00Z')).toEqual({ day: '2025-11-02', due: true });
      expect(due(s, '2025-11-02T06:30:00Z')).toEqual({ day: '2025-11-02', due: true });
    });

    it('Europe/Berlin in March and October', () => {
      const s = sub('09:00', 'Europe/Berlin');
      expect(due(s, '2025-03-29T07:59:00Z').due).toBe(false);
      expect(due(s, '2025-03-29T08:00:00Z').due).toBe(true);
      expect(due(s, '2025-03-30T07:00:00Z')).toEqual({ day: '2025-03-30', due: true });
      expect(due(s, '2025-10-25T07:00:00Z')).toEqual({ day: '2025-10-25', due: true });
      expect(due(s, '2025-10-26T07:59:00Z').due).toBe(false);
      expect(due(s, '2025-10-26T08:00:00Z')).toEqual({ day: '2025-10-26', due: true });
    });
  });

  it('zones east of UTC+12 are a calendar day ahead of UTC', () => {
    const kiritimati = sub('09:00', 'Pacific/Kiritimati'); // UTC+14
    expect(due(kiritimati, '2025-03-10T18:59:00Z')).toEqual({ day: '2025-03-11', due: false });
    expect(due(kiritimati, '2025-03-10T19:00:00Z')).toEqual({ day: '2025-03-11', due: true });
    const tonga = sub('09:00', 'Pacific/Tongatapu'); // UTC+13
    expect(due(tonga, '2025-03-10T20:00:00Z')).toEqual({ day: '2025-03-11', due: true });
    expect(due(tonga, '2025-03-10T10:59:00Z')).toEqual({ day: '2025-03-10', due: true });
    expect(due(tonga, '2025-03-10T11:00:00Z')).toEqual({ day: '2025-03-11', due: false });
  });

  describe('a subscription made after today’s time', () => {
    it('waits for the next day’s time instead of posting at once', () => {
      const s = sub('09:00', 'Europe/Berlin', '2025-06-02T08:00:00Z'); // 10:00 local
      expect(due(s, '2025-06-02T08:00:00Z')).toEqual({ day: '2025-06-02', due: false });
      expect(due(s, '2025-06-02T21:00:00Z')).toEqual({ day: '2025-06-02', due: false });
      expect(due(s, '2025-06-03T06:59:00Z')).toEqual({ day: '2025-06-03', due: false });
      expect(due(s, '2025-06-03T07:00:00Z')).toEqual({ day: '2025-06-03', due: true });
    });

    it('still gets today’s tip when subscribed before the time, or in its very minute', () => {
      const before = sub('09:00', 'Europe/Berlin', '2025-06-02T06:00:00Z'); // 08:00 local
      expect(due(before, '2025-06-02T07:00:00Z')).toEqual({ day: '2025-06-02', due: true });
      const same = sub('09:00', 'Europe/Berlin', '2025-06-02T07:00:40Z'); // 09:00:40 local
      expect(due(same, '2025-06-02T07:01:00Z').due).toBe(true);
    });
  });
});

describe('localDay', () => {
  it.each([
    ['2025-03-02', 'UTC', '2025-03-02T00:00:00.000Z'],
    ['2025-03-02', 'Pacific/Kiritimati', '2025-03-01T10:00:00.000Z'],
    ['2025-03-02', 'America/Adak', '2025-03-02T10:00:00.000Z'],
    ['2025-03-10', 'America/Adak', '2025-03-10T09:00:00.000Z'], // daylight saving since the 9th
    ['2025-06-01', 'Asia/Kolkata', '2025-05-31T18:30:00.000Z'],
    ['2025-06-01', 'Asia/Kathmandu', '2025-05-31T18:15:00.000Z'],
    ['2025-06-01', 'Etc/GMT+12', '2025-06-01T12:00:00.000Z'],
    // Chile springs forward at midnight: 7 September begins at 01:00 (-03).
    ['2025-09-07', 'America/Santiago', '2025-09-07T04:00:00.000Z'],
  ])('%s in %s began at %s', (date, zone, start) => {
    expect(localDay(date, zone)).toEqual({ date, start: new Date(start) });
  });
});

describe('usableZone', () => {
  it('knows the zones of this runtime, and nothing else', () => {
    expect(usableZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(usableZone('UTC')).toBe('UTC');
    expect(usableZone('Mars/Olympus')).toBeNull();
    expect(usableZone('x'.repeat(5000))).toBeNull();
  });
});
