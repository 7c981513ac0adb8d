// Statuses as the professionals list filters them, and as an account has them.
const choices = (values: readonly string[], prefix: string) =>
  values.map((id) => ({ id, name: `repere.${prefix}.${id}` }));

export const professionalStatusChoices = choices(
  ['PENDING', 'VETTED', 'EXPIRING', 'EXPIRED', 'REJECTED', 'REVOKED'],
  'professionalStatus',
);
export const accountStatusChoices = choices(['PENDING', 'VETTED', 'EXPIRED', 'REJECTED', 'REVOKED'], 'accountStatus');
