// The self-assessment scale (admins): the current version's items by band, edited in French
// and English, then published as a new version. The server validates; its refusal is shown.
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { type ScaleBand, scaleBands } from '@repere/shared/enums';
import { useState } from 'react';
import { Confirm, Loading, Title, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useFormatLocale } from '../i18n/localeFields.tsx';
import { BandSection } from './BandSection.tsx';
import { publishScale, type Scale } from './data.ts';
import { changed, contentOf, type DraftItem, draftOf, itemsToSend, refusedField } from './draft.ts';

let added = 0;

const Editor = ({ scale, onPublished }: { scale: Scale; onPublished: () => void }) => {
  const translate = useTranslate();
  const locale = useFormatLocale();
  const notify = useNotify();
  const [items, setItems] = useState<DraftItem[]>(() => draftOf(scale));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ key: string; lang: 'fr' | 'en'; message: string } | null>(null);
  const next = scale.version + 1;
  const dirty = changed(scale, items);

  const edit = (key: string, patch: Partial<DraftItem>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const add = (band: ScaleBand) => setItems((all) => [...all, { key: `new-${++added}`, id: '', band, fr: '', en: '' }]);
  const remove = (key: string) => setItems((all) => all.filter((i) => i.key !== key));

  const publish = async () => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    setRefused(null);
    const sent = itemsToSend(items, scaleBands);
    try {
      const published = await publishScale(contentOf(scale, sent), scale.version);
      notify('repere.scale.published', { type: 'success', messageArgs: { version: published.version } });
      onPublished();
    } catch (e) {
      const message = (e as Error).message;
      setError(message);
      // The refused fields, as the API names them (`content.items.3.text.fr`), one per issue.
      type Refusal = { extensions?: { field?: string; issues?: { params?: { field?: string } }[] } };
      const refusal = (e as { body?: { errors?: Refusal[] } }).body?.errors?.[0]?.extensions;
      const paths = [refusal?.field, ...(refusal?.issues ?? []).map((i) => i.params?.field)];
      const field = refusedField(paths.join(' '), sent);
      setRefused(field ? { ...field, message } : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 960 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography component="p" data-version={scale.version} sx={{ flex: 1 }}>
          {translate('repere.scale.current', {
            version: scale.version,
            date: new Date(scale.publishedAt).toLocaleString(locale),
          })}
        </Typography>
        <Button disabled={!dirty || busy} onClick={() => setItems(draftOf(scale))}>
          {translate('repere.scale.reset')}
        </Button>
        <Button variant="contained" disabled={!dirty || busy} onClick={() => setConfirming(true)}>
          {translate('repere.scale.publish')}
        </Button>
      </Stack>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="scale-error">
          {translate('repere.scale.refused', { message: error })}
        </Alert>
      ) : null}
      {scaleBands.map((band) => (
        <BandSection
          key={band}
          band={band}
          label={scale.bands.find((b) => b.band === band)?.label}
          items={items.filter((i) => i.band === band)}
          refused={refused}
          onChange={edit}
          onAdd={add}
          onRemove={remove}
        />
      ))}
      <Confirm
        isOpen={confirming}
        title="repere.scale.confirmTitle"
        titleTranslateOptions={{ version: next }}
        content="repere.scale.confirm"
        contentTranslateOptions={{ version: next, current: scale.version }}
        confirm="repere.scale.publish"
        onConfirm={publish}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};

export const ScaleEditor = () => {
  const translate = useTranslate();
  const { data, isPending, error, refetch } = useGetOne<Scale>('selfAssessmentScale', { id: 'current' });
  return (
    <>
      <Title title={translate('resources.selfAssessmentScale.name', { smart_count: 1 })} />
      {isPending ? <Loading /> : null}
      {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
      {/* A new version starts a fresh working copy. */}
      {data ? <Editor key={data.version} scale={data} onPublished={() => void refetch()} /> : null}
    </>
  );
};
