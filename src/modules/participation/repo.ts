// The SQL of participation, one file per feature.
export * from './repo/answers.ts';
export * from './repo/census.ts';
export * from './repo/debates.ts';
export * from './repo/editor.ts';
export * from './repo/following.ts';
export * from './repo/lists.ts';
export * from './repo/mail.ts';
export * from './repo/moderation.ts';
export * from './repo/processes.ts';
export * from './repo/proposals.ts';
export * from './repo/published-as.ts';
export * from './repo/results.ts';
export * from './repo/vision.ts';
