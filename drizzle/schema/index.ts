export * from './accounts.ts';
export * from './assessment.ts';
export * from './curation.ts';
export * from './enums.ts';
export * from './geography.ts';
export * from './helplines.ts';
export * from './referrals.ts';
export * from './structures.ts';
