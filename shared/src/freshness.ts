// How old a listing's last verification may be: shared by the API (filters, ranking) and the
// back office (what the list says about each listing).

/** Listings not verified for a year: served with `stale`, ranked after the fresh ones. */
export const staleAfterDays = 365;
/** Listings moderators should verify again (the dashboard's count, the list's filter). */
export const verifyAfterDays = 182;
