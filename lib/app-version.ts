/** The app's version, as package.json gives it: written into backups so a file says what made it. */
import pkg from '../package.json';

export const APP_NAME = 'cism-cissp-study';
export const APP_VERSION: string = pkg.version;
