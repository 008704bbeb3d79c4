/** The boot guard's start of the early-key record (early-keys.ts): from the moment the guard runs. */
import { recordEarlyKeys } from './early-keys.ts';

recordEarlyKeys(window);
