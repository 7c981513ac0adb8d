// Every API key with its usage; live keys can be revoked.

import { useState } from 'react';
import { Button, Confirm, DataTable, List, TopToolbar, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { notifyError } from '../graphql.ts';
import { LocaleDateField } from '../i18n/localeFields.tsx';
import { CreateKeyButton } from './CreateKeyButton.tsx';
import { type ApiKey, revokeApiKey } from './data.ts';

const RevokeButton = () => {
  const record = useRecordContext<ApiKey>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record || record.revokedAt) return null;
  const revoke = async () => {
    setOpen(false);
    try {
      await revokeApiKey(record.id);
      notify('repere.apiKey.revoked', { type: 'info' });
      refresh();
    } catch (e) {
      notifyError(notify, e);
    }
  };
  return (
    <>
      <Button label="repere.apiKey.revoke" color="error" onClick={() => setOpen(true)} />
      <Confirm
        isOpen={open}
        title="repere.apiKey.revoke"
        content="repere.apiKey.revokeConfirm"
        translateOptions={{ name: record.name }}
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export const ApiKeyList = () => (
  <List
    empty={false}
    actions={
      <TopToolbar>
        <CreateKeyButton />
      </TopToolbar>
    }
    perPage={25}
    exporter={false}
    pagination={false}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="prefix" disableSort />
      <DataTable.Col source="createdAt" disableSort>
        <LocaleDateField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="lastUsedAt" disableSort>
        <LocaleDateField source="lastUsedAt" showTime emptyText="—" />
      </DataTable.Col>
      <DataTable.NumberCol source="usageCount" disableSort />
      <DataTable.Col source="revokedAt" disableSort>
        <LocaleDateField source="revokedAt" emptyText="repere.apiKey.live" />
      </DataTable.Col>
      <DataTable.Col disableSort>
        <RevokeButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
