// The projects module's public face: other modules import from this file only.
export { projects } from './manifest.ts';
export type { CallView as FundingCallView } from './schema.ts';
export { callChoicesByIds, type FundingCallChoice, upcomingCallChoices } from './service/choices.ts';
