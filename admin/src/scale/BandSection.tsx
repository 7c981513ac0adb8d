// One band of the scale being edited: its items in French and English, add and remove.
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Box, Button, Card, CardContent, Chip, IconButton, Stack, TextField, Typography } from '@mui/material';
import type { ScaleBand } from '@repere/shared/enums';
import { useId } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import type { LocalizedText } from './data.ts';
import type { DraftItem } from './draft.ts';

// Dark enough for white text (WCAG AA); the band's name says it, not the colour alone.
export const bandColours: Record<ScaleBand, string> = {
  GREEN: '#1b5e20',
  ORANGE: '#8a4600',
  RED: '#a4001d',
  BLACK: '#212121',
};

interface Props {
  band: ScaleBand;
  label: LocalizedText | undefined;
  items: DraftItem[];
  refused: { key: string; lang: 'fr' | 'en'; message: string } | null;
  onChange: (key: string, patch: Partial<DraftItem>) => void;
  onAdd: (band: ScaleBand) => void;
  onRemove: (key: string) => void;
}

export const BandSection = ({ band, label, items, refused, onChange, onAdd, onRemove }: Props) => {
  const translate = useTranslate();
  const locale = useLocale();
  const headingId = useId();
  const bandName = translate(`repere.scale.band.${band}`);
  const field = (item: DraftItem, lang: 'fr' | 'en') => {
    const error = refused?.key === item.key && refused.lang === lang;
    return (
      <TextField
        fullWidth
        multiline
        size="small"
        margin="dense"
        label={translate(lang === 'fr' ? 'repere.scale.french' : 'repere.scale.english')}
        value={item[lang]}
        error={error}
        helperText={error ? refused.message : undefined}
        onChange={(e) => onChange(item.key, { [lang]: e.target.value })}
        slotProps={{ htmlInput: { lang, maxLength: 300 } }}
      />
    );
  };
  return (
    <Card component="section" data-band={band} aria-labelledby={headingId} sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1 }}>
          <Chip label={bandName} size="small" sx={{ bgcolor: bandColours[band], color: '#fff', fontWeight: 600 }} />
          <Typography id={headingId} variant="h6" component="h2">
            {label ? (locale === 'en' ? label.en : label.fr) : bandName}
          </Typography>
        </Stack>
        {items.map((item, i) => (
          <Box
            key={item.key}
            data-item={item.id || `new-${i}`}
            role="group"
            aria-label={translate('repere.scale.item', { number: i + 1, band: bandName })}
            sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', borderTop: 1, borderColor: 'divider', py: 1 }}
          >
            <Box sx={{ flex: 1 }}>
              {field(item, 'fr')}
              {field(item, 'en')}
              <Typography variant="caption" color="text.secondary">
                {item.id ? translate('repere.scale.id', { id: item.id }) : translate('repere.scale.newItem')}
              </Typography>
            </Box>
            <IconButton
              onClick={() => onRemove(item.key)}
              aria-label={translate('repere.scale.remove', { number: i + 1, band: bandName })}
              sx={{ mt: 1 }}
            >
              <DeleteIcon />
            </IconButton>
          </Box>
        ))}
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => onAdd(band)}
          aria-label={translate('repere.scale.addTo', { band: bandName })}
        >
          {translate('repere.scale.add')}
        </Button>
      </CardContent>
    </Card>
  );
};
