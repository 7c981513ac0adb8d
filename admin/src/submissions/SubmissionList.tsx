// The moderation queue, oldest first; pending by default.
import {
  DataTable,
  FilterButton,
  List,
  NumberInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { submissionKindChoices, submissionStatusChoices } from './choices.ts';
import { ImportButton } from './ImportButton.tsx';

const filters = [
  <SelectInput key="status" source="status" choices={submissionStatusChoices} alwaysOn />,
  <SelectArrayInput key="kinds" source="kinds" choices={submissionKindChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <TextInput key="departmentCode" source="departmentCode" />,
  <NumberInput key="olderThanDays" source="olderThanDays" min={0} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ImportButton />
  </TopToolbar>
);

export const SubmissionList = () => (
  <List
    actions={<Actions />}
    filters={filters}
    filterDefaultValues={{ status: 'PENDING' }}
    perPage={25}
    exporter={false}
    sort={{ field: 'createdAt', order: 'ASC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt" disableSort>
        <LocaleDateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={submissionKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="title" disableSort>
        <TextField source="title" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="departmentCode" disableSort />
      <DataTable.Col source="status" disableSort>
        <SelectField source="status" choices={submissionStatusChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);
