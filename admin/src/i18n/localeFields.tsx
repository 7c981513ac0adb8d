// Dates and numbers written the interface's way (fr-FR, or en-GB in English), not the browser's.
import { DateField, type DateFieldProps, NumberField, type NumberFieldProps, useLocaleState } from 'react-admin';

export const useFormatLocale = () => (useLocaleState()[0] === 'en' ? 'en-GB' : 'fr-FR');

export const LocaleDateField = (props: DateFieldProps) => <DateField locales={useFormatLocale()} {...props} />;

export const LocaleNumberField = (props: NumberFieldProps) => <NumberField locales={useFormatLocale()} {...props} />;
