// One structure, with what the viewer may see of it (hidden fields come back null).
import { Chip, Stack } from '@mui/material';
import {
  EditButton,
  FunctionField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  UrlField,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { SendReferralButton } from '../referrals/SendReferralButton.tsx';
import { RevisionList } from '../revisions/RevisionList.tsx';
import { kindChoices } from './choices.ts';
import { MarkVerifiedButton } from './MarkVerifiedButton.tsx';
import { StaleField } from './StaleField.tsx';
import { VisibilityField } from './VisibilityField.tsx';

const isModerator = (role: unknown) => role === 'MODERATOR' || role === 'ADMIN';

const Actions = () => {
  const { permissions } = usePermissions();
  // The button follows the role; the server refuses the change to anyone else all the same.
  if (!isModerator(permissions)) {
    return (
      <TopToolbar>
        <SendReferralButton />
      </TopToolbar>
    );
  }
  return (
    <TopToolbar>
      <MarkVerifiedButton />
      <EditButton />
    </TopToolbar>
  );
};

const Location = (_props: { source: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="location"
      render={(r: { location?: { lat: number; lon: number; precision: string } | null }) =>
        r.location
          ? `${r.location.lat.toFixed(5)}, ${r.location.lon.toFixed(5)} (${translate(`repere.precision.${r.location.precision}`)})`
          : '—'
      }
    />
  );
};

const Services = (_props: { source: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="services"
      render={(r: { services?: string[] }) => (
        <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
          {(r.services ?? []).map((s) => (
            <Chip key={s} size="small" label={translate(`repere.service.${s}`)} />
          ))}
        </Stack>
      )}
    />
  );
};

export const StructureShow = () => {
  const { permissions } = usePermissions();
  return (
    <Show actions={<Actions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="repere.revision.infoTab">
          <TextField source="name" variant="h6" component="h2" />
          <VisibilityField source="visibility" />
          <StaleField source="stale" showFresh />
          <SelectField source="kind" choices={kindChoices} />
          <Services source="services" />
          <TextField source="address.street" emptyText="—" />
          <TextField source="postalCode" emptyText="—" />
          <TextField source="city" emptyText="—" />
          <TextField source="departmentCode" />
          <Location source="location" />
          <TextField source="phone" emptyText="—" />
          <TextField source="email" emptyText="—" />
          <UrlField source="website" emptyText="—" />
          <TextField source="openingHours" emptyText="—" />
          <TextField source="description" emptyText="—" />
          <TextField source="professionalContact.name" emptyText="—" />
          <TextField source="professionalContact.phone" emptyText="—" />
          <TextField source="professionalContact.email" emptyText="—" />
          <TextField source="internalNotes" emptyText="—" />
          <LocaleDateField source="lastVerifiedAt" showTime emptyText="—" />
        </TabbedShowLayout.Tab>
        {isModerator(permissions) ? (
          <TabbedShowLayout.Tab label="repere.revision.tab" path="revisions">
            <RevisionList />
          </TabbedShowLayout.Tab>
        ) : null}
      </TabbedShowLayout>
    </Show>
  );
};
