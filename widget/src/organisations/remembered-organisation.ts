// The organisation chosen last on this device: only its id.
import { readRemembered, writeRemembered } from '../remembered.js';

const key = 'poort.organisation';

export const rememberedOrganisation = (): string | undefined => readRemembered(key);

export const rememberOrganisation = (id: string): void => writeRemembered(key, id);
