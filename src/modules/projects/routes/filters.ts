import { z } from 'zod';
import { POLICY_AREAS } from '../../../core/areas.ts';
import { isCalendarDate } from '../../../core/http/input.ts';
import type { CallFilter } from '../repo.ts';
import { APPLICANTS } from '../schema.ts';

/** The filters of the calls, as the page's form and the API name them. */
export const filterShape = {
  area: z.enum(POLICY_AREAS),
  applicant: z.enum(APPLICANTS),
  open: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
  deadline_before: z.string().refine(isCalendarDate, 'must be a date written YYYY-MM-DD'),
};

export interface ReadFilter {
  area?: string | undefined;
  applicant?: string | undefined;
  open?: boolean | undefined;
  deadline_before?: string | undefined;
}

/** The repository's filter at a moment: "open" is open now; "deadline before" a day is before it starts in UTC. */
export const callFilter = (f: ReadFilter, now: string): CallFilter => ({
  area: f.area,
  applicant: f.applicant,
  openAt: f.open ? now : undefined,
  deadlineBefore: f.deadline_before ? `${f.deadline_before}T00:00:00.000Z` : undefined,
});
