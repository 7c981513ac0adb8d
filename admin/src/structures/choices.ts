// Choices for inputs and fields, from the shared vocabularies; labels are i18n keys.
import { serviceCategories, structureKinds, structureStatuses, visibilities } from '@repere/shared/enums';

const choices = (values: readonly string[], prefix: string) =>
  values.map((id) => ({ id, name: `repere.${prefix}.${id}` }));

export const kindChoices = choices(structureKinds, 'kind');
export const serviceChoices = choices(serviceCategories, 'service');
export const statusChoices = choices(structureStatuses, 'status');
export const visibilityChoices = choices(visibilities, 'visibility');
