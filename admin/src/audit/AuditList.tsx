// Who did what and when: filter by action, person, structure and dates.
import { auditActions } from '@repere/shared/enums';
import {
  DataTable,
  DateInput,
  FunctionField,
  List,
  SelectArrayInput,
  SelectField,
  TextField,
  TextInput,
} from 'react-admin';
import { LocaleDateField } from '../i18n/localeFields.tsx';

const actionChoices = auditActions.map((id) => ({ id, name: `repere.auditAction.${id}` }));

const filters = [
  <SelectArrayInput key="actions" source="actions" choices={actionChoices} alwaysOn sx={{ minWidth: 220 }} />,
  <TextInput key="actorId" source="actorId" />,
  <TextInput key="structureId" source="structureId" />,
  <TextInput key="subjectUserId" source="subjectUserId" />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

export const AuditList = () => (
  <List filters={filters} perPage={50} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="at" disableSort>
        <LocaleDateField source="at" showTime />
      </DataTable.Col>
      <DataTable.Col source="action" disableSort>
        <SelectField source="action" choices={actionChoices} />
      </DataTable.Col>
      <DataTable.Col source="actorId" disableSort>
        <TextField source="actorId" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="structure" disableSort>
        <TextField source="structure.name" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="subjectUserId" disableSort>
        <TextField source="subjectUserId" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="fields" disableSort>
        <FunctionField source="fields" render={(r: { fields?: string[] }) => (r.fields ?? []).join(', ') || '—'} />
      </DataTable.Col>
      <DataTable.NumberCol source="count" disableSort />
    </DataTable>
  </List>
);
