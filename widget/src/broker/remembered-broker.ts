// The broker chosen last on this device.
import { readRemembered, writeRemembered } from '../remembered.js';

const key = 'poort.broker';

export const rememberedBroker = (): string | undefined => readRemembered(key);

export const rememberBroker = (id: string | undefined): void => writeRemembered(key, id);
