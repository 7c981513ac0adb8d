// Time limits of the tests: a last guard against a hang, never a way to wait. They grow with
// REPERE_TEST_TIME_SCALE (e.g. 3 on a machine that runs other work) so that a slow machine
// makes the run slower, not red.
const parsed = Number(process.env.REPERE_TEST_TIME_SCALE ?? '1');
export const timeScale = Number.isFinite(parsed) && parsed > 0 ? parsed : 1;

/** A time limit of `ms` on an idle machine, scaled. */
export const limit = (ms: number): number => Math.round(ms * timeScale);
