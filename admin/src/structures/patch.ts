// A StructurePatch holding only what the form changed: absent fields stay as they are on the
// server, null clears an optional field.
type Values = Record<string, unknown>;

const fields = ['name', 'kind', 'visibility', 'services', 'description', 'phone', 'email', 'website'];
const moreFields = ['openingHours', 'internalNotes'];

/** Empty inputs mean "none". */
const clean = (value: unknown) => (value === '' || value === undefined ? null : value);
const same = (a: unknown, b: unknown) => JSON.stringify(clean(a)) === JSON.stringify(clean(b));

/** The keys of `after` that differ from `before`, with their new values. */
function changes(before: unknown, after: unknown, keys: string[]): Values {
  const [was, now] = [(before ?? {}) as Values, (after ?? {}) as Values];
  const changed: Values = {};
  for (const key of keys) if (!same(was[key], now[key])) changed[key] = clean(now[key]);
  return changed;
}

export function structurePatch(before: Values, after: Values): Values {
  const patch = changes(before, after, [...fields, ...moreFields]);
  const address = changes(before.address, after.address, ['street', 'postalCode', 'city']);
  if (Object.keys(address).length) patch.address = address;
  // A point is moved, never cleared: sent when either coordinate changed.
  const [was, now] = [before.location as Values | null, after.location as Values | null];
  if (now && typeof now.lat === 'number' && typeof now.lon === 'number') {
    if (!was || was.lat !== now.lat || was.lon !== now.lon) patch.location = { lat: now.lat, lon: now.lon };
  }
  const contactKeys = ['name', 'phone', 'email'];
  if (Object.keys(changes(before.professionalContact, after.professionalContact, contactKeys)).length) {
    // A contact is replaced whole; emptied, it is cleared.
    const contact = changes({}, after.professionalContact, contactKeys);
    patch.professionalContact = Object.keys(contact).length ? contact : null;
  }
  return patch;
}
