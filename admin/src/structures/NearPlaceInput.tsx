// "Near a place": a commune found by postal code or name (the API's `places`), whose centre the
// list and the map search around, within a chosen radius.
import { Autocomplete, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useInput, useTranslate } from 'react-admin';
import type { PlacesQuery } from '../gql/graphql.ts';
import { request } from '../graphql.ts';
import { defaultRadiusKm, type NearValue } from './data.ts';
import { placesQuery } from './queries.ts';

type Place = PlacesQuery['places'][number];

interface Option {
  key: string;
  label: string;
  centre: { lat: number; lon: number } | null;
  /** The centre is the middle of the intercommunality (a few km off): said in the list. */
  approximate?: boolean;
}

const radiusChoices = [5, 10, 20, 50, 100];

function optionOf(place: Place): Option {
  const codes = place.postalCodes.length > 1 ? `${place.postalCodes[0]}…` : (place.postalCodes[0] ?? '');
  return {
    key: place.inseeCode,
    label: `${place.name} (${codes}) — ${place.departmentName}`,
    centre: place.centre,
    approximate: place.centreSource === 'SAME_EPCI',
  };
}

export const NearPlaceInput = (_props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const { field: near } = useInput<NearValue | undefined>({ source: 'near' });
  const { field: radius } = useInput<number | undefined>({ source: 'radiusKm' });
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const search = text.trim();
    if (search.length < 2) {
      setOptions([]);
      return;
    }
    let current = true;
    // Ask once typing pauses, not at every key.
    const timer = setTimeout(() => {
      request(placesQuery, { search })
        .then((data) => {
          if (!current) return;
          setOptions(data.places.map(optionOf));
          setError(null);
        })
        .catch((e: Error) => current && setError(e.message));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  const chosen = near.value as NearValue | undefined;
  // One object per choice: Autocomplete resets the typed text whenever its value changes identity.
  const value: Option | null = useMemo(
    () => (chosen ? { key: 'chosen', label: chosen.label, centre: { lat: chosen.lat, lon: chosen.lon } } : null),
    [chosen?.lat, chosen?.lon, chosen?.label],
  );

  return (
    <Stack direction="row" spacing={1} sx={{ mb: 0.5 }}>
      <Autocomplete<Option>
        sx={{ minWidth: 320 }}
        size="small"
        options={options}
        value={value}
        // The server already matched the text; the browser must not filter again.
        filterOptions={(all) => all}
        getOptionKey={(o) => o.key}
        getOptionLabel={(o) => o.label}
        getOptionDisabled={(o) => !o.centre}
        isOptionEqualToValue={(a, b) => a.label === b.label}
        noOptionsText={translate(text.trim().length < 2 ? 'repere.near.typeMore' : 'repere.near.none')}
        onInputChange={(_event, next) => setText(next)}
        onChange={(_event, option) =>
          near.onChange(option?.centre ? { lat: option.centre.lat, lon: option.centre.lon, label: option.label } : null)
        }
        renderOption={({ key, ...props }, option) => (
          <li key={key} {...props}>
            {!option.centre
              ? `${option.label} — ${translate('repere.near.noCentre')}`
              : option.approximate
                ? `${option.label} — ${translate('repere.near.approximate')}`
                : option.label}
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label={translate('repere.near.label')}
            error={Boolean(error)}
            helperText={error ?? undefined}
          />
        )}
      />
      <TextField
        select
        size="small"
        sx={{ minWidth: 120 }}
        label={translate('repere.near.radius')}
        // react-admin gives an unset input '' (not undefined): fall back on the radius in use.
        value={Number(radius.value) || defaultRadiusKm}
        onChange={(event) => radius.onChange(Number(event.target.value))}
        disabled={!chosen}
      >
        {radiusChoices.map((km) => (
          <MenuItem key={km} value={km}>
            {`${km} km`}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};
