// Moderators edit a listing; only the changed fields are sent (see patch.ts), checked first with
// the API's own patch schema, then by the server: a refusal (BAD_USER_INPUT) comes back as a
// notification and on the field it names (as on the create form), nothing is changed.
import {
  Edit,
  required,
  SaveButton,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
} from 'react-admin';
import { kindChoices, serviceChoices, visibilityChoices } from './choices.ts';
import { LocationPicker } from './LocationPicker.tsx';
import { StaleField } from './StaleField.tsx';
import { VisibilityField } from './VisibilityField.tsx';
import { validateStructureEdit } from './validate.ts';

const phoneHint = 'repere.phoneHint';

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const EditForm = () => {
  const record = useRecordContext();
  return (
    <SimpleForm
      toolbar={<EditToolbar />}
      validate={(values) => validateStructureEdit(record ?? {}, values)}
      mode="onBlur"
      reValidateMode="onChange"
    >
      <VisibilityField source="visibility" />
      <StaleField source="stale" />
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="visibility" choices={visibilityChoices} validate={required()} />
      <SelectInput source="kind" choices={kindChoices} validate={required()} />
      <SelectArrayInput source="services" choices={serviceChoices} />
      <TextInput source="address.street" fullWidth />
      <TextInput source="address.postalCode" />
      <TextInput source="address.city" />
      <TextInput source="phone" helperText={phoneHint} />
      <TextInput source="email" type="email" />
      <TextInput source="website" fullWidth />
      <TextInput source="openingHours" fullWidth />
      <TextInput source="description" multiline fullWidth />
      <TextInput source="professionalContact.name" />
      <TextInput source="professionalContact.phone" helperText={phoneHint} />
      <TextInput source="professionalContact.email" type="email" />
      <LocationPicker />
      <TextInput source="internalNotes" multiline fullWidth />
    </SimpleForm>
  );
};

export const StructureEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <EditForm />
  </Edit>
);
