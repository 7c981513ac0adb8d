// Staff accounts are either live or revoked; roles as the API names them. Labels are i18n keys.
const choices = (values: readonly string[], prefix: string) =>
  values.map((id) => ({ id, name: `repere.${prefix}.${id}` }));

export const staffStatusChoices = choices(['VETTED', 'REVOKED'], 'staffStatus');
export const staffRoleChoices = choices(['MODERATOR', 'ADMIN'], 'staffRole');
