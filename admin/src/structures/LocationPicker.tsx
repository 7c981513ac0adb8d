// The point of a new listing: a click on the small map sets it, and the numbers stay editable.
import { Box, Typography } from '@mui/material';
import { NumberInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { CircleMarker, useMapEvents } from 'react-leaflet';
import { BaseMap } from '../map/BaseMap.tsx';

const ClickToPick = () => {
  const { setValue } = useFormContext();
  useMapEvents({
    click(event) {
      const round = (n: number) => Math.round(n * 1e6) / 1e6;
      const options = { shouldDirty: true, shouldTouch: true, shouldValidate: true };
      setValue('location.lat', round(event.latlng.lat), options);
      setValue('location.lon', round(event.latlng.wrap().lng), options);
    },
  });
  return null;
};

export const LocationPicker = () => {
  const translate = useTranslate();
  const lat = useWatch({ name: 'location.lat' });
  const lon = useWatch({ name: 'location.lon' });
  const picked = typeof lat === 'number' && typeof lon === 'number';
  return (
    <Box sx={{ width: '100%', maxWidth: 640, mb: 2 }}>
      <Typography variant="subtitle2" component="p" id="location-help">
        {translate('repere.map.pickHelp')}
      </Typography>
      <Box sx={{ my: 1 }} data-testid="location-picker">
        <BaseMap height={320} view={{ center: [46.6, 2.4], zoom: 5 }} label={translate('repere.map.pickLabel')}>
          <ClickToPick />
          {picked ? (
            <CircleMarker
              center={[lat, lon]}
              radius={8}
              pathOptions={{
                color: '#fff',
                weight: 2,
                fillColor: '#1a237e',
                fillOpacity: 1,
              }}
              className="repere-marker"
            />
          ) : null}
        </BaseMap>
      </Box>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <NumberInput source="location.lat" step={0.000001} min={-90} max={90} />
        <NumberInput source="location.lon" step={0.000001} min={-180} max={180} />
      </Box>
    </Box>
  );
};
