import { createRational, type Rational } from './rational.js';

const PI_DIGITS =
  31415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679n;
const PI_SCALE = 10n ** 100n;

/** π cut after 100 decimal places: just below π. */
export const PI_BELOW: Rational = createRational(PI_DIGITS, PI_SCALE);
/** π cut after 100 decimal places plus one unit in the last place: just above π. */
export const PI_ABOVE: Rational = createRational(PI_DIGITS + 1n, PI_SCALE);
