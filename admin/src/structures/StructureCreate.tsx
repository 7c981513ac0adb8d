// Moderators add a listing: checked in the browser with the API's own schema, then by the API
// (whose refusals, such as a postal code of another department or a point at sea, are shown).
import { Alert, Box, Typography } from '@mui/material';
import {
  CheckboxGroupInput,
  Create,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { kindChoices, serviceChoices, visibilityChoices } from './choices.ts';
import { LocationPicker } from './LocationPicker.tsx';
import { VisibilityField } from './VisibilityField.tsx';
import { validateStructure } from './validate.ts';

const phoneHint = 'repere.phoneHint';

/** A visibility choice: the same chip as everywhere, and what it means. */
const VisibilityOption = (props: { record?: { id: string } }) => {
  const choice = useRecordContext<{ id: string }>(props);
  const translate = useTranslate();
  if (!choice) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, py: 0.5 }}>
      <VisibilityField record={{ visibility: choice.id }} />
      <span>{translate(`repere.visibilityHelp.${choice.id}`)}</span>
    </Box>
  );
};

/** Once chosen, the level in words above the form's buttons: no one saves it by mistake. */
const VisibilityReminder = () => {
  const level = useWatch({ name: 'visibility' }) as string | undefined;
  const translate = useTranslate();
  if (!level) return null;
  return (
    <Alert
      severity={level === 'PUBLIC' ? 'info' : 'warning'}
      sx={{ width: '100%', maxWidth: 640 }}
      data-testid="visibility-reminder"
    >
      {translate('repere.create.visibilityReminder', { level: translate(`repere.visibility.${level}`) })}
    </Alert>
  );
};

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
      {translate(title)}
    </Typography>
  );
};

export const StructureCreate = () => (
  <Create redirect="show">
    <SimpleForm validate={validateStructure} mode="onBlur" reValidateMode="onChange">
      <Section title="repere.create.identity" />
      <TextInput source="name" fullWidth isRequired />
      <SelectInput source="kind" choices={kindChoices} isRequired />
      <RadioButtonGroupInput
        source="visibility"
        choices={visibilityChoices}
        optionText={<VisibilityOption />}
        row={false}
        isRequired
      />
      <CheckboxGroupInput source="services" choices={serviceChoices} isRequired />
      <Section title="repere.create.place" />
      <TextInput source="address.street" fullWidth />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput source="address.postalCode" isRequired />
        <TextInput source="address.city" isRequired />
        <TextInput source="departmentCode" helperText="repere.create.departmentHelp" />
      </Box>
      <LocationPicker />
      <Section title="repere.create.contact" />
      <TextInput source="phone" helperText={phoneHint} />
      <TextInput source="email" type="email" />
      <TextInput source="website" fullWidth helperText="https://…" />
      <TextInput source="openingHours" fullWidth helperText="Mo-Fr 09:00-17:00" />
      <TextInput source="description" multiline fullWidth />
      <Section title="repere.create.professional" />
      <TextInput source="professionalContact.name" />
      <TextInput source="professionalContact.phone" helperText={phoneHint} />
      <TextInput source="professionalContact.email" type="email" />
      <TextInput source="internalNotes" multiline fullWidth />
      <VisibilityReminder />
    </SimpleForm>
  </Create>
);
