import { z } from 'zod';
import { DEFAULT_STALE_AFTER_DAYS } from './catalog/freshness.js';
import { channelPlatform } from './catalog/people.js';
import { parseTimeZone } from './core/time-input.js';
import { parseWeeklySchedule } from './digest/schedule.js';

/**
 * The environment of the people behind the answers (EXPERTS_CHANNEL, DIGEST_*, STALE_AFTER_DAYS),
 * as a unit of `config.ts`, which alone reads the environment.
 */
export function peopleEnvSchema(blankToUndefined: (v: unknown) => unknown) {
  const channels = z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        const out: { slack?: string; teams?: string } = {};
        for (const id of (v ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)) {
          const platform = channelPlatform(id);
          if (!platform) {
            ctx.addIssue({
              code: 'custom',
              message: `"${id.slice(0, 60)}" is not a Slack channel id (C… or G…) or a Teams channel id (19:…@thread.tacv2)`,
            });
          } else if (out[platform]) {
            ctx.addIssue({ code: 'custom', message: `two ${platform} channels: name one` });
          } else out[platform] = id;
        }
        return out;
      }),
  );

  const peopleSchema = z.object({
    EXPERTS_CHANNEL: channels,
    DIGEST_CHANNEL: channels,
    DIGEST_SCHEDULE: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('Monday 09:00')
        .transform((v, ctx) => {
          const parsed = parseWeeklySchedule(v);
          if (!parsed) {
            ctx.addIssue({
              code: 'custom',
              message: `"${v.slice(0, 40)}" is not a weekday and a 24-hour time, e.g. "Monday 09:00"`,
            });
            return z.NEVER;
          }
          return parsed;
        }),
    ),
    DIGEST_TZ: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('UTC')
        .transform((v, ctx) => {
          const zone = parseTimeZone(v);
          if (!zone) {
            ctx.addIssue({
              code: 'custom',
              message: `"${v.slice(0, 40)}" is not an IANA time zone such as Europe/Berlin or UTC`,
            });
            return z.NEVER;
          }
          return zone;
        }),
    ),
    STALE_AFTER_DAYS: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(1).max(3650).default(DEFAULT_STALE_AFTER_DAYS),
    ),
  });
  return peopleSchema;
}
