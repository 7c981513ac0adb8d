// Who did what and when: filter by action, person, structure and dates.
import { auditActions } from '@repere/shared/enums';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  FunctionField,
  List,
  ReferenceInput,
  SelectArrayInput,
  SelectField,
  TextField,
} from 'react-admin';
import { type Account, accountLabel } from '../accounts/data.ts';
import { LocaleDateField } from '../i18n/localeFields.tsx';

const actionChoices = auditActions.map((id) => ({ id, name: `repere.auditAction.${id}` }));

const filters = [
  <SelectArrayInput key="actions" source="actions" choices={actionChoices} alwaysOn sx={{ minWidth: 220 }} />,
  <ReferenceInput key="actorId" source="actorId" reference="accounts">
    <AutocompleteInput optionText={accountLabel} filterToQuery={(q) => ({ q })} sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <ReferenceInput key="structureId" source="structureId" reference="structures">
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <ReferenceInput key="subjectUserId" source="subjectUserId" reference="accounts">
    <AutocompleteInput optionText={accountLabel} filterToQuery={(q) => ({ q })} sx={{ minWidth: 280 }} />
  </ReferenceInput>,
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
      <DataTable.Col source="actor" disableSort>
        <FunctionField source="actor" render={(r: { actor?: Account | null }) => accountLabel(r.actor) || '—'} />
      </DataTable.Col>
      <DataTable.Col source="structure" disableSort>
        <TextField source="structure.name" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="subjectUser" disableSort>
        <FunctionField
          source="subjectUser"
          render={(r: { subjectUser?: Account | null }) => accountLabel(r.subjectUser) || '—'}
        />
      </DataTable.Col>
      <DataTable.Col source="fields" disableSort>
        <FunctionField source="fields" render={(r: { fields?: string[] }) => (r.fields ?? []).join(', ') || '—'} />
      </DataTable.Col>
      <DataTable.NumberCol source="count" disableSort />
    </DataTable>
  </List>
);
