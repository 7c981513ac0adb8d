// The directory as the viewer may see it; the server decides which rows and fields come back.
import ListIcon from '@mui/icons-material/List';
import MapIcon from '@mui/icons-material/Map';
import { Tab, Tabs } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextInput,
  TopToolbar,
  useListContext,
  usePermissions,
  useStore,
  useTranslate,
} from 'react-admin';
import { LocaleDateField, LocaleNumberField } from '../i18n/localeFields.tsx';
import { kindChoices, serviceChoices, statusChoices, visibilityChoices } from './choices.ts';
import { NearPlaceInput } from './NearPlaceInput.tsx';
import { StaleField } from './StaleField.tsx';
import { StructureMap } from './StructureMap.tsx';
import { VisibilityField } from './VisibilityField.tsx';

const filters = (moderator: boolean) => [
  <SearchInput key="q" source="q" alwaysOn />,
  <NearPlaceInput key="near" source="near" alwaysOn />,
  <TextInput key="departmentCode" source="departmentCode" />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  <SelectInput key="visibility" source="visibility" choices={visibilityChoices} />,
  <SelectInput key="service" source="service" label="resources.structures.fields.services" choices={serviceChoices} />,
  <BooleanInput key="needsVerification" source="needsVerification" />,
  ...(moderator ? [<SelectInput key="status" source="status" choices={statusChoices} />] : []),
];

type View = 'list' | 'map';

const Actions = ({ moderator }: { moderator: boolean }) => (
  <TopToolbar>
    <FilterButton />
    {moderator ? <CreateButton /> : null}
  </TopToolbar>
);

/** List or map of the same rows (same filters, same page); the choice is remembered. */
const ViewTabs = ({ view, setView }: { view: View; setView: (view: View) => void }) => {
  const translate = useTranslate();
  return (
    <Tabs
      value={view}
      onChange={(_event, value: View) => setView(value)}
      aria-label={translate('repere.map.views')}
      sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}
    >
      <Tab value="list" label={translate('repere.map.listTab')} icon={<ListIcon />} iconPosition="start" />
      <Tab value="map" label={translate('repere.map.mapTab')} icon={<MapIcon />} iconPosition="start" />
    </Tabs>
  );
};

/** The rows; with a place chosen, nearest first with their distance. */
const StructureTable = () => {
  const { filterValues } = useListContext();
  return (
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="visibility" disableSort>
        <VisibilityField />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={kindChoices} />
      </DataTable.Col>
      <DataTable.Col source="city" disableSort />
      <DataTable.Col source="departmentCode" disableSort />
      {filterValues.near ? (
        <DataTable.Col source="distanceKm" disableSort>
          <LocaleNumberField source="distanceKm" options={{ maximumFractionDigits: 1 }} />
        </DataTable.Col>
      ) : null}
      <DataTable.Col source="lastVerifiedAt" disableSort>
        <LocaleDateField source="lastVerifiedAt" />
      </DataTable.Col>
      <DataTable.Col source="stale" disableSort>
        <StaleField showDue />
      </DataTable.Col>
    </DataTable>
  );
};

export const StructureList = () => {
  const { permissions } = usePermissions();
  const moderator = permissions === 'MODERATOR' || permissions === 'ADMIN';
  const [view, setView] = useStore<View>('structures.view', 'list');
  return (
    <List
      filters={filters(moderator)}
      actions={<Actions moderator={moderator} />}
      perPage={25}
      exporter={false}
      sort={{ field: 'name', order: 'ASC' }}
      // The map fetches every match itself; the list's pages would only mislead under it.
      pagination={view === 'map' ? false : undefined}
    >
      <ViewTabs view={view} setView={setView} />
      {view === 'map' ? <StructureMap /> : <StructureTable />}
    </List>
  );
};
